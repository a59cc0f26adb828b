"""Background work for the wijkbudget: counting a very large round after it closed. The task
lives beside its service (services/rounds.py), which queues it; here it is listed for the worker."""

from .services.rounds import count_round

__all__ = ["count_round"]
