"""Demo integrity archives, published decisions and blacklist entries, through the real services."""

from __future__ import annotations

import datetime as dt

import zhconv
from django.utils import timezone
from pypinyin import lazy_pinyin

from ipshield.cases.models import Case
from ipshield.core.models import User
from ipshield.credit.models import Enterprise
from ipshield.credit.repair import repair_submit
from ipshield.credit.services import blacklist_list, enterprise_for, record_penalty
from ipshield.disclosure.models import Disclosure
from ipshield.disclosure.services import disclosure_draft, disclosure_publish


def seed_disclosures(limit: int = 400) -> int:
    if Disclosure.objects.exists():
        return 0
    officers = {u.agency_id: u for u in User.objects.filter(role="officer", username__regex=r"^officer\.[a-z]+$")}
    heads = {u.agency_id: u for u in User.objects.filter(role="agency_head")}
    cases = (
        Case.objects.filter(status__in=["decided", "closed"], agency_id__in=[k for k in officers if k])
        .exclude(decision_number="")
        .select_related("agency")
        .order_by("-decided_at")[:limit]
    )
    created = 0
    for index, case in enumerate(cases):
        record_penalty(case=case)
        draft = disclosure_draft(case=case)
        if draft is None:
            continue
        created += 1
        if index % 5 != 0:  # most are published; some drafts are left (a few overdue)
            disclosure_publish(actor=officers[case.agency_id], disclosure=draft)
    for enterprise in Enterprise.objects.order_by("id")[:3]:
        source = Case.objects.filter(parties__uscc=enterprise.uscc).select_related("agency").first()
        head = heads.get(source.agency_id) if source else None
        if head is not None:
            blacklist_list(
                actor=head,
                enterprise=enterprise,
                legal_basis="两年内多次销售假冒注册商标的商品受行政处罚",
                planned_end=timezone.localdate() + dt.timedelta(days=3 * 365),
            )
    _seed_spellings_and_repair()
    return created


def _seed_spellings_and_repair() -> None:
    """Two sellers written differently from archived enterprises (proposed for a human to confirm)
    and one credit-repair application waiting for the listing agency."""
    listed = list(Enterprise.objects.filter(blacklist_entries__removed_on__isnull=True).order_by("id")[:2])
    if listed:
        enterprise_for(name=zhconv.convert(listed[0].name, "zh-tw"), region_code=listed[0].region_code)
        repair_submit(
            uscc=listed[0].uscc,
            applicant="王经理",
            contact="13800001234",
            statement="已缴清全部罚款，召回并销毁涉案假冒商品，建立进货查验和商标授权核验制度，愿意接受回访检查。",
        )
    if len(listed) > 1:
        core = listed[1].name.removesuffix("有限公司")
        romanised = "".join(word.capitalize() for word in lazy_pinyin(core)) + " Co., Ltd."
        enterprise_for(name=romanised, region_code=listed[1].region_code)
