"""The public pages of inspraak; urls.py names them from here."""

from .calendar import month
from .processes import detail, index

__all__ = ["detail", "index", "month"]
