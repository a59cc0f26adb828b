"""Providers for modules that were built before the ledger and cannot call `ledger.publish`
from their own services: they read those modules' models. Each provider has `register()` (its
counts) and `sync()` (bring its entries up to date); `sync_all` runs every `sync`."""

from . import initiatives, meldingen, wijkbudget

PROVIDERS = {"meldingen": meldingen, "initiatieven": initiatives, "wijkbudget": wijkbudget}


def register_builtin_sources() -> None:
    for provider in PROVIDERS.values():
        provider.register()


def sync_all(*, full: bool = False) -> dict[str, tuple[int, int]]:
    """(written, removed) per provider; `full` rewrites every entry (after a change in what
    the ledger shows), otherwise only those whose input changed."""
    return {key: provider.sync(full=full) for key, provider in PROVIDERS.items()}
