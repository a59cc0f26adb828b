"""Amounts, days and times in the reader's language: the one place that formats them for pages,
e-mails and letters alike. The language is the active one (a request's, or the one a mail or
letter sets with `translation.override`), or `lang` when given. Babel's CLDR data says how each
language writes them: '€ 1.250,50' and '14 maart 2027' in Dutch, '1 250,50 €' and '14 marca 2027'
in Polish. Digits are Western in every language, as in the vote codes and phone numbers beside
them."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from babel.dates import format_date, format_skeleton, format_time
from babel.lists import format_list
from babel.numbers import format_currency, get_decimal_symbol
from django.conf import settings
from django.utils import timezone, translation

# The Babel locale of each site language: British English, the others as spoken in their country.
BABEL_LOCALES = {
    "nl": "nl_NL",
    "en": "en_GB",
    "tr": "tr_TR",
    "ar": "ar",
    "pl": "pl_PL",
    "bg": "bg_BG",
}


def babel_locale(lang: str | None = None) -> str:
    code = (lang or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return BABEL_LOCALES.get(code, BABEL_LOCALES[settings.LANGUAGE_CODE])


def format_money(cents: int | None, lang: str | None = None, brief: bool = False) -> str:
    """125050 -> '€ 1.250,50' (nl), '€1,250.50' (en), '1 250,50 €' (pl): two decimals, or
    none for a round amount when `brief` ('€ 25.000'). The group separator stays non-breaking
    where the language has a space there; the space between the euro sign and the number is an
    ordinary one, as Dutch pages have always had it."""
    if cents is None:
        return ""
    locale = babel_locale(lang)
    text = format_currency(Decimal(int(cents)) / 100, "EUR", locale=locale, numbering_system="latn")
    if brief and int(cents) % 100 == 0:
        text = text.replace(get_decimal_symbol(locale, numbering_system="latn") + "00", "")
    return text.replace("€\u00a0", "€ ").replace("\u00a0€", " €")


def _local(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


# How much of the day to write: the day, month and year; with the weekday in front; or the day
# and month only (for a date in the coming weeks, beside its weekday or time).
DAY_FORMS = ("long", "weekday", "noyear")

# Polish puts a day in a sentence after "w" in the accusative ("najpóźniej w środę, 9 grudnia"):
# a weekday in the nominative, as CLDR's full form has it, reads wrong after "najpóźniej", "o",
# "przyjdzie". Babel's `format_date` has no such form, so it is written here (Monday first).
POLISH_ON_WEEKDAY = (
    "w poniedziałek",
    "we wtorek",
    "w środę",
    "w czwartek",
    "w piątek",
    "w sobotę",
    "w niedzielę",
)


def format_day(value: date | datetime, lang: str | None = None, form: str = "long") -> str:
    """The day in words: '14 maart 2027', '14 March 2027', '14 marca 2027', '14 март 2027 г.';
    form "weekday": 'zondag 14 maart 2027', 'w niedzielę, 14 marca 2027', '14 Mart 2027 Pazar';
    form "noyear": '14 maart', '14 marca' (the month in the case a day needs)."""
    locale = babel_locale(lang)
    value = _local(value)
    if form == "weekday":
        if locale.startswith("pl"):
            return (
                f"{POLISH_ON_WEEKDAY[value.weekday()]}, {format_date(value, 'long', locale=locale)}"
            )
        return format_date(value, "full", locale=locale)
    if form == "noyear":
        return format_skeleton("MMMMd", value, locale=locale)
    if form != "long":
        raise ValueError(f"Unknown form of a day: {form!r} (one of {', '.join(DAY_FORMS)})")
    return format_date(value, "long", locale=locale)


def iso_day(value: date | datetime) -> str:
    """A day as ISO text ('2027-03-14', the local day of a moment) for a mail's context, which is
    kept as JSON: `{{ deadline|day }}` writes it in the reader's language when the mail is sent."""
    local = _local(value)
    return (local.date() if isinstance(local, datetime) else local).isoformat()


def format_clock(value: datetime | time, lang: str | None = None) -> str:
    """The time of day: '18:00' (nl, en, pl, ...), '6:00 م' (ar)."""
    return format_time(_local(value), "short", locale=babel_locale(lang))


def format_names(names: list[str], lang: str | None = None) -> str:
    """['Moerwijk', 'Morgenstond', 'Bouwlust'] -> 'Moerwijk, Morgenstond en Bouwlust' (nl)."""
    return format_list(list(names), locale=babel_locale(lang)) if names else ""


def plural_count(value) -> int:
    """The number that picks the plural form of a text for `value` (ngettext and
    {% blocktranslate count %} take whole numbers only): the number itself when it is whole;
    for a fraction such as a median of 1.5 days, 100, which every catalogue's rule gives the
    form CLDR uses for fractions ('1,5 werkdagen', '1.5 working days', Arabic's other form)."""
    number = float(value or 0)
    return int(number) if number.is_integer() else 100
