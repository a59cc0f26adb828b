"""Forms of the resident's and the public side, split by subject; importable from here."""

from .fields import IMAGE_TYPES
from .public import BookingForm, GalleryFilterForm, VolunteerForm
from .steps import (
    AccountabilityForm,
    BudgetLineForm,
    BudgetLineFormSet,
    ConsentForm,
    FilesForm,
    IdeaForm,
    InviteForm,
    MessageForm,
    NeedsForm,
    PlaceForm,
    WithdrawForm,
)

__all__ = [
    "IMAGE_TYPES",
    "AccountabilityForm",
    "BookingForm",
    "BudgetLineForm",
    "BudgetLineFormSet",
    "ConsentForm",
    "FilesForm",
    "GalleryFilterForm",
    "IdeaForm",
    "InviteForm",
    "MessageForm",
    "NeedsForm",
    "PlaceForm",
    "VolunteerForm",
    "WithdrawForm",
]
