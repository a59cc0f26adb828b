"""Template helpers for the site's look: the language switcher, localized paths and form widgets
dressed in NL Design System (Utrecht) classes."""

from django import forms, template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, get_language_info, gettext
from django.utils.translation import gettext_lazy as _lazy

from common.context_processors import localized_path as _localized_path
from common.l10n import plural_count

register = template.Library()


def _alternates(context) -> list[tuple[str, str, str]]:
    """(code, native name, url) for every language, pointing at this page in that language."""
    request = context.get("request")
    page = context.get("page")
    current = get_language() or settings.LANGUAGE_CODE
    alternates = []
    for code, name in settings.LANGUAGES:
        url = None
        if page is not None and hasattr(page, "get_translations"):
            if page.locale.language_code == code:
                url = page.url
            else:
                translation = page.get_translations().filter(locale__language_code=code).first()
                url = translation.url if translation and translation.live else None
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
            if code != current and url == request.get_full_path():
                url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        # Each language named in itself, as settings.LANGUAGES writes it ("Türkçe", "Polski").
        alternates.append((code, name, url or "/"))
    return alternates


def _direction(code: str) -> str:
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


@register.simple_tag(takes_context=True)
def language_switcher(context):
    current = get_language() or settings.LANGUAGE_CODE
    items = []
    for code, name, url in _alternates(context):
        if code == current:
            items.append(
                format_html(
                    '<li><span class="language-switcher__current" lang="{}" dir="{}" '
                    'aria-current="true">{}</span></li>',
                    code,
                    _direction(code),
                    name,
                )
            )
        else:
            items.append(
                format_html(
                    '<li><a class="utrecht-link language-switcher__link" href="{}" lang="{}" '
                    'dir="{}" hreflang="{}">{}</a></li>',
                    url,
                    code,
                    _direction(code),
                    code,
                    name,
                )
            )
    return format_html(
        '<nav class="language-switcher" aria-label="{}"><ul>{}</ul></nav>',
        gettext("Kies een taal"),
        format_html_join("", "{}", ((item,) for item in items)),
    )


@register.simple_tag(takes_context=True)
def alternate_links(context):
    return format_html_join(
        "\n",
        '<link rel="alternate" hreflang="{}" href="{}">',
        ((code, url) for code, _name, url in _alternates(context)),
    )


@register.simple_tag
def localized_home():
    return _localized_path("/")


@register.simple_tag
def localized_path(path: str):
    return _localized_path(path)


WIDGET_TYPES = [
    (forms.CheckboxSelectMultiple, "checkboxes"),
    (forms.RadioSelect, "radio"),
    (forms.CheckboxInput, "checkbox"),
    (forms.Textarea, "textarea"),
    (forms.Select, "select"),
    (forms.FileInput, "file"),
]

WIDGET_CLASSES = {
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "file": "utrecht-textbox utrecht-textbox--html-input",
    "text": "utrecht-textbox utrecht-textbox--html-input",
}


@register.filter
def widget_type(bound_field) -> str:
    widget = bound_field.field.widget
    for widget_class, name in WIDGET_TYPES:
        if isinstance(widget, widget_class):
            return name
    return "text"


@register.filter
def ui_widget(bound_field):
    """Render the widget with Utrecht classes, and tie it to its help text and errors."""
    kind = widget_type(bound_field)
    attrs = {"class": WIDGET_CLASSES.get(kind, WIDGET_CLASSES["text"])}
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}_help")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}_errors")
        attrs["aria-invalid"] = "true"
        attrs["class"] += f" utrecht-{'textbox' if kind == 'text' else kind}--invalid"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return bound_field.as_widget(attrs=attrs)


TILE_TEXTS = {
    "melden": _lazy("Iets kapot, vies of onveilig? Meld het in één minuut."),
    "initiatieven": _lazy("Een idee voor uw buurt? Wij helpen u op weg."),
    "wijkbudget": _lazy("Bedenk plannen en stem mee over geld voor uw wijk."),
    "participatiewinkel": _lazy("Praat mee, krijg advies en zie wat er gebeurt."),
}


@register.simple_tag
def tile_text(icon: str) -> str:
    return str(TILE_TEXTS.get(icon, ""))


@register.simple_tag
def static_icon(name: str) -> str:
    from django.templatetags.static import static

    return static(f"icons/{name}.svg")


# Pictograms that point along the reading direction: turned round on right-to-left pages.
MIRRORED_IN_RTL = frozenset({"status-doorgestuurd", "status-ingetrokken"})


@register.simple_tag
def pictogram(name: str, large: bool = False) -> str:
    """A small picture beside a word (static/icons/<name>.svg), for residents who recognise a
    picture sooner than they read: decorative (alt=""), since the word beside it carries the
    meaning. Sized by CSS (.pictogram, 1.5 or 2 rem); width and height keep its place."""
    if not name:
        return ""
    size = 32 if large else 24
    classes = "pictogram" + (" pictogram--large" if large else "")
    if name in MIRRORED_IN_RTL:
        classes += " icon--mirrored"
    return format_html(
        '<img class="{}" src="{}" alt="" width="{}" height="{}">',
        classes,
        static_icon(name),
        size,
        size,
    )


@register.inclusion_tag("includes/status_label.html")
def status_label(item) -> dict:
    """The one way a resident sees a status (of a melding, an initiative or a step in their
    history): its pictogram, then the word. The module's workflow names the picture
    (PUBLIC_ICONS beside PUBLIC_LABELS)."""
    return {"label": item.public_label, "icon": getattr(item, "public_icon", "")}


# Long Dutch compounds break mid-word on a 320 px screen; Chromium on Linux has no Dutch
# hyphenation dictionary, so we mark the joints ourselves (U+00AD, a soft hyphen).
COMPOUND_JOINTS = {
    "Participatiewinkel": "Participatie\u00adwinkel",
    "Initiatievenmakelaar": "Initiatieven\u00admakelaar",
    "Terugkoppeling": "Terug\u00adkoppeling",
}


@register.filter
def soft_hyphens(text) -> str:
    value = str(text)
    for word, marked in COMPOUND_JOINTS.items():
        value = value.replace(word, marked)
    return value


@register.simple_tag(takes_context=True)
def page_links(context, page_obj, param: str = "pagina") -> dict:
    """The links of the one pagination (includes/pagination.html): previous, the pages around
    this one with a gap for those left out, and next. Each keeps the other query parameters
    (the filters); `param` is the page's own ("pagina" on the site, "page" in the admin)."""
    query = context["request"].GET

    def url(number: int) -> str:
        params = query.copy()
        params[param] = number
        return f"?{params.urlencode()}"

    paginator = page_obj.paginator
    pages = [
        {"number": n, "gap": True}
        if n == paginator.ELLIPSIS
        else {"number": n, "url": url(n), "current": n == page_obj.number}
        for n in paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)
    ]
    return {
        "previous": url(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next": url(page_obj.next_page_number()) if page_obj.has_next() else "",
        "pages": pages,
    }


@register.simple_tag
def untranslated_language(page) -> str:
    """The language a Wagtail page is written in when it is not the reader's ("nl" for a Dutch
    page shown under /tr/ because nobody translated it yet), else "": the page then carries
    lang="nl" on its content and a note in the reader's language."""
    locale_id = getattr(page, "locale_id", None)
    if not locale_id:
        return ""
    code = page.locale.language_code
    return code if code != (get_language() or settings.LANGUAGE_CODE) else ""


@register.filter(name="plural_count")
def plural_count_filter(value) -> int:
    """{% blocktranslate count n=days|plural_count %}: see common.l10n.plural_count."""
    return plural_count(value)
