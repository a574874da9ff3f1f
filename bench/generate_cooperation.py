"""Bulk cooperation records for the queue and inbox benchmark (issue 13): N per kind (default
100,000), spread over ~340 prefecture bureaus and the demo agencies, each with its participants and a timeline line; a third
still open (a fifth of those overdue), supervised cases with two milestones, campaigns with regions.

    DATABASE_URL=postgres://.../ipshield_bench_coop SECRET_KEY=x .venv/bin/python bench/generate_cooperation.py [N]

Data first: migrate, core_load_regions, demo_seed --cases 2000. Bypasses the services (bulk
inserts); the numbers are marked BENCH so they never pass for real ones.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipshield.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")

import django

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from ipshield.cases.models import Case  # noqa: E402
from ipshield.cooperation.choices import CoopKind, CoopStatus, EntryKind, ParticipantState, Participation  # noqa: E402
from ipshield.cooperation.models import Cooperation, Entry, Milestone, Participant  # noqa: E402
from ipshield.core import regions  # noqa: E402
from ipshield.core.models import Agency, Region, User  # noqa: E402

BATCH = 5000
OPEN = {
    CoopKind.LEAD: CoopStatus.SENT,
    CoopKind.ASSISTANCE: CoopStatus.ACKNOWLEDGED,
    CoopKind.JOINT: CoopStatus.ACTIVE,
    CoopKind.SUPERVISION: CoopStatus.ACTIVE,
    CoopKind.CAMPAIGN: CoopStatus.ACTIVE,
    CoopKind.CONSULTATION: CoopStatus.OPEN,
}
DONE = {
    CoopKind.LEAD: CoopStatus.FED_BACK,
    CoopKind.ASSISTANCE: CoopStatus.CLOSED,
    CoopKind.JOINT: CoopStatus.CLOSED,
    CoopKind.SUPERVISION: CoopStatus.CLOSED,
    CoopKind.CAMPAIGN: CoopStatus.CONCLUDED,
    CoopKind.CONSULTATION: CoopStatus.CONCLUDED,
}
ROLE = {
    CoopKind.LEAD: Participation.RECEIVER,
    CoopKind.ASSISTANCE: Participation.RECEIVER,
    CoopKind.JOINT: Participation.PARTICIPANT,
    CoopKind.SUPERVISION: Participation.HANDLER,
    CoopKind.CONSULTATION: Participation.INVITEE,
}


def generate(per_kind: int) -> None:
    rng = random.Random(13)
    # One market-regulation bureau per prefecture nationwide (~340), as the records of a national
    # deployment are spread; the demo's provincial agencies are among them.
    for code in (
        Region.objects.filter(code__endswith="00").exclude(code__endswith="0000").values_list("code", flat=True)
    ):
        Agency.objects.get_or_create(
            code=f"bench-amr-{code}",
            defaults={
                "name": f"{code}市场监督管理局",
                "kind": "market_regulation",
                "level": "prefecture",
                "region_id": code,
            },
        )
    enforcement = list(Agency.objects.filter(kind__in=["market_regulation", "public_security"]))
    offices = list(Agency.objects.filter(kind="leading_group"))
    others = enforcement + list(Agency.objects.filter(kind__in=["procuratorate", "leading_group", "court"]))
    user = User.objects.filter(role="officer").first()
    case_ids = list(Case.objects.values_list("pk", flat=True)[:2000])
    if not (enforcement and offices and user and case_ids):
        raise SystemExit("run demo_seed first")
    now = timezone.now()
    for kind in CoopKind:
        for start in range(0, per_kind, BATCH):
            records, parts, entries, milestones = [], [], [], []
            participants: list[Participant] = []
            for i in range(start, min(per_kind, start + BATCH)):
                owner = rng.choice(offices if kind in {CoopKind.SUPERVISION, CoopKind.CAMPAIGN} else enforcement)
                created = now - dt.timedelta(days=rng.uniform(0, 700))
                is_open = rng.random() < 0.33
                due = created + dt.timedelta(days=rng.uniform(5, 40)) if is_open else None
                receiver = rng.choice(others)
                region = owner.region_id
                records.append(
                    Cooperation(
                        kind=kind,
                        number=f"BENCH-{kind}-{i}",
                        title=f"基准测试 {kind} {i}",
                        agency=owner,
                        case_id=rng.choice(case_ids) if kind != CoopKind.CAMPAIGN else None,
                        status=OPEN[kind] if is_open else DONE[kind],
                        due_at=due,
                        due_agency=receiver
                        if is_open and kind in {CoopKind.ASSISTANCE, CoopKind.SUPERVISION}
                        else None,
                        created_by=user,
                        created_at=created,
                        status_changed_at=created,
                        closed_at=None if is_open else created + dt.timedelta(days=10),
                        region_code=region,
                        region_province=regions.province_of(region),
                        region_prefecture=regions.prefecture_of(region),
                    )
                )
                parts.append((kind, receiver, is_open))
            Cooperation.objects.bulk_create(records, batch_size=BATCH)
            for record, (kind_, receiver, is_open) in zip(records, parts, strict=True):
                if kind_ == CoopKind.CAMPAIGN:
                    code = rng.choice(offices).region_id
                    agency, role, state = None, Participation.REGION, ParticipantState.JOINED
                else:
                    code, agency, role = receiver.region_id, receiver, ROLE[kind_]
                    state = ParticipantState.PENDING if is_open else ParticipantState.REPLIED
                part = Participant(cooperation=record, agency=agency, role=role, state=state, region_code=code)
                part.region_province, part.region_prefecture = regions.province_of(code), regions.prefecture_of(code)
                entries.append(
                    Entry(
                        cooperation=record,
                        kind=EntryKind.NOTE,
                        agency_id=record.agency_id,
                        created_at=record.created_at,
                        text="基准测试进展",
                    )
                )
                if kind_ == CoopKind.SUPERVISION:
                    for offset in (10, 30):
                        milestones.append(
                            Milestone(
                                cooperation=record, title="节点", due_at=record.created_at + dt.timedelta(days=offset)
                            )
                        )
                participants.append(part)
            with transaction.atomic():
                Participant.objects.bulk_create(participants, batch_size=BATCH)
                Entry.objects.bulk_create(entries, batch_size=BATCH)
                Milestone.objects.bulk_create(milestones, batch_size=BATCH)
            print(f"{kind}: {min(per_kind, start + BATCH)}", flush=True)


if __name__ == "__main__":
    generate(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
