"""Credit repair (信用修复): a listed enterprise applies, an officer of the listing authority decides
within the period of `repair_rules.yaml`; approval removes the listing (and tells the banks)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ipshield.core.audit import audit_record
from ipshield.core.choices import Role
from ipshield.core.deadlines import Period, Unit, due_at
from ipshield.core.identifiers import normalise
from ipshield.credit import workflow
from ipshield.credit.choices import RepairEvent
from ipshield.credit.models import BlacklistEntry, CreditRepairRequest, RepairStatus
from ipshield.credit.selectors import repair_queue

RULES_FILE = Path(__file__).with_name("repair_rules.yaml")
DECIDING_ROLES = frozenset({Role.OFFICER, Role.AGENCY_HEAD})
STATEMENT_MIN = 20


@lru_cache(maxsize=1)
def _rules() -> list[dict[str, Any]]:
    document: list[dict[str, Any]] = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    return sorted(document, key=lambda rule: rule["valid_from"], reverse=True)


def decision_period(on: dt.date) -> tuple[Period, str]:
    """The period in force on the day of the application, and its source."""
    for rule in _rules():
        if rule["valid_from"] <= on:
            spec = rule["decision_period"]
            return Period(int(spec["value"]), Unit(spec["unit"])), str(rule["source"])
    raise LookupError(on)


def active_entry_for_uscc(uscc: str) -> BlacklistEntry | None:
    return (
        BlacklistEntry.objects.filter(enterprise__uscc=normalise(uscc), removed_on__isnull=True)
        .select_related("enterprise", "authority")
        .first()
    )


def repair_check(
    *, uscc: str, applicant: str, contact: str, statement: str
) -> tuple[dict[str, str], BlacklistEntry | None]:
    """Every field error of an application at once (nothing written), and the listing it names."""
    errors: dict[str, str] = {}
    entry = active_entry_for_uscc(uscc) if uscc.strip() else None
    if entry is None:
        errors["uscc"] = _("未找到以该统一社会信用代码列入且未移出的黑名单记录。")
    if not applicant.strip():
        errors["applicant"] = _("请填写申请人。")
    digits = "".join(ch for ch in contact if ch.isdigit())
    if not 7 <= len(digits) <= 15:
        errors["contact"] = _("请填写有效的联系电话。")
    if len(statement.strip()) < STATEMENT_MIN:
        errors["statement"] = _("请说明纠正失信行为、履行法定义务的情况（至少%(n)s字）。") % {"n": STATEMENT_MIN}
    return errors, entry


def repair_submit(*, uscc: str, applicant: str, contact: str, statement: str) -> CreditRepairRequest:
    """Public, no account: the applicant names the listed enterprise by its USCC."""
    errors, entry = repair_check(uscc=uscc, applicant=applicant, contact=contact, statement=statement)
    if errors or entry is None:
        raise ValidationError(errors)
    now = timezone.now()
    period, _source = decision_period(timezone.localdate(now))
    with transaction.atomic():
        if entry.repair_requests.filter(status=RepairStatus.PENDING).exists():
            raise ValidationError({"uscc": _("已有一份待决定的信用修复申请。")})
        request = CreditRepairRequest.objects.create(
            entry=entry,
            applicant=applicant.strip()[:64],
            contact=contact.strip()[:32],
            statement=statement.strip()[:5000],
            submitted_at=now,
            due_at=due_at(now, period),
        )
        audit_record(actor=None, action="credit.repair.submit", target=request, after={"entry": entry.pk})
    return request


def repair_decide(*, actor: Any, request: CreditRepairRequest, approve: bool, reason: str) -> CreditRepairRequest:
    from ipshield.credit.services import remove_listing

    if actor.role not in DECIDING_ROLES or not repair_queue(actor).filter(pk=request.pk).exists():
        raise PermissionDenied(_("由作出列入决定的机关决定信用修复。"))
    if not reason.strip():
        raise ValidationError({"reason": _("请填写决定理由。")})
    with transaction.atomic():
        current = CreditRepairRequest.objects.select_for_update().select_related("entry").get(pk=request.pk)
        event = RepairEvent.APPROVE if approve else RepairEvent.REJECT
        if not workflow.REPAIR.allows(current.status, event):
            raise ValidationError({"status": _("该申请已有决定。")})
        workflow.REPAIR.move(current, event)
        current.decided_by = actor
        current.decided_at = timezone.now()
        current.decision_reason = reason.strip()[:500]
        current.save()
        audit_record(
            actor=actor,
            action="credit.repair.approve" if approve else "credit.repair.reject",
            target=current,
            after={"reason": current.decision_reason},
        )
        if approve:
            remove_listing(
                actor=actor, entry=current.entry, reason=_("信用修复：%(r)s") % {"r": current.decision_reason}
            )
    return current
