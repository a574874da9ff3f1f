"""Fixed-window rate limits per client, shared by every worker process.

A per-process counter let each gunicorn worker count alone (60 tips from one address: 40
accepted against a documented 20). Counters therefore live where all workers see them: Redis when
the deployment configures it (`CACHE_URL=redis://…`; INCR is atomic), else one upsert statement in
the database (atomic on SQLite and PostgreSQL), so `make run` needs no extra service.

The client address comes from `REMOTE_ADDR`, or, behind `IPSHIELD_TRUSTED_PROXY_HOPS` reverse
proxies, from the `X-Forwarded-For` entry those proxies appended. It is hashed and never stored
with any record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import random
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest
from django.utils import timezone

from ipshield.core.models import RateCounter

UPSERT = (
    "INSERT INTO core_ratecounter (counter_key, count, expires_at) VALUES (%s, 1, %s) "
    "ON CONFLICT (counter_key) DO UPDATE SET count = core_ratecounter.count + 1 RETURNING count"
)


def client_address(request: HttpRequest) -> str:
    """The client's address: the proxy-appended X-Forwarded-For entry when proxies are trusted.

    With N trusted hops, the N-th address from the right is the one the outermost trusted proxy
    saw; anything left of it was written by the client and is ignored.
    """
    hops = int(getattr(settings, "IPSHIELD_TRUSTED_PROXY_HOPS", 0))
    remote = str(request.META.get("REMOTE_ADDR", ""))
    if hops <= 0:
        return remote
    forwarded = [part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < hops:
        return remote
    return forwarded[-hops]


def client_key(request: HttpRequest) -> str:
    """A keyed hash of the client address (never the address itself, and not reversible by
    hashing the IPv4 space without the server's secret)."""
    secret = ("ratelimit:" + settings.SECRET_KEY).encode()
    return hmac.new(secret, client_address(request).encode(), hashlib.sha256).hexdigest()[:24]


def _uses_redis() -> bool:
    return "redis" in settings.CACHES["default"]["BACKEND"].lower()


def _window(scope: str, key: str, window_seconds: int) -> tuple[str, int]:
    bucket = int(time.time() // window_seconds)
    return f"rl:{scope}:{key}:{bucket}", bucket


def hit(scope: str, key: str, *, window_seconds: int) -> int:
    """Count one event and return the count in the current window."""
    counter_key, bucket = _window(scope, key, window_seconds)
    if _uses_redis():
        if cache.add(counter_key, 1, window_seconds + 5):
            return 1
        try:
            return int(cache.incr(counter_key))
        except ValueError:  # expired between add and incr
            cache.set(counter_key, 1, window_seconds + 5)
            return 1
    expires = dt.datetime.fromtimestamp((bucket + 1) * window_seconds, tz=dt.UTC)
    with connection.cursor() as cursor:
        cursor.execute(UPSERT, [counter_key, expires])
        count = int(cursor.fetchone()[0])
    if random.random() < 0.01:
        RateCounter.objects.filter(expires_at__lt=timezone.now()).delete()
    return count


def used(scope: str, key: str, *, window_seconds: int) -> int:
    """Events counted in the current window, without counting one more."""
    counter_key, _bucket = _window(scope, key, window_seconds)
    if _uses_redis():
        return int(cache.get(counter_key) or 0)
    found = RateCounter.objects.filter(counter_key=counter_key).values_list("count", flat=True).first()
    return int(found or 0)


def allow(scope: str, key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one event; False when the client already used `limit` events in this window."""
    return hit(scope, key, window_seconds=window_seconds) <= limit
