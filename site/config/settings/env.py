"""Small readers for environment variables, so settings say what they need in one line."""

import os

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if required:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production and is not set."
        )
    return default


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    return value in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name: str, default: list[str] | None = None, *, required: bool = False) -> list[str]:
    value = env_str(name, required=required)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_url(url: str) -> dict:
    """DATABASES["default"] from DATABASE_URL.

    PostgreSQL goes through Django's connection pool (psycopg_pool), one pool per process.
    Under ASGI every request runs its ORM work on a thread of its own, so a persistent
    connection (CONN_MAX_AGE > 0) stays open after its thread is gone and each worker piles
    up connections until PostgreSQL refuses new clients. The pool caps a process at
    DATABASE_POOL_MAX_SIZE connections and lets a request wait up to DATABASE_POOL_TIMEOUT
    seconds for one instead of failing. Size it so that every process together stays below
    PostgreSQL's max_connections (see README, "Beyond one machine")."""
    config = dj_database_url.parse(url, conn_max_age=0, conn_health_checks=True)
    config.setdefault("OPTIONS", {})
    if config["ENGINE"] == "django.db.backends.postgresql":
        config["OPTIONS"]["pool"] = database_pool_options()
    elif config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the web process and the task worker read and write the same file.
        config["OPTIONS"].update(
            {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            }
        )
    return config


def database_pool_options() -> dict:
    """psycopg_pool sizes for one process, from the environment."""
    min_size = env_int("DATABASE_POOL_MIN_SIZE", 2)
    max_size = env_int("DATABASE_POOL_MAX_SIZE", 10)
    timeout = float(env_str("DATABASE_POOL_TIMEOUT", "20"))
    if not 0 <= min_size <= max_size or max_size < 1 or timeout <= 0:
        raise ImproperlyConfigured(
            "DATABASE_POOL_MIN_SIZE must be between 0 and DATABASE_POOL_MAX_SIZE, "
            "DATABASE_POOL_MAX_SIZE at least 1 and DATABASE_POOL_TIMEOUT more than 0 seconds "
            f"(now {min_size}, {max_size} and {timeout})."
        )
    return {"min_size": min_size, "max_size": max_size, "timeout": timeout}


def email_from_url(url: str) -> dict:
    """Turn EMAIL_URL (smtp://user:pass@host:587/?tls=True) into Django's EMAIL_* settings."""
    parsed = dj_email_url.parse(url)
    return {
        "EMAIL_BACKEND": parsed["EMAIL_BACKEND"],
        "EMAIL_HOST": parsed["EMAIL_HOST"],
        "EMAIL_PORT": parsed["EMAIL_PORT"],
        "EMAIL_HOST_USER": parsed["EMAIL_HOST_USER"],
        "EMAIL_HOST_PASSWORD": parsed["EMAIL_HOST_PASSWORD"],
        "EMAIL_USE_TLS": parsed["EMAIL_USE_TLS"],
        "EMAIL_USE_SSL": parsed["EMAIL_USE_SSL"],
        "EMAIL_TIMEOUT": parsed.get("EMAIL_TIMEOUT") or 10,
    }
