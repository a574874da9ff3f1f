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
from django.db import connection, models, transaction
from django.utils import timezone

from ipshield.cases.demo import DemoCaseFactory
from ipshield.cases.models import Case
from ipshield.core.audit import audit_record

# Every stored column but the id, from the model itself, so a new field cannot be left out of COPY.
FIELDS = [f for f in Case._meta.concrete_fields if not f.primary_key]
COLUMNS = [str(f.column) for f in FIELDS]
JSON_COLUMNS = {f.column for f in FIELDS if isinstance(f, models.JSONField)}


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
                            json.dumps(getattr(case, f.attname), ensure_ascii=False)
                            if f.column in JSON_COLUMNS
                            else getattr(case, f.attname)
                            for f in FIELDS
                        ]
                    )
