"""Encryption at rest for personal data (a reporter's identity): Fernet with a key from the environment.

IPSHIELD_FIELD_KEY (a Fernet key) should be set in production and kept apart from the database
backups; without it a key is derived from SECRET_KEY so that a demo machine works.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


@lru_cache(maxsize=1)
def _fernet() -> Fernet:
    key = getattr(settings, "IPSHIELD_FIELD_KEY", "")
    if not key:
        key = base64.urlsafe_b64encode(hashlib.sha256(("field-key:" + settings.SECRET_KEY).encode()).digest()).decode()
    return Fernet(key.encode())


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
