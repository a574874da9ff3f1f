"""Encryption at rest for personal data (a reporter's identity): Fernet with keys kept apart from
the database.

IPSHIELD_FIELD_KEY holds one or more Fernet keys, comma-separated: the first encrypts, all of them
decrypt (so a key can be rotated: add the new key first, run `manage.py core_rotate_field_key`,
then drop the old one). `make run` keeps the demo's key in a file outside the data directory
(IPSHIELD_KEY_DIR, default ~/.config/ipshield), so a copy of var/ is not enough to read identities.
Without any key a key derived from SECRET_KEY is used (development only); it stays readable after a
real key is configured until the rotation command has re-encrypted everything.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


def _derived_key() -> bytes:
    return base64.urlsafe_b64encode(hashlib.sha256(("field-key:" + settings.SECRET_KEY).encode()).digest())


@lru_cache(maxsize=1)
def _fernet() -> MultiFernet:
    configured = [k.strip() for k in str(getattr(settings, "IPSHIELD_FIELD_KEY", "") or "").split(",") if k.strip()]
    keys = [Fernet(k.encode()) for k in configured]
    keys.append(Fernet(_derived_key()))  # decrypts what was written before a key was configured
    return MultiFernet(keys)


def reset_keys() -> None:
    """Forget the cached keys (after the settings changed, e.g. in tests)."""
    _fernet.cache_clear()


def encrypt_json(data: dict[str, Any]) -> str:
    return _fernet().encrypt(json.dumps(data, ensure_ascii=False).encode()).decode()


def decrypt_json(token: str) -> dict[str, Any]:
    if not token:
        return {}
    try:
        value: dict[str, Any] = json.loads(_fernet().decrypt(token.encode()))
    except InvalidToken as exc:
        raise ValueError("cannot decrypt: wrong IPSHIELD_FIELD_KEY?") from exc
    return value


def rotate(token: str) -> str:
    """The same plaintext encrypted under the current (first) key."""
    return _fernet().rotate(token.encode()).decode() if token else token
