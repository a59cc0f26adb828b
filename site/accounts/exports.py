"""'Export my data' and 'delete my account' reach into every app. Each app registers what it
holds about a user here (in its AppConfig.ready), so accounts never imports the domain apps."""

from collections.abc import Callable
from typing import Any

Exporter = Callable[[Any], Any]  # user -> JSON-serialisable data
Eraser = Callable[[Any], None]  # user -> None; anonymise public contributions

_exporters: dict[str, Exporter] = {}
_erasers: dict[str, Eraser] = {}


def register_exporter(section: str, exporter: Exporter) -> None:
    _exporters[section] = exporter


def register_eraser(section: str, eraser: Eraser) -> None:
    _erasers[section] = eraser


def exporters() -> dict[str, Exporter]:
    return dict(_exporters)


def erasers() -> dict[str, Eraser]:
    return dict(_erasers)
