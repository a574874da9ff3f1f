"""Criminal procedure after the police accept a transfer, recorded per person (立案, 拘留, 逮捕, 起诉, 判决)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ipshield.cases.cumulative import party_key, party_match
from ipshield.cases.models import CaseShare
from ipshield.cases.services import rescreen_after_punishment
from ipshield.core.audit import audit_record
from ipshield.core.choices import AgencyKind
from ipshield.core.text import source_text
from ipshield.credit.services import record_case_event
from ipshield.transfers.choices import CriminalStepKind
from ipshield.transfers.choices import TransferStatus as S
from ipshield.transfers.models import CriminalStep, Transfer, TransferShare
from ipshield.transfers.services import (
    STEP_ROLES,
    counterpart_agency,
    notify_agency,
    require_side,
    running_deadline,
)


def criminal_step_record(
    *,
    actor: Any,
    transfer: Transfer,
    kind: str,
    person_name: str,
    occurred_on: dt.date,
    result: str = "",
    party_id: int | None = None,
) -> CriminalStep:
    try:
        step_kind = CriminalStepKind(kind)
    except ValueError as exc:
        raise ValidationError({"kind": _("未知的环节：%(k)s") % {"k": kind}}) from exc
    require_side(actor, transfer, STEP_ROLES[step_kind])
    errors: dict[str, str] = {}
    if transfer.status != S.ACCEPTED:
        errors["kind"] = _("公安机关立案后才能登记刑事程序环节。")
    if not person_name.strip() and step_kind != CriminalStepKind.ITEMS_HANDED_OVER:
        errors["person_name"] = _("请填写涉案人员姓名（刑事环节按人登记）。")
    if occurred_on > timezone.localdate():
        errors["occurred_on"] = _("日期不能晚于今天。")
    if party_id is not None and not transfer.case.parties.filter(pk=party_id).exists():
        errors["party_id"] = _("该当事人不属于本案。")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        step = CriminalStep.objects.create(
            transfer=transfer,
            party_id=party_id,
            person_name=person_name.strip(),
            kind=step_kind,
            occurred_on=occurred_on,
            result=result.strip(),
            recorded_by=actor,
            agency_id=actor.agency_id,
        )
        if step_kind == CriminalStepKind.ITEMS_HANDED_OVER:
            current = Transfer.objects.select_for_update().get(pk=transfer.pk)
            current.items_handed_over_at = timezone.now()
            current.next_due_at, current.next_due_role = running_deadline(current)
            current.save(update_fields=["items_handed_over_at", "next_due_at", "next_due_role"])
        if step_kind == CriminalStepKind.JUDGED and step.party is not None:
            # 二年内再犯: the party's open cases with later conduct are screened with this judgment now.
            rescreen_after_punishment(keys=[party_key(step.party)], punished_on=occurred_on, actor=actor)
        if step_kind == CriminalStepKind.JUDGED:
            record_case_event(
                case=transfer.case,
                kind="conviction",
                on=occurred_on,
                published=True,
                summary=_("刑事判决：%(r)s") % {"r": result.strip() or transfer.case.number},
            )
        if step_kind == CriminalStepKind.PROSECUTED:
            court = counterpart_agency(transfer.agency.region_id, AgencyKind.COURT)
            if court is not None:
                TransferShare.objects.get_or_create(transfer=transfer, agency=court)
                CaseShare.objects.get_or_create(case=transfer.case, agency=court, defaults={"reason": "prosecution"})
        audit_record(
            actor=actor,
            action="transfer.criminal_step",
            target=transfer,
            after={"kind": step_kind.value, "person": step.person_name, "on": occurred_on.isoformat()},
        )
        notify_agency(
            transfer.agency,
            [],
            gettext_noop("刑事程序进展（%(k)s）：%(n)s"),
            transfer,
            {"k": source_text(step_kind.label), "n": transfer.case.number},
        )
    return step


def prior_judgments(
    *, keys: list[str], offences: list[str], since: dt.date, before: dt.date, exclude_case_id: int | None
) -> list[dict[str, Any]]:
    """Criminal judgments against a party (by party key) for offences of one repeat group, judged
    in [since, before): a source of 二年内受过刑事处罚 for cases.cumulative.prior_penalty (named in
    settings.IPSHIELD_PRIOR_PUNISHMENT_SOURCES). A step recorded without its party cannot match."""
    match = Q()
    for key in keys:
        match |= party_match(key, "party__")
    if not match:
        return []
    steps = (
        CriminalStep.objects.filter(match, kind=CriminalStepKind.JUDGED, transfer__case__offence__in=offences)
        .filter(occurred_on__gte=since, occurred_on__lt=before)
        .exclude(transfer__case_id=exclude_case_id or 0)
        .select_related("agency", "transfer__case")
        .order_by("-occurred_on", "-id")[:1]
    )
    return [
        {
            "kind": "judgment",
            "case_id": step.transfer.case_id,
            "decision_number": step.result[:80] or step.transfer.case.number,
            "decided_on": step.occurred_on.isoformat(),
            "agency": step.agency.name,
        }
        for step in steps
    ]
