"""What every app shares: the wijken of Zuidwest, the municipal departments, and the log of
notifications sent to residents."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .feedback.language import SavedInDutch
from .fields import optional_fk
from .postcodes import PostcodeRange, parse_ranges


class WijkQuerySet(models.QuerySet):
    def ordered(self):
        return self.order_by("sort_order", "name")


class Wijk(models.Model):
    """A neighbourhood of Den Haag Zuidwest, with the postcodes and area that belong to it."""

    name = models.CharField(_("naam"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    cbs_code = models.CharField(_("CBS-code"), max_length=12, blank=True)
    postcode_ranges = models.JSONField(
        _("postcodegebieden"),
        default=list,
        blank=True,
        help_text=_('Lijst van postcodes: "2544" voor een heel gebied of "2545AA-2545KZ".'),
    )
    boundary = models.JSONField(
        _("grens (GeoJSON)"),
        null=True,
        blank=True,
        help_text=_("Een GeoJSON Polygon of MultiPolygon in WGS84 (lengtegraad, breedtegraad)."),
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    objects = WijkQuerySet.as_manager()

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def ranges(self) -> list[PostcodeRange]:
        return parse_ranges(self.postcode_ranges or [])

    def clean(self) -> None:
        try:
            mine = self.ranges()
        except ValueError as error:
            raise ValidationError({"postcode_ranges": str(error)}) from error
        others = Wijk.objects.exclude(pk=self.pk).only("name", "postcode_ranges")
        for other in others:
            for theirs in other.ranges():
                for own in mine:
                    if own.overlaps(theirs):
                        raise ValidationError(
                            {
                                "postcode_ranges": _(
                                    "%(own)s overlapt met %(theirs)s van wijk %(wijk)s."
                                )
                                % {"own": own, "theirs": theirs, "wijk": other.name}
                            }
                        )
        if self.boundary:
            from .geo import validate_geometry

            try:
                validate_geometry(self.boundary)
            except ValueError as error:
                raise ValidationError({"boundary": str(error)}) from error


class Afdeling(SavedInDutch, models.Model):
    """A municipal department (or team) that handles reports and initiatives. Residents read its
    name (a process page, Open311) in their language: common/translated_names.py; the `name`
    column holds the Dutch and is unique, and so is each language's column."""

    name = models.CharField(_("naam"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    email = models.EmailField(_("team-e-mail"), blank=True)

    class Meta:
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelingen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Notification(models.Model):
    """One message to one recipient. Kept so residents can see what we told them, and so a
    failed send can be retried; erased with the account."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        SENT = "sent", _("verstuurd")
        SKIPPED = "skipped", _("niet verstuurd (voorkeur)")
        FAILED = "failed", _("mislukt")

    user = optional_fk(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    event = models.CharField(_("gebeurtenis"), max_length=80)
    language = models.CharField(_("taal"), max_length=8)
    context = models.JSONField(_("gegevens"), default=dict, blank=True)
    # Values that carry a secret (a follow, cancel or invitation link): the mail is the only
    # place they may live, so they are kept just until it is sent or skipped, and the
    # housekeeping job forgets them for a mail that never went out (SECRET_RETENTION_DAYS).
    secret_context = models.JSONField(_("geheime gegevens"), default=dict, blank=True)
    # Files sent along, e.g. an iCal invitation: [{"filename", "content", "mimetype"}] (text only).
    attachments = models.JSONField(_("bijlagen"), default=list, blank=True)
    subject = models.CharField(_("onderwerp"), max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    # Days a failed or waiting message keeps its secret links for a retry.
    SECRET_RETENTION_DAYS = 3

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.email or self.user_id}"


# Models of the feedback kernel that live beside the code that uses them (common.feedback).
from .feedback.late import LateNotice  # noqa: E402, F401
from .feedback.references import ReferenceCounter  # noqa: E402, F401
from .translation.models import MachineTranslation  # noqa: E402, F401
