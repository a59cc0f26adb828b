"""Amounts, days and times the way the reader's language writes them (common.l10n): the same
helper for pages, e-mails and letters, following the active language."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from common.l10n import (
    format_clock,
    format_day,
    format_money,
    format_names,
    iso_day,
    plural_count,
)
from common.money import format_euros

CLOSING = datetime(2027, 3, 14, 17, 0, tzinfo=ZoneInfo("UTC"))  # 18:00 in Den Haag


@pytest.mark.parametrize(
    ("lang", "money", "day", "clock"),
    [
        ("nl", "€ 1.250,50", "14 maart 2027", "18:00"),
        ("en", "€1,250.50", "14 March 2027", "18:00"),
        ("tr", "€1.250,50", "14 Mart 2027", "18:00"),
        ("ar", "\u200f1,250.50 €", "14 مارس 2027", "6:00 م"),
        ("pl", "1\u00a0250,50 €", "14 marca 2027", "18:00"),
        ("bg", "1\u00a0250,50 €", "14 март 2027\u202fг.", "18:00"),
    ],
)
def test_each_language_writes_amounts_and_dates_its_own_way(lang, money, day, clock):
    with translation.override(lang):
        assert format_euros(125050) == money  # the helper every module already calls
        assert format_day(CLOSING) == day
        assert format_clock(CLOSING) == clock
        html = Template("{% load money dates %}{{ a|euros }}|{{ d|day }}|{{ d|clock }}").render(
            Context({"a": 125050, "d": CLOSING})
        )
        assert html == f"{money}|{day}|{clock}"
    assert format_money(125050, lang) == money  # or for a language given outright


def test_round_amounts_in_brief_and_no_amount():
    assert format_money(2_500_000, "nl", brief=True) == "€ 25.000"
    assert format_money(2_500_000, "en", brief=True) == "€25,000"
    assert format_money(921_950, "nl", brief=True) == "€ 9.219,50"
    assert format_money(None) == "" and format_euros(5) == "€ 0,05"


def test_a_plain_day_and_a_list_of_wijken():
    assert format_day(date(2027, 1, 2), "pl") == "2 stycznia 2027"
    assert format_names(["Moerwijk", "Morgenstond", "Bouwlust"], "nl") == (
        "Moerwijk, Morgenstond en Bouwlust"
    )
    assert format_names(["Moerwijk", "Bouwlust"], "en") == "Moerwijk and Bouwlust"


@pytest.mark.parametrize(
    ("lang", "weekday", "noyear"),
    [
        ("nl", "zondag 14 maart 2027", "14 maart"),
        ("en", "Sunday, 14 March 2027", "14 March"),
        ("tr", "14 Mart 2027 Pazar", "14 Mart"),
        ("pl", "w niedzielę, 14 marca 2027", "14 marca"),
        ("bg", "неделя, 14 март 2027\u202fг.", "14 март"),
    ],
)
def test_a_day_with_its_weekday_or_without_its_year(lang, weekday, noyear):
    assert format_day(CLOSING, lang, "weekday") == weekday
    assert format_day(CLOSING, lang, "noyear") == noyear
    with pytest.raises(ValueError, match="Unknown form"):
        format_day(CLOSING, lang, "j F")


def test_the_day_filters_read_dates_moments_and_iso_text_and_leave_other_text():
    page = Template(
        '{% load dates %}{{ a|day }} | {{ b|day:"weekday" }} | {{ c|day:"noyear" }} | '
        "{{ d|day }} | {{ e|clock }} | {{ f|clock }} | {{ g|day }}"
    )
    context = Context(
        {
            "a": date(2027, 3, 14),
            "b": "2027-03-14",
            "c": CLOSING,
            "d": "12-03-2026",  # a mail queued before the days became ISO text
            "e": "2027-03-14T17:00:00+00:00",
            "f": "2027-03-14",
            "g": None,
        }
    )
    with translation.override("pl"):
        shown = page.render(context)
    assert shown == (
        "14 marca 2027 | w niedzielę, 14 marca 2027 | 14 marca | 12-03-2026 | 18:00 | 2027-03-14 | "
    )


def test_iso_day_is_the_local_day_of_a_moment():
    late = datetime(2027, 3, 14, 23, 30, tzinfo=ZoneInfo("UTC"))  # already the 15th in Den Haag
    assert iso_day(late) == "2027-03-15" and iso_day(date(2027, 3, 14)) == "2027-03-14"


def test_plural_count_is_the_number_or_a_fraction_form():
    assert [plural_count(n) for n in (0, 1, 2, 1.0, 21)] == [0, 1, 2, 1, 21]
    assert plural_count(1.5) == 100 and plural_count(None) == 0
    from django.utils.translation import trans_real

    # Arabic's catalogue: 100 takes its sixth form, the one CLDR gives a fraction.
    assert trans_real.translation("ar").plural(plural_count(2.5)) == 5
