"""Dutch postcodes (4 digits + 2 letters) and the ranges that map them to a wijk. Pure Python."""

import re
from dataclasses import dataclass

POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")
RANGE_RE = re.compile(r"^([1-9][0-9]{3})(?:([A-Z]{2})-([1-9][0-9]{3})([A-Z]{2}))?$")


def normalise_postcode(value: str) -> str:
    """'2545 ch' -> '2545CH'; only the digits when no letters are given. ValueError when invalid."""
    match = POSTCODE_RE.match(value or "")
    if not match:
        raise ValueError(f"{value!r} is geen geldige postcode (4 cijfers en 2 letters).")
    digits, letters = match.groups()
    return digits + (letters or "").upper()


@dataclass(frozen=True)
class PostcodeRange:
    start: str  # "2545AA"
    end: str  # "2545ZZ"

    def __str__(self) -> str:
        if self.start.endswith("AA") and self.end.endswith("ZZ") and self.start[:4] == self.end[:4]:
            return self.start[:4]
        return f"{self.start}-{self.end}"

    def contains(self, postcode: str) -> bool:
        code = normalise_postcode(postcode)
        if len(code) == 4:
            # Only digits: the whole area must lie inside this range to be sure.
            return self.start <= code + "AA" and code + "ZZ" <= self.end
        return self.start <= code <= self.end

    def overlaps(self, other: "PostcodeRange") -> bool:
        return self.start <= other.end and other.start <= self.end


def parse_range(text: str) -> PostcodeRange:
    compact = re.sub(r"\s+", "", str(text)).upper()
    match = RANGE_RE.match(compact)
    if not match:
        raise ValueError(f"{text!r} is geen postcodegebied. Gebruik 2544 of 2545AA-2545KZ.")
    digits, start_letters, end_digits, end_letters = match.groups()
    if start_letters is None:
        return PostcodeRange(digits + "AA", digits + "ZZ")
    start, end = digits + start_letters, end_digits + end_letters
    if start > end:
        raise ValueError(f"{text!r}: het begin ligt na het einde.")
    return PostcodeRange(start, end)


def parse_ranges(values: list[str]) -> list[PostcodeRange]:
    if not isinstance(values, list):
        raise ValueError("Geef de postcodegebieden als lijst.")
    return [parse_range(value) for value in values]
