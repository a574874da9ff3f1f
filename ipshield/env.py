"""Typed helpers that read settings from the environment."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse


class ImproperlyConfiguredError(RuntimeError):
    """A setting is missing or malformed; the process refuses to start."""


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfiguredError(f"{name} must be true/false, got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfiguredError(f"{name} must be an integer, got {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_from_url(url: str, *, sqlite_path: Path) -> dict[str, Any]:
    """Django DATABASES entry from a DATABASE_URL; empty means the embedded SQLite file."""
    if not url:
        return sqlite_config(sqlite_path)
    parsed = urlparse(url)
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")) or "ipshield",
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            # pg_trgm only indexes CJK text in a UTF-8 ctype database (STACK.md).
            "TEST": {"TEMPLATE": "template0", "CHARSET": "UTF8"},
        }
    if parsed.scheme == "sqlite":
        return sqlite_config(Path(unquote(parsed.path)))
    raise ImproperlyConfiguredError(f"DATABASE_URL scheme {parsed.scheme!r} is not supported")


def sqlite_config(path: Path) -> dict[str, Any]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            # IMMEDIATE makes every transaction take the write lock up front, so two writers
            # never both read the audit chain's head and then collide (SQLITE_BUSY).
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000; PRAGMA foreign_keys=ON;"
                " PRAGMA cache_size=-32000; PRAGMA temp_store=MEMORY;"
            ),
        },
        # Keep connections: opening one (with its PRAGMAs) and closing it (the last close
        # checkpoints the WAL) cost a quarter of a worker's time per public submission.
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
        # A file-backed test database so threaded tests exercise real locking.
        "TEST": {"NAME": str(path.with_name("test_" + path.name))},
    }
