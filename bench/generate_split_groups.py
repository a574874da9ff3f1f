"""Give N parties two or three open, below-threshold cases each (same offence, any agencies), then
sum them with the real cumulative service: the data the 拆分案件 queue benchmark needs.

Usage (after cases_generate): DATABASE_URL=postgres://... SECRET_KEY=x .venv/bin/python bench/generate_split_groups.py 20000
Parties are enterprises with fresh valid USCCs (prefix 9199…, never a demo party).
"""

import os
import random
import sys
import time
from collections import defaultdict

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipshield.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.db import transaction  # noqa: E402

from ipshield.cases import cumulative  # noqa: E402
from ipshield.cases.choices import PartyKind  # noqa: E402
from ipshield.cases.models import Case, Party  # noqa: E402
from ipshield.core.identifiers import USCC_ALPHABET, uscc_check_char  # noqa: E402

groups_wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
rng = random.Random(11)
started = time.monotonic()
candidates = (
    Case.objects.filter(
        status__in=cumulative.OPEN_STATES, own_outcome="below_threshold", cumulative_key="", parties__isnull=True
    )
    .exclude(offence="")
    .exclude(conduct_date=None)
    .values_list("id", "offence")[: groups_wanted * 3]
)
by_offence: dict[str, list[int]] = defaultdict(list)
for case_id, offence in candidates:
    by_offence[offence].append(case_id)
groups: list[tuple[str, list[int]]] = []
for offence, ids in by_offence.items():
    rng.shuffle(ids)
    while len(ids) >= 3 and len(groups) < groups_wanted:
        size = rng.choice([2, 2, 3])
        groups.append((offence, [ids.pop() for _ in range(size)]))
written = 0
for index, (offence, ids) in enumerate(groups):
    first17 = "9199" + "".join(rng.choice(USCC_ALPHABET[:10]) for _ in range(6)) + f"{index:07d}"
    uscc = first17 + uscc_check_char(first17)
    with transaction.atomic():
        Party.objects.bulk_create(
            [Party(case_id=i, kind=PartyKind.ENTERPRISE, name=f"拆分测试商贸{index}号有限公司", uscc=uscc) for i in ids]
        )
        written += len(cumulative.refresh_cumulative(keys=[f"uscc:{uscc}"], offences=[offence]))
    if index % 1000 == 999:
        print(f"{index + 1:,} groups, {written:,} cases written, {time.monotonic() - started:.0f} s", flush=True)
print(f"{len(groups):,} groups ({written:,} cases) in {time.monotonic() - started:.0f} s")
