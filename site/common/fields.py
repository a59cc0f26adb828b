"""Model fields that many models declare the same way, written once."""

from django.db import models


def optional_fk(
    to, verbose_name=None, *, on_delete=models.SET_NULL, **options
) -> models.ForeignKey:
    """A link that may be empty: NULL in the database, not required in forms. By default it is
    emptied when the row it points to goes (an erased account, a removed department), so the
    row that links keeps its history; pass `on_delete` to protect or cascade instead."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, null=True, blank=True, on_delete=on_delete, **options
    )
