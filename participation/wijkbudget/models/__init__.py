from .proposal import Proposal, ProposalEvent, RealisationUpdate
from .round import BallotRule, Completion, Eligibility, OutcomeRule, Round
from .voting import Ballot, BallotChoice, HasVoted, PaperBallotEntry, VoteCode

__all__ = [
    "Ballot",
    "BallotChoice",
    "BallotRule",
    "Completion",
    "Eligibility",
    "HasVoted",
    "OutcomeRule",
    "PaperBallotEntry",
    "Proposal",
    "ProposalEvent",
    "RealisationUpdate",
    "Round",
    "VoteCode",
]
