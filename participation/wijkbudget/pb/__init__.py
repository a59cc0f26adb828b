"""Participatory budgeting outcomes: pabulib files in and out, the rules, and why a project won.

Pure Python without Django, so the benchmark and the fixture recorder can import it from the
separate virtualenv that holds the reference library pabutools.
"""

from .instance import Election, Instance, Profile, Project, Voter
from .parse import PabulibError, parse_file, parse_text
from .rules import RULES, RuleError, outcome, selected_ids

__all__ = [
    "RULES",
    "Election",
    "Instance",
    "PabulibError",
    "Profile",
    "Project",
    "RuleError",
    "Voter",
    "outcome",
    "parse_file",
    "parse_text",
    "selected_ids",
]
