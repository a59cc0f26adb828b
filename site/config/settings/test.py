"""Tests: fast hashing, local memory everywhere unless CI points at PostgreSQL and Redis."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import CACHES, CHANNEL_LAYERS, REDIS_URL, VAR_DIR

# pytest-xdist: each worker gets its own media folders and its own Redis database (the tests
# clear the cache, and Redis clears a whole database), as pytest-django gives it its own
# test database.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
WORKER_NUMBER = int(WORKER[2:]) if WORKER.startswith("gw") else None

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, inside on_commit, so tests see their effects without a worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = VAR_DIR / f"test-media{'-' + WORKER if WORKER else ''}"
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif WORKER_NUMBER is not None:
    parts = urlsplit(REDIS_URL)
    base_db = int(parts.path.strip("/") or 0)
    worker_url = urlunsplit(parts._replace(path=f"/{(base_db + 1 + WORKER_NUMBER) % 16}"))
    CACHES["default"]["LOCATION"] = worker_url
    CACHES["default"]["KEY_PREFIX"] += f"-{WORKER}"
    CHANNEL_LAYERS["default"]["CONFIG"]["hosts"][0]["address"] = worker_url
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] += f"-{WORKER}"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Off, so that a test sees every page rendered; tests/common/test_pagecache.py turns it on.
PAGE_CACHE_SECONDS = 0
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
LOGGING = {"version": 1, "disable_existing_loggers": False}
PRIVATE_MEDIA_ROOT = VAR_DIR / f"test-private-media{'-' + WORKER if WORKER else ''}"
