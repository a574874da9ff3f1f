"""Page timings at scale, in process: p50/p95 and SQL statements per page and user.

    DATABASE_URL=postgres://.../ipshield_bench1m SECRET_KEY=x .venv/bin/python bench/measure_pages.py [runs]

Data: migrate, core_load_regions, demo_seed, cases_generate --count 1000000, collectstatic. Each page is fetched
once to warm up, then `runs` times (default 20) with Django's test client as the demo user.
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
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from ipshield.core.models import User  # noqa: E402

PAGES = [
    ("officer.beijing", "/work/"),
    ("agency_head.beijing", "/work/"),
    ("procurator.beijing", "/work/"),
    ("coordinator.beijing", "/work/"),
    ("coordinator.national", "/work/"),
    ("procurator.beijing", "/cases/split/"),
    ("coordinator.beijing", "/cases/split/"),
    ("coordinator.national", "/cases/split/"),
    ("coordinator.national", "/cases/split/?page=3"),
    ("coordinator.national", "/cases/?queue=suspected_not_transferred"),
    # Statistics (issue 12): the dashboard (a snapshot after the first visit), each report, warnings.
    ("coordinator.national", "/stats/dashboard/"),
    ("coordinator.beijing", "/stats/dashboard/"),
    ("agency_head.beijing", "/stats/dashboard/"),
    ("coordinator.national", "/stats/alerts/"),
    ("coordinator.national", "/stats/submissions/"),
    ("coordinator.national", "/stats/assessments/"),
    *[
        (user, f"/stats/?report={report}")
        for report in ("linkage", "linkage_stages", "market_ip", "tips", "disclosure", "workload")
        for user in ("coordinator.national", "coordinator.beijing")
    ],
    (None, "/statistics/"),
]


def measure(username: str | None, path: str, runs: int) -> str:
    client = Client()
    if username:
        client.force_login(User.objects.get(username=username))
    response = client.get(path, secure=True)
    assert response.status_code == 200, (path, response.status_code)
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            client.get(path, secure=True)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    return (
        f"{username or 'public':22} {path:45} p50 {statistics.median(timings):7.1f} ms  p95 {p95:7.1f} ms"
        f"  {len(queries)} statements"
    )


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    from ipshield.cases.models import Case

    print(f"{Case.objects.count():,} cases on {connection.vendor}")
    for username, path in PAGES:
        print(measure(username, path, runs), flush=True)
