"""Each statistics report against the hand-written SQL GROUP BY that computes the same figures
(issue 12: a report may take at most 1.5× the hand-written SQL).

    DATABASE_URL=postgres://.../ipshield_bench1m SECRET_KEY=x .venv/bin/python bench/measure_reports.py [runs]
"""

from __future__ import annotations

import datetime as dt
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

from django.db import connection  # noqa: E402

from ipshield.core.models import User  # noqa: E402
from ipshield.core.periods import day_start  # noqa: E402
from ipshield.stats.reports import REPORTS, Period, run_report  # noqa: E402

START, END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
HAND_WRITTEN = {  # the same four counts, one GROUP BY each, as an analyst would write them
    "000000": [
        ("SELECT region_province, count(*) FROM cases_case WHERE filed_at >= %s AND filed_at < %s GROUP BY 1", ()),
        ("SELECT region_province, count(*) FROM cases_case WHERE decided_at >= %s AND decided_at < %s GROUP BY 1", ()),
        (
            "SELECT region_province, count(*) FROM cases_case WHERE suspected_since >= %s AND suspected_since < %s "
            "GROUP BY 1",
            (),
        ),
        (
            "SELECT region_province, count(*) FROM transfers_transfer WHERE sent_at >= %s AND sent_at < %s GROUP BY 1",
            (),
        ),
    ],
}


def timed(call, runs: int) -> float:
    call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def hand_written(region: str, periods: list[tuple[dt.date, dt.date]]) -> None:
    with connection.cursor() as cursor:
        for start, end in periods:
            for sql, _extra in HAND_WRITTEN[region]:
                cursor.execute(sql, [day_start(start), day_start(end + dt.timedelta(days=1))])
                cursor.fetchall()


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    national = User.objects.get(username="coordinator.national")
    beijing = User.objects.get(username="coordinator.beijing")
    period = Period(START, END)
    with_comparison = [(p.start, p.end) for p in (period, period.last_year(), period.previous())]
    linkage = REPORTS["linkage"]
    for compare, periods in ((False, [(START, END)]), (True, with_comparison)):
        ours = timed(lambda c=compare: run_report(linkage, national, region="000000", period=period, compare=c), runs)
        sql = timed(lambda p=periods: hand_written("000000", p), runs)
        label = "with 同比/环比" if compare else "plain"
        print(f"linkage national {label}: report {ours:.1f} ms, hand-written SQL {sql:.1f} ms, ratio {ours / sql:.2f}")
    for key, report in REPORTS.items():
        ours = timed(lambda r=report: run_report(r, national, region="000000", period=period), runs)
        mine = timed(lambda r=report: run_report(r, beijing, region="110000", period=period), runs)
        print(f"{key:15} with 同比/环比: national {ours:.1f} ms, Beijing coordinator {mine:.1f} ms")
