"""Cooperation queues and inbox at scale (issue 13 target: p50 ≤ 50 ms at 100,000 per kind on
PostgreSQL, statements per page constant): the home page's queues, the cooperation list per box and
kind, the API lists, one record's page.

    DATABASE_URL=postgres://.../ipshield_bench_coop SECRET_KEY=x .venv/bin/python bench/measure_cooperation.py [runs]

Data: bench/generate_cooperation.py (see there).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure_pages import measure

from ipshield.cooperation.models import Cooperation

USERS = ("officer.beijing", "officer.guangdong", "police.guangdong", "coordinator.beijing", "coordinator.national")


def pages() -> list[tuple[str, str]]:
    record = Cooperation.objects.filter(kind="assistance").order_by("-id").values_list("pk", flat=True).first()
    out = []
    for user in USERS:
        out += [
            (user, "/work/"),
            (user, "/cooperation/"),
            (user, "/cooperation/?box=todo"),
            (user, "/cooperation/?box=todo&overdue=1"),
            (user, "/cooperation/?kind=assistance&box=received"),
            (user, "/transfers/inbox/"),
            (user, "/api/v1/assistance-requests?box=todo"),
            (user, "/api/v1/leads"),
        ]
    out += [
        ("coordinator.national", "/cooperation/?box=escalated"),
        ("coordinator.national", "/cooperation/?kind=supervision&box=sent"),
        ("coordinator.national", f"/cooperation/{record}/"),
    ]
    return out


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    print(f"{Cooperation.objects.count()} cooperation records")
    for username, path in pages():
        print(measure(username, path, runs), flush=True)
