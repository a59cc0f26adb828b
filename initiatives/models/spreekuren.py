"""Initiatievenspreekuren: consultation hours that brokers hold in the wijken, cut into slots
that residents book, with or without an account. One booking per slot is a database rule."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.fields import optional_fk
from common.signups import SignUp


class ConsultationHourQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(is_cancelled=False, ends_at__gt=now or timezone.now())


class ConsultationHour(models.Model):
    broker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("makelaar"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="consultation_hours",
    )
    wijk = optional_fk("common.Wijk", _("wijk"))
    place = models.CharField(
        _("plek"), max_length=200, help_text=_("Bijvoorbeeld: Buurthuis De Henneb")
    )
    address = models.CharField(_("adres"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    slot_minutes = models.PositiveSmallIntegerField(_("minuten per afspraak"), default=20)
    note = models.TextField(_("toelichting"), blank=True)
    is_cancelled = models.BooleanField(_("gaat niet door"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ConsultationHourQuerySet.as_manager()

    class Meta:
        verbose_name = _("spreekuur")
        verbose_name_plural = _("spreekuren")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="consultation_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(slot_minutes__gte=5), name="consultation_slot_at_least_5_minutes"
            ),
        ]

    def __str__(self) -> str:
        local = timezone.localtime(self.starts_at)
        return f"{self.place}, {local:%d-%m-%Y %H:%M}"

    def slots(self) -> list[dt.datetime]:
        step = dt.timedelta(minutes=self.slot_minutes)
        start, result = self.starts_at, []
        while start + step <= self.ends_at:
            result.append(start)
            start += step
        return result


class BookingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(cancelled_at=None)


class Booking(SignUp):
    """A slot on a consultation hour (the name, the contact details and the cancel link are a
    SignUp's)."""

    hour = models.ForeignKey(ConsultationHour, on_delete=models.CASCADE, related_name="bookings")
    slot_start = models.DateTimeField(_("tijdstip"))
    question = models.TextField(_("vraag"), blank=True)
    user = optional_fk(settings.AUTH_USER_MODEL, related_name="consultation_bookings")

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["slot_start", "pk"]
        constraints = [
            *SignUp.Meta.constraints,
            # Two residents can never hold the same slot, even when they click at once.
            models.UniqueConstraint(
                fields=["hour", "slot_start"],
                condition=Q(cancelled_at=None),
                name="one_booking_per_slot",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hour_id}: {self.slot_start:%H:%M} {self.name}"

    @property
    def slot_end(self) -> dt.datetime:
        return self.slot_start + dt.timedelta(minutes=self.hour.slot_minutes)
