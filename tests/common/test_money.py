"""Euros as residents type them, to whole cents; never floats."""

import pytest

from common.money import AmountError, euros_for_input, format_euros, parse_euros


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("150", 15000),
        ("150,50", 15050),
        ("12,5", 1250),
        ("€ 1.250,00", 125000),
        ("1.250", 125000),
        ("0,10", 10),
        ("12.50", 1250),  # a phone keyboard's decimal point
        ("1.000.000", 100000000),
        (" 7 ", 700),
    ],
)
def test_dutch_amounts_become_cents(typed, cents):
    assert parse_euros(typed) == cents


@pytest.mark.parametrize("typed", ["", "abc", "-5", "12,505", "1,2,3", "€", "5e3", "1,5.0"])
def test_nonsense_is_refused_with_a_dutch_message(typed):
    with pytest.raises(AmountError) as error:
        parse_euros(typed)
    assert any(word in str(error.value) for word in ("bedrag", "negatief"))


def test_absurd_amounts_are_refused():
    with pytest.raises(AmountError, match="te hoog"):
        parse_euros("9999999999")


def test_formatting_is_dutch_with_two_decimals():
    assert format_euros(125050) == "€ 1.250,50"
    assert format_euros(5) == "€ 0,05"
    assert format_euros(0) == "€ 0,00"
    assert euros_for_input(125050) == "1250,50"
    assert parse_euros(euros_for_input(98765)) == 98765
