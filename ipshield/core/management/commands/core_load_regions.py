"""Load GB/T 2260 administrative divisions (province, prefecture, county); idempotent."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from pypinyin import lazy_pinyin

from ipshield.core import regions
from ipshield.core.audit import audit_record
from ipshield.core.choices import AgencyLevel
from ipshield.core.models import Region

DATA = Path(__file__).resolve().parents[2] / "data" / "divisions"
# Prefecture rows that only group a municipality's districts take the province's name.
GROUPING_NAMES = {"市辖区", "县"}


def read_divisions() -> list[tuple[str, str, str, str | None]]:
    """(code, name, level, parent code) in parent-before-child order."""
    rows: list[tuple[str, str, str, str | None]] = [(regions.NATIONAL_CODE, "全国", AgencyLevel.NATIONAL, None)]
    with (DATA / "provinces.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows.append((row["code"].ljust(6, "0"), row["name"], AgencyLevel.PROVINCE, regions.NATIONAL_CODE))
    with (DATA / "cities.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows.append(
                (row["code"].ljust(6, "0"), row["name"], AgencyLevel.PREFECTURE, row["provinceCode"].ljust(6, "0"))
            )
    with (DATA / "areas.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            # Prefecture-level cities without counties (东莞, 中山, 儋州) repeat their own code here.
            if row["code"] != row["cityCode"].ljust(6, "0"):
                rows.append((row["code"], row["name"], AgencyLevel.COUNTY, row["cityCode"].ljust(6, "0")))
    return rows


class Command(BaseCommand):
    help = "Load or update the administrative divisions (GB/T 2260) from core/data/divisions."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        rows = read_divisions()
        existing = {r.code: (r.name, r.level, r.parent_id) for r in Region.objects.all()}
        to_create: list[Region] = []
        to_update: list[Region] = []
        for code, name, level, parent in rows:
            if code not in existing:
                to_create.append(Region(code=code, name=name, level=level, parent_id=parent, pinyin=""))
            elif existing[code] != (name, level, parent):
                to_update.append(Region(code=code, name=name, level=level, parent_id=parent))
        if options["dry_run"]:
            self.stdout.write(f"regions: {len(to_create)} to add, {len(to_update)} to update (dry run)")
            return
        if not to_create and not to_update:
            self.stdout.write(f"regions: {len(existing)} up to date")
            return
        for region in to_create:
            region.pinyin = "".join(lazy_pinyin(region.name))
        with transaction.atomic():
            Region.objects.bulk_create(to_create, batch_size=1000)
            if to_update:
                Region.objects.bulk_update(to_update, ["name", "level", "parent"], batch_size=1000)
            audit_record(
                actor=None,
                action="region.load",
                object_type="core.region",
                after={"added": len(to_create), "updated": len(to_update)},
            )
        self.stdout.write(self.style.SUCCESS(f"regions: {len(to_create)} added, {len(to_update)} updated"))
