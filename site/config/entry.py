"""What both entry points (asgi.py, wsgi.py) do before Django loads: put the two source roots
on the path (`site/` for config, shop, common and accounts; the checkout for the modules), and
default to the development settings, as manage.py does."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def prepare() -> None:
    for source_root in (ROOT / "site", ROOT):
        if str(source_root) not in sys.path:
            sys.path.insert(0, str(source_root))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
