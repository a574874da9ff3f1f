"""Fill the database with many realistic cases for benchmarks (PostgreSQL COPY, else bulk insert).

    manage.py cases_generate --count 1000000
Generated cases carry their screening outcome but no screening history rows (which would add
about 1 KB of JSON per case); numbers are tagged GEN so they never collide with demo cases.
"""

from __future__ import annotations

import json
import random
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from ipshield.cases.demo import DemoCaseFactory
from ipshield.cases.models import Case
from ipshield.core.audit import audit_record

COLUMNS = [
    "agency_id", "number", "title", "domain", "product_category", "channel", "offence", "conduct_date",
    "right_holder", "goods_description", "facts_text", "facts", "status", "lead_received_at", "filed_at",
    "decided_at", "closed_at", "filing_extended", "decision_extended", "filing_due_at", "decision_due_at", "next_due_at",
    "penalty_kinds", "fine_amount", "confiscated_amount", "decision_number", "penalty_basis", "close_reason",
    "screening_outcome", "screened_at", "suspected_since", "created_by_id", "created_at", "updated_at", "revision",
    "region_code", "region_province", "region_prefecture",
    "own_outcome", "cumulative_outcome", "cumulative_key", "cumulative", "prior_penalty",
]  # fmt: skip
JSON_COLUMNS = {"facts", "penalty_kinds", "cumulative", "prior_penalty"}


class Command(BaseCommand):
    help = "Generate N realistic cases quickly (benchmark data)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--count", type=int, default=1_000_000)
        parser.add_argument("--batch", type=int, default=20_000)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args: Any, **options: Any) -> None:
        count, batch = options["count"], options["batch"]
        existing = Case.objects.filter(number__contains="-GEN").count()
        factory = DemoCaseFactory(random.Random(options["seed"] + existing), timezone.now())
        tag = f"GEN{existing // 1000:05d}"
        started = time.monotonic()
        done = 0
        while done < count:
            size = min(batch, count - done)
            cases = [factory.build(done + i, tag=tag, explain_result=False)[0] for i in range(size)]
            self._write(cases)
            done += size
            rate = done / (time.monotonic() - started)
            self.stdout.write(f"\r  {done:,}/{count:,} cases  ({rate:,.0f}/s)", ending="")
            self.stdout.flush()
        self.stdout.write("")
        with transaction.atomic():
            audit_record(actor=None, action="bench.cases.generate", object_type="system", after={"cases": count})
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE cases_case")
        self.stdout.write(self.style.SUCCESS(f"generated {count:,} cases in {time.monotonic() - started:.0f} s"))

    def _write(self, cases: list[Case]) -> None:
        now = timezone.now()
        for case in cases:
            case.created_at = case.updated_at = now
        if connection.vendor != "postgresql":
            Case.objects.bulk_create(cases, batch_size=1000)
            return
        with transaction.atomic(), connection.cursor() as cursor:
            raw = cursor.cursor
            with raw.copy(f"COPY cases_case ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for case in cases:
                    copy.write_row(
                        [
                            json.dumps(getattr(case, c), ensure_ascii=False) if c in JSON_COLUMNS else getattr(case, c)
                            for c in COLUMNS
                        ]
                    )
