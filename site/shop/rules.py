"""The shop's permissions live beside the parts they guard; importing them here registers them
at start-up (django-rules imports every app's rules.py)."""

from .methods import rules as methods_rules

__all__ = ["methods_rules"]
