"""The dashboard's server time and query count (issue 12: ≤ 300 ms at 1M cases; queries independent
of data size), for the national and a provincial coordinator, plus the daily early-warning sweep.

    DATABASE_URL=postgres://.../ipshield_bench1m SECRET_KEY=x .venv/bin/python bench/measure_dashboard.py [runs]
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipshield.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from ipshield.cases.models import Case  # noqa: E402
from ipshield.core.models import User  # noqa: E402
from ipshield.stats.dashboard import dashboard  # noqa: E402
from ipshield.stats.sweep import findings_for  # noqa: E402

PLAIN_STATIC = "django.contrib.staticfiles.storage.StaticFilesStorage"


def timed(call, runs: int) -> tuple[float, int]:
    call()
    samples = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            call()
            samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), len(queries.captured_queries)


def page(client: Client, region: str) -> None:
    response = client.get("/stats/dashboard/", {"region": region}, HTTP_HOST="testserver")
    assert response.status_code == 200, response.status_code


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print(f"cases: {Case.objects.count():,}  database: {connection.vendor}")
    readers = [
        ("coordinator.national", "000000"),
        ("coordinator.national", "440000"),
        ("coordinator.beijing", "110000"),
        ("coordinator.guangdong", "440000"),
    ]
    for username, region in readers:
        user = User.objects.get(username=username)
        ms, queries = timed(lambda u=user, r=region: dashboard(u, region=r, indicator="filed"), max(1, runs // 2))
        print(f"computing the dashboard {username:24} {region}: p50 {ms:7.1f} ms, {queries} queries")
    with override_settings(STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": PLAIN_STATIC}}):
        for username, region in readers:
            client = Client()
            client.force_login(User.objects.get(username=username))
            ms, queries = timed(lambda c=client, r=region: page(c, r), runs)  # the first call makes the snapshot
            print(f"dashboard page (snapshot) {username:24} {region}: p50 {ms:7.1f} ms, {queries} queries")
    from django.utils import timezone

    now = timezone.now()
    ms, queries = timed(lambda: findings_for(timezone.localdate(now), now), 1)
    print(f"early-warning sweep (all rules, no writes): {ms:7.1f} ms, {queries} queries")


if __name__ == "__main__":
    main()
