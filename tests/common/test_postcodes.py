import pytest

from common.postcodes import normalise_postcode, parse_range, parse_ranges


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2545 ch", "2545CH"), ("2545CH", "2545CH"), (" 2532 ", "2532"), ("2532ab", "2532AB")],
)
def test_postcodes_are_normalised(raw, expected):
    assert normalise_postcode(raw) == expected


@pytest.mark.parametrize("raw", ["", "0123AB", "25455", "ABCD", "2545 C", "2545-CH"])
def test_invalid_postcodes_are_refused_with_a_dutch_message(raw):
    with pytest.raises(ValueError, match="geen geldige postcode"):
        normalise_postcode(raw)


def test_a_whole_area_contains_every_letter_pair():
    area = parse_range("2544")
    assert area.contains("2544AA") and area.contains("2544 zz")
    assert not area.contains("2545AA")


def test_a_letter_range_is_inclusive_and_precise():
    part = parse_range("2545AA-2545KZ")
    assert part.contains("2545AA") and part.contains("2545KZ")
    assert not part.contains("2545LA")
    # Only digits: we cannot know which side of the split the address is on.
    assert not part.contains("2545")


def test_overlap_is_detected():
    first, second, third = parse_ranges(["2545AA-2545KZ", "2545KA-2545ZZ", "2545LA-2545ZZ"])
    assert first.overlaps(second)
    assert not first.overlaps(third)


@pytest.mark.parametrize("raw", ["25", "2545ZZ-2545AA", "2545AA-", "abcd"])
def test_bad_ranges_are_refused(raw):
    with pytest.raises(ValueError):
        parse_range(raw)
