"""The campaign report (集群战役战果): what the participating regions' linked cases achieved, live
while the campaign runs and as its final report (page, Excel, PDF).

Figures are counted from the linked records, never typed: cases and their penalties from the case
register, transfers and people detained or arrested from the transfer workflow, tips from the tip
platform; dens destroyed and the amount involved are given per case when it is linked.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from ipshield.cases.models import Case
from ipshield.cooperation.models import CampaignLink, CampaignTip, Cooperation
from ipshield.core import regions
from ipshield.core.models import Region
from ipshield.tips.selectors import tip_queryset
from ipshield.transfers.choices import CriminalStepKind, TransferStatus
from ipshield.transfers.models import CriminalStep, Transfer

COLUMNS: list[tuple[str, Any, str]] = [
    ("cases", _("关联案件（件）"), "int"),
    ("tips", _("关联举报（件）"), "int"),
    ("filed", _("立案（件）"), "int"),
    ("decided", _("作出处罚（件）"), "int"),
    ("penalty", _("罚没款（万元）"), "money"),
    ("amount", _("涉案金额（万元）"), "money"),
    ("dens", _("捣毁窝点（个）"), "int"),
    ("transfers", _("移送公安（件）"), "int"),
    ("accepted", _("公安立案（件）"), "int"),
    ("detained", _("刑事拘留（人）"), "int"),
    ("arrested", _("批准逮捕（人）"), "int"),
]
ZERO = Decimal(0)


@dataclass
class CampaignRow:
    code: str
    label: str
    values: dict[str, Any]


@dataclass
class CampaignReport:
    rows: list[CampaignRow]
    partial: bool  # some linked cases are outside the reader's reach and are not counted


def campaign_report(record: Cooperation, reader: Any) -> CampaignReport:
    """One row per participating region, then the total (合计), counted from the linked cases the
    reader may open: a participating region sees its own results, the organiser (whose reach covers
    the campaign) all of them; no figure rests on a case the reader could not list."""
    codes = list(record.participants.filter(agency=None).order_by("region_code").values_list("region_code", flat=True))
    names = dict(Region.objects.filter(code__in=codes).values_list("code", "name"))
    all_links = CampaignLink.objects.filter(cooperation=record)
    visible_links = all_links.filter(case__in=Case.objects.visible_to(reader).values("pk"))
    all_tips = CampaignTip.objects.filter(cooperation=record)
    tip_regions = list(
        all_tips.filter(tip__in=tip_queryset(reader).values("pk")).values_list("tip__region_code", flat=True)
    )
    links = list(
        visible_links.select_related("case").only(
            "case__region_code",
            "case__filed_at",
            "case__decided_at",
            "case__fine_amount",
            "case__confiscated_amount",
            "dens_destroyed",
            "amount_involved",
            "case_id",
        )
    )
    case_ids = [link.case_id for link in links]
    transfers = dict(
        Transfer.objects.filter(case_id__in=case_ids, sent_at__isnull=False)
        .values("case_id")
        .annotate(n=Count("id"))
        .values_list("case_id", "n")
    )
    accepted = dict(
        Transfer.objects.filter(case_id__in=case_ids, status=TransferStatus.ACCEPTED)
        .values("case_id")
        .annotate(n=Count("id"))
        .values_list("case_id", "n")
    )
    steps = {
        (row["transfer__case_id"], row["kind"]): row["n"]
        for row in CriminalStep.objects.filter(
            transfer__case_id__in=case_ids, kind__in=[CriminalStepKind.DETENTION, CriminalStepKind.ARREST_APPROVED]
        )
        .values("transfer__case_id", "kind")
        .annotate(n=Count("person_name", distinct=True))
    }
    rows = {code: CampaignRow(code, names.get(code, code), _empty()) for code in codes}
    total = CampaignRow("total", str(_("合计")), _empty())
    for link in links:
        case = link.case
        targets = [rows[c] for c in codes if regions.contains(c, case.region_code)][:1] + [total]
        for row in targets:
            v = row.values
            v["cases"] += 1
            v["filed"] += 1 if case.filed_at else 0
            v["decided"] += 1 if case.decided_at else 0
            v["penalty"] += (case.fine_amount or ZERO) + (case.confiscated_amount or ZERO)
            v["amount"] += link.amount_involved or ZERO
            v["dens"] += link.dens_destroyed
            v["transfers"] += transfers.get(case.pk, 0)
            v["accepted"] += accepted.get(case.pk, 0)
            v["detained"] += steps.get((case.pk, CriminalStepKind.DETENTION), 0)
            v["arrested"] += steps.get((case.pk, CriminalStepKind.ARREST_APPROVED), 0)
    for code in tip_regions:
        for row in [rows[c] for c in codes if regions.contains(c, code)][:1] + [total]:
            row.values["tips"] += 1
    out = [*rows.values(), total]
    for row in out:
        for key in ("penalty", "amount"):
            row.values[key] = (row.values[key] / 10000).quantize(Decimal("0.01"))
    partial = all_links.count() > len(links) or all_tips.count() > len(tip_regions)
    return CampaignReport(out, partial=partial)


def _empty() -> dict[str, Any]:
    return {key: (ZERO if kind == "money" else 0) for key, _label, kind in COLUMNS}
