"""The reference for bench_workers.py: the database setting as it was before the pool
(persistent connections, CONN_MAX_AGE=60, no pool). Never used outside the benchmark."""

from config.settings.test import *  # noqa: F403
from config.settings.test import DATABASES

DATABASES["default"]["CONN_MAX_AGE"] = 60
DATABASES["default"]["OPTIONS"].pop("pool", None)
