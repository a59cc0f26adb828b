"""The transition table every stateful module keeps (Signalen's workflow.py pattern), asked the
same way everywhere. A module writes its own states, actors and table by hand in its
workflow.py, and wraps them in a `Transitions`; services consult it, nothing else decides.
Pure Python: no database."""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _


class TransitionNotAllowed(Exception):
    """A move the table does not allow; the message is for the person who tried it."""


@dataclass(frozen=True)
class Transitions:
    # (from, to) -> who may make the move: one actor, or a frozenset of actors
    table: Mapping[tuple[Any, Any], Any]
    status: type  # the module's Status choices
    actor: type  # the module's Actor choices
    open: Collection
    # "Alleen de %(who)s kan <the input> op “%(target)s” zetten.", in the module's words.
    only_actor_message: str

    def allowed_targets(self, source, actor) -> list:
        return [t for (s, t), a in self.table.items() if s == source and actor in _actors(a)]

    def check(self, source, target, actor, *, refuse: type[Exception] = TransitionNotAllowed):
        """Raise `refuse` (a service passes its own error) with the reason, unless `actor` may
        move from `source` to `target`."""
        source, target = self.status(source), self.status(target)
        allowed = self.table.get((source, target))
        if allowed is None:
            raise refuse(
                _("Van “%(source)s” naar “%(target)s” kan niet.")
                % {"source": source.label, "target": target.label}
            )
        if actor not in _actors(allowed):
            who = " / ".join(str(self.actor(a).label) for a in sorted(_actors(allowed)))
            raise refuse(self.only_actor_message % {"who": who, "target": target.label})

    def is_open(self, status) -> bool:
        return self.status(status) in self.open


def _actors(allowed) -> frozenset:
    return allowed if isinstance(allowed, frozenset) else frozenset({allowed})
