"""The participatieladder: how much say residents have, lowest rung first. One list, spoken by
the methods databank (shop: which method fits a rung) and by the inspraak processes (how much say
a process gives), so neither module defines it again. Each says in its own words what a rung
means in its place (shop.methods.vocabulary, participation.inspraak.models)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Influence(models.TextChoices):
    INFORMEREN = "informeren", _("Informeren")
    RAADPLEGEN = "raadplegen", _("Raadplegen")
    ADVISEREN = "adviseren", _("Adviseren")
    COPRODUCEREN = "coproduceren", _("Coproduceren")
    MEEBESLISSEN = "meebeslissen", _("Meebeslissen")
