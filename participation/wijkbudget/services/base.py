"""What the budget services share: the refusal type, the realtime group of a round, and the
photo (with its thumbnail) of a proposal or a realisation update."""

from django.core.exceptions import ValidationError

from common.images import SanitisedImage, make_thumbnail
from common.realtime import group_name


class BudgetError(ValidationError):
    """A refusal with a message for the person who tried (Dutch, plain)."""


def round_group(round_id: int) -> str:
    return group_name("wijkbudget", round_id)


def attach_photo(row, photo: SanitisedImage, name: str) -> None:
    """Put the (already sanitised) photo and its thumbnail on `row.photo` and `row.thumbnail`;
    the caller saves the row."""
    file = photo.as_file(name)
    row.photo.save(file.name, file, save=False)
    thumb = make_thumbnail(photo.content).as_file("klein")
    row.thumbnail.save(thumb.name, thumb, save=False)
