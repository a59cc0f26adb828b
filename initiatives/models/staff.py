"""Reference data for the brokers: which wijken a broker covers, and reusable advice texts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.fields import optional_fk


class BrokerWijk(models.Model):
    """A broker works in these wijken: their queue shows the initiatives there."""

    broker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("makelaar"),
        on_delete=models.CASCADE,
        related_name="broker_wijken",
        limit_choices_to={"groups__name": "initiatievenmakelaar"},
    )
    wijk = models.ForeignKey("common.Wijk", verbose_name=_("wijk"), on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("makelaar in een wijk")
        verbose_name_plural = _("makelaars per wijk")
        ordering = ["wijk__sort_order", "broker__email"]
        constraints = [
            models.UniqueConstraint(fields=["broker", "wijk"], name="one_row_per_broker_wijk")
        ]

    def __str__(self) -> str:
        return f"{self.broker} – {self.wijk}"


class AdviceTemplate(models.Model):
    """A text a broker often writes (how to ask for a permit, where to find a space), with an
    optional link to a participation method or page of the participatiewinkel."""

    title = models.CharField(_("titel"), max_length=120)
    text = models.TextField(_("tekst"))
    page = optional_fk("wagtailcore.Page", _("pagina in de participatiewinkel"), related_name="+")
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("adviestekst")
        verbose_name_plural = _("adviesteksten")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def full_text(self, base_url: str = "") -> str:
        """The text as it goes into a message, with the page's address at the end."""
        if self.page_id and self.page.live:
            url = self.page.url or ""
            if url.startswith("/"):
                url = base_url.rstrip("/") + url
            return f"{self.text.rstrip()}\n\n{url}" if url else self.text
        return self.text
