"""One service per verb; views and the back office call these and nothing else changes state."""

from .base import BudgetError
from .paper import paper_ballot_enter, paper_entry_correct, paper_entry_discard
from .proposals import (
    proposal_answer_merge,
    proposal_mark_feasible,
    proposal_mark_infeasible,
    proposal_request_merge,
    proposal_submit,
)
from .realisation import realisation_add_update
from .rounds import round_advance_phase, round_close, round_count, round_publish
from .voting import (
    BallotRefused,
    ballot_cast,
    vote_code_find,
    vote_codes_generate,
)

__all__ = [
    "BallotRefused",
    "BudgetError",
    "ballot_cast",
    "paper_ballot_enter",
    "paper_entry_correct",
    "paper_entry_discard",
    "proposal_answer_merge",
    "proposal_mark_feasible",
    "proposal_mark_infeasible",
    "proposal_request_merge",
    "proposal_submit",
    "realisation_add_update",
    "round_advance_phase",
    "round_close",
    "round_count",
    "round_publish",
    "vote_code_find",
    "vote_codes_generate",
]
