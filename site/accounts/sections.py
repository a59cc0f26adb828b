"""What 'Mijn Zuidwest' lists. Each module registers a section (my reports, my initiatives, my
bookings) in its AppConfig.ready; until it does, the page says the section is coming."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from common.templatetags.ui import status_label


@dataclass
class Section:
    key: str
    title: str
    empty_text: str
    items: list[Any] = field(default_factory=list)
    coming: bool = False


def link_item(url: str, text) -> str:
    """An item of a section that is only a link: "start a new one", "book an appointment"."""
    return format_html('<a class="utrecht-link" href="{}">{}</a>', url, text)


def status_item(url: str, title, detail, status) -> str:
    """An item of a section that is one of the person's things: its link, a detail (a
    reference, a date) and where it stands, in bold. `status` is a word, or the thing itself
    when it keeps a current status (common.feedback.events): then it is the site's one status
    label, the word with its pictogram."""
    if hasattr(status, "public_label"):
        status = render_to_string("includes/status_label.html", status_label(status))
    return format_html(
        '<a class="utrecht-link" href="{}">{}</a> – {} · <strong>{}</strong>',
        url,
        title,
        detail,
        status,
    )


SectionProvider = Callable[[Any], Section]
_providers: dict[str, SectionProvider] = {}

PLANNED = [
    ("meldingen", _("Mijn meldingen"), _("Binnenkort ziet u hier uw meldingen en de antwoorden.")),
    (
        "initiatieven",
        _("Mijn initiatieven"),
        _("Binnenkort ziet u hier uw initiatieven en de berichten van uw contactpersoon."),
    ),
    ("afspraken", _("Mijn afspraken"), _("Binnenkort ziet u hier uw afspraken en aanmeldingen.")),
]


def register_section(key: str, provider: SectionProvider) -> None:
    _providers[key] = provider


def account_sections(user) -> list[Section]:
    sections = []
    for key, title, coming_text in PLANNED:
        provider = _providers.get(key)
        if provider:
            sections.append(provider(user))
        else:
            sections.append(Section(key=key, title=title, empty_text=coming_text, coming=True))
    # Modules that registered a section of their own (agenda sign-ups, wijkbudget plans, ...).
    planned = {key for key, _title, _text in PLANNED}
    for key, provider in _providers.items():
        if key not in planned:
            sections.append(provider(user))
    return sections
