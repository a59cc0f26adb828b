"""The agenda's public pages; urls.py names them from here."""

from .activities import activity, agenda, cancel_mine
from .feeds import activity_calendar, wijk_feed
from .registration import registration

__all__ = ["activity", "activity_calendar", "agenda", "cancel_mine", "registration", "wijk_feed"]
