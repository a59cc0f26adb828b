"""The way an input reached us: online by the resident themselves, or entered by a desk employee
of the participatiewinkel for a resident at the desk (balie) or on the phone. The public figures
count inputs per channel, so the municipality sees who is reached offline."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    BALIE = "balie", _("aan de balie")
    TELEFOON = "telefoon", _("telefoon")


# The channels a desk employee chooses from ("online" is the resident's own way in), worded for
# the desk form.
DESK_CHANNELS = [
    (Channel.BALIE.value, _("Aan de balie")),
    (Channel.TELEFOON.value, _("Aan de telefoon")),
]


class InputChannel(models.Model):
    channel = models.CharField(
        _("kanaal"),
        max_length=10,
        choices=Channel.choices,
        default=Channel.ONLINE,
        db_index=True,
        help_text=_("Hoe de inwoner dit deed: zelf online, aan de balie of aan de telefoon."),
    )

    class Meta:
        abstract = True

    @property
    def entered_at_desk(self) -> bool:
        return self.channel != Channel.ONLINE
