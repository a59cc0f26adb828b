"""Every change to an initiative happens here: one function per verb, in a transaction, on a
locked row, checked against workflow.py, written to the history, with email and live updates
queued for after the commit (STYLE.md)."""

from .base import InitiativeError
from .brokering import (
    brokers_for_handoff,
    initiative_add_note,
    initiative_handoff,
    initiative_send_message,
    initiative_take,
)
from .community import (
    SpentLine,
    initiative_file_accountability,
    initiative_support,
    initiative_volunteer,
)
from .decisions import (
    initiative_complete,
    initiative_decline,
    initiative_grant,
    initiative_refer,
    initiative_start,
)
from .drafts import (
    MAX_ATTACHMENTS,
    MAX_PHOTOS,
    initiative_accept_invitation,
    initiative_add_attachment,
    initiative_add_photo,
    initiative_create,
    initiative_invite,
    initiative_remove_file,
    initiative_set_needs,
    initiative_set_recording,
    initiative_update,
    invitation_by_token,
)
from .funds import FundLine, accountability_lines_for_export, fund_overview, grants_for_export
from .spreekuren import (
    booking_by_token,
    booking_cancel,
    booking_create,
    booking_ics,
    booking_refuse,
    bookings_send_reminders,
    consultation_hour_create,
    free_slots,
)
from .submission import (
    DeskPlan,
    initiative_enter_at_desk,
    initiative_set_publication,
    initiative_submit,
    initiative_withdraw,
    missing_for_submission,
)

__all__ = [
    "MAX_ATTACHMENTS",
    "MAX_PHOTOS",
    "DeskPlan",
    "FundLine",
    "InitiativeError",
    "SpentLine",
    "accountability_lines_for_export",
    "booking_by_token",
    "booking_cancel",
    "booking_create",
    "booking_ics",
    "booking_refuse",
    "bookings_send_reminders",
    "brokers_for_handoff",
    "consultation_hour_create",
    "free_slots",
    "fund_overview",
    "grants_for_export",
    "initiative_accept_invitation",
    "initiative_add_attachment",
    "initiative_add_note",
    "initiative_add_photo",
    "initiative_complete",
    "initiative_create",
    "initiative_decline",
    "initiative_enter_at_desk",
    "initiative_file_accountability",
    "initiative_grant",
    "initiative_handoff",
    "initiative_invite",
    "initiative_refer",
    "initiative_remove_file",
    "initiative_send_message",
    "initiative_set_needs",
    "initiative_set_publication",
    "initiative_set_recording",
    "initiative_start",
    "initiative_submit",
    "initiative_support",
    "initiative_take",
    "initiative_update",
    "initiative_volunteer",
    "initiative_withdraw",
    "invitation_by_token",
    "missing_for_submission",
]
