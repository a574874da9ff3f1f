"""Fixed-window rate limits per client, kept in the cache (the client address is hashed and never
stored with any record)."""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache
from django.http import HttpRequest


def client_key(request: HttpRequest) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(address.encode()).hexdigest()[:24]


def allow(scope: str, key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one event; False when the client already used `limit` events in this window."""
    bucket = int(time.time() // window_seconds)
    cache_key = f"rl:{scope}:{key}:{bucket}"
    if cache.add(cache_key, 1, window_seconds + 5):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, window_seconds + 5)
        return True
    return count <= limit
