"""What the budget services share: the refusal type and the realtime group of a round."""

from django.core.exceptions import ValidationError

from common.realtime import group_name


class BudgetError(ValidationError):
    """A refusal with a message for the person who tried (Dutch, plain)."""


def round_group(round_id: int) -> str:
    return group_name("wijkbudget", round_id)
