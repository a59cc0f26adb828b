"""'Export my data' and 'delete my account' reach into every app. Each app registers what it
holds about a user here (in its AppConfig.ready), so accounts never imports the domain apps.

An eraser names the models it clears (`covers`): tests/accounts/test_erasure_coverage.py walks
every installed model that can hold a person's address, phone or name and fails when no eraser
covers it, so a new app with personal data cannot be forgotten."""

from collections.abc import Callable, Iterable
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q

Exporter = Callable[[Any], Any]  # user -> JSON-serialisable data
Eraser = Callable[[Any], None]  # user -> None; anonymise public contributions

_exporters: dict[str, Exporter] = {}
_erasers: dict[str, Eraser] = {}
_covers: dict[str, frozenset[str]] = {}
_last: set[str] = set()


def register_exporter(section: str, exporter: Exporter) -> None:
    _exporters[section] = exporter


def register_eraser(
    section: str, eraser: Eraser, *, covers: Iterable[str] = (), last: bool = False
) -> None:
    """`covers`: the models ("app_label.Model") whose rows about the person `eraser` deletes or
    anonymises. `last`: runs after the others (the account itself: what they still queue, such
    as a cancellation mail, goes with it)."""
    _erasers[section] = eraser
    _covers[section] = frozenset(covers)
    if last:
        _last.add(section)
    else:
        _last.discard(section)


def exporters() -> dict[str, Exporter]:
    return dict(_exporters)


def erasers() -> dict[str, Eraser]:
    """In the order they run: by section, the `last` ones at the end."""
    order = sorted(_erasers, key=lambda section: (section in _last, section))
    return {section: _erasers[section] for section in order}


def covered_models() -> frozenset[str]:
    return frozenset().union(*_covers.values())


def erasure_addresses(user) -> list[str]:
    """The addresses that are provably the person's own: the verified ones of the account. Data
    typed with one of them (a report made while logged in, a booking without an account) is
    theirs to erase; an unverified address could be someone else's."""
    from allauth.account.models import EmailAddress

    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return sorted({address.lower() for address in addresses if address})


def by_address(field: str, addresses: Iterable[str]) -> Q:
    """Rows whose `field` is one of `addresses`, whatever its case; matches nothing when empty."""
    return reduce(or_, (Q(**{f"{field}__iexact": a}) for a in addresses), Q(pk__in=[]))


def forget_log_entries(model, pks: Iterable) -> None:
    """Wagtail's admin log keeps `str(obj)` of every object staff touched (an advice request's is
    "AV-… – name"). When an eraser deletes or anonymises rows, their log lines keep the action
    and the time, not the label."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    ids = [str(pk) for pk in pks]
    if ids:
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
            object_id__in=ids,
        ).update(label="–", data={})


def forget_notifications(events: Iterable[str], context: dict) -> None:
    """Delete the copies sent to someone else (a broker, an organiser) about a row an eraser
    removes: the notifications of `events` whose context holds every key/value of `context`,
    e.g. the name, date and time of a booking."""
    from common.models import Notification

    lookups = {f"context__{key}": value for key, value in context.items()}
    Notification.objects.filter(event__in=list(events), **lookups).delete()
