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


# The IP type of a case as the market table reads it (cases.selectors.ip_type_q), written out.
_IP = (
    "CASE WHEN {p}domain = 'trademark' OR ({p}domain NOT IN ('trademark', 'geographical_indication', 'patent') "
    "AND {p}offence IN ('counterfeit_registered_trademark', 'sell_goods_with_counterfeit_trademark', "
    "'illegally_make_sell_trademark_marks')) THEN 'trademark' "
    "WHEN {p}domain = 'geographical_indication' THEN 'geographical_indication' "
    "WHEN {p}domain = 'patent' OR ({p}domain NOT IN ('trademark', 'geographical_indication', 'patent') "
    "AND {p}offence = 'counterfeit_patent') THEN 'patent' ELSE 'other' END"
)
_CASES = "SELECT {g}, {agg} FROM cases_case WHERE {field} >= %s AND {field} < %s GROUP BY 1"
_TRANSFERS = (
    "SELECT {g}, count(*) FROM transfers_transfer t JOIN cases_case c ON c.id = t.case_id "
    "WHERE t.sent_at >= %s AND t.sent_at < %s {extra} GROUP BY 1"
)
HAND_WRITTEN_BY_REPORT = {  # national, one GROUP BY per figure as an analyst would write them
    "market_ip": [
        _CASES.format(g=_IP.format(p=""), agg="count(*)", field="filed_at"),
        _CASES.format(g=_IP.format(p=""), agg="count(*)", field="closed_at"),
        _CASES.format(g=_IP.format(p=""), agg="count(*)", field="decided_at"),
        _CASES.format(
            g=_IP.format(p=""),
            agg="count(*), sum(coalesce(fine_amount, 0) + coalesce(confiscated_amount, 0))",
            field="decided_at",
        ),
        _CASES.format(g=_IP.format(p=""), agg="count(*), sum(coalesce(amount_involved, 0))", field="decided_at"),
        _CASES.format(g=_IP.format(p=""), agg="count(*), sum(dens_destroyed)", field="decided_at"),
        _TRANSFERS.format(g=_IP.format(p="c."), extra=""),
    ],
    "workload": [
        _CASES.format(g="agency_id", agg="count(*)", field="filed_at"),
        _CASES.format(g="agency_id", agg="count(*)", field="decided_at"),
        "SELECT agency_id, count(*) FROM cases_case WHERE decided_at >= %s AND decided_at < %s "
        "AND decision_due_at IS NOT NULL AND decided_at <= decision_due_at GROUP BY 1",
        _CASES.format(g="agency_id", agg="count(*)", field="closed_at"),
        "SELECT agency_id, count(*) FROM cases_case WHERE next_due_at < now() AND %s < %s GROUP BY 1",
        "SELECT agency_id, count(*) FROM transfers_transfer WHERE sent_at >= %s AND sent_at < %s GROUP BY 1",
    ],
    "linkage_stages": [
        _CASES.format(g="region_province", agg="count(*)", field="lead_received_at"),
        _CASES.format(g="region_province", agg="count(*)", field="filed_at"),
        _CASES.format(g="region_province", agg="count(*)", field="decided_at"),
        _CASES.format(g="region_province", agg="count(*)", field="suspected_since"),
        "SELECT region_province, count(*) FROM cases_case WHERE closed_at >= %s AND closed_at < %s "
        "AND screening_outcome = 'suspected_crime' AND status = 'closed' GROUP BY 1",
        _TRANSFERS.format(g="t.region_province", extra=""),
        _TRANSFERS.format(g="t.region_province", extra="AND t.status = 'accepted'"),
        _TRANSFERS.format(g="t.region_province", extra="AND t.police_refusal_reason <> ''"),
        _TRANSFERS.format(g="t.region_province", extra="AND t.supervision_at IS NOT NULL"),
        *[
            "SELECT t.region_province, count(*) FROM transfers_criminalstep s JOIN transfers_transfer t "
            f"ON t.id = s.transfer_id WHERE s.kind = '{kind}' AND s.occurred_on >= %s::date "
            "AND s.occurred_on < %s::date GROUP BY 1"
            for kind in ("detention", "arrest_approved", "prosecuted", "judged")
        ],
        "SELECT t.region_province, count(*) FROM transfers_transfer t WHERE EXISTS (SELECT 1 FROM "
        "transfers_criminalstep s WHERE s.transfer_id = t.id AND s.kind = 'judged' AND s.occurred_on >= %s::date "
        "AND s.occurred_on < %s::date) GROUP BY 1",
        _CASES.format(
            g="region_province",
            agg="count(*), sum(filed_at - lead_received_at), count(filed_at - lead_received_at)",
            field="filed_at",
        ),
        _CASES.format(
            g="region_province",
            agg="count(*), sum(decided_at - filed_at), count(decided_at - filed_at)",
            field="decided_at",
        ),
        "SELECT t.region_province, count(*), sum(t.decided_at - t.sent_at), count(t.decided_at - t.sent_at) "
        "FROM transfers_transfer t WHERE t.sent_at >= %s AND t.sent_at < %s AND t.status = 'accepted' GROUP BY 1",
    ],
}


def hand_written_report(key: str, periods: list[tuple[dt.date, dt.date]]) -> None:
    with connection.cursor() as cursor:
        for start, end in periods:
            for sql in HAND_WRITTEN_BY_REPORT[key]:
                cursor.execute(sql, [day_start(start), day_start(end + dt.timedelta(days=1))])
                cursor.fetchall()


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
    for key in HAND_WRITTEN_BY_REPORT:
        report = REPORTS[key]
        # What each kind of report computes: IP-type tables always give 同比/环比 (three periods),
        # agency tables never do (one), region tables either way.
        modes = {
            "ip_type": [(True, with_comparison)],
            "agency": [(False, [(START, END)])],
        }.get(report.rows, [(False, [(START, END)]), (True, with_comparison)])
        for compare, periods in modes:
            ours = timed(
                lambda r=report, c=compare: run_report(r, national, region="000000", period=period, compare=c), runs
            )
            sql = timed(lambda k=key, p=periods: hand_written_report(k, p), runs)
            label = "with 同比/环比" if compare else "plain"
            print(
                f"{key} national {label}: report {ours:.1f} ms, hand-written SQL {sql:.1f} ms, ratio {ours / sql:.2f}"
            )
    for key, report in REPORTS.items():
        ours = timed(lambda r=report: run_report(r, national, region="000000", period=period), runs)
        mine = timed(lambda r=report: run_report(r, beijing, region="110000", period=period), runs)
        print(f"{key:15} with 同比/环比: national {ours:.1f} ms, Beijing coordinator {mine:.1f} ms")
