"""Who something is for: one list of audiences, spoken by the methods databank (shop) and by the
agenda's activities (participation.agenda), so neither module imports the other."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    BEWONERS = "bewoners", _("Alle bewoners")
    JEUGD = "jeugd", _("Kinderen en jongeren")
    OUDERS = "ouders", _("Ouders")
    OUDEREN = "ouderen", _("Ouderen")
    ONDERNEMERS = "ondernemers", _("Ondernemers")
    NIEUWKOMERS = "nieuwkomers", _("Nieuwkomers")
    ORGANISATIES = "organisaties", _("Organisaties en professionals")
