"""Disclosure drafts from penalty decisions; review, publish, update, withhold, withdraw."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ipshield.cases.choices import PenaltyKind, ScreeningOutcome
from ipshield.cases.models import Case
from ipshield.core.audit import audit_record
from ipshield.core.choices import Role
from ipshield.core.deadlines import Period, Unit, due_at
from ipshield.core.text import source_text
from ipshield.credit.services import publish_penalty_events
from ipshield.disclosure import workflow
from ipshield.disclosure.choices import DisclosureEvent, DisclosureStatus
from ipshield.disclosure.masking import mask_text
from ipshield.disclosure.models import Disclosure
from ipshield.screening.services import base_document

EDITOR_ROLES = frozenset({Role.OFFICER, Role.AGENCY_HEAD})


def disclosure_period() -> Period:
    spec = base_document()["disclosure"]["deadline"]  # 20 working days from the decision
    return Period(int(spec["value"]), Unit(spec["unit"]))


# Stored as source text and shown through the catalogue, in the reader's language.
PERFORMANCE_FINE = gettext_noop("自收到处罚决定书之日起十五日内缴纳罚款")
PERFORMANCE_NONE = gettext_noop("自收到处罚决定书之日起履行")


@transaction.atomic  # the row lock below needs a transaction when a command (demo_seed) calls this outside a request
def disclosure_draft(*, case: Case) -> Disclosure | None:
    """Called when a penalty decision is recorded (event "case.decided"): a masked draft with the
    clock started. Idempotent per case: a case decided again (after the judiciary returned it)
    updates its one disclosure; a published one shows the new decision with a note saying so."""
    parties = list(case.parties.all())
    if not parties:
        return None
    subject = parties[0]
    others = [p.name for p in parties[1:] if p.kind == "person"]
    kinds = "、".join(source_text(PenaltyKind(k).label) for k in case.penalty_kinds if k in PenaltyKind.values)
    fine = f"，罚款{case.fine_amount:,}元" if case.fine_amount else ""
    decided = case.decided_at or timezone.now()
    facts = mask_text(case.facts_text or case.title, other_person_names=others)
    existing = Disclosure.objects.select_for_update().filter(case=case).first()
    disclosure = existing or Disclosure(case=case)
    if existing is not None and existing.status == DisclosureStatus.PUBLISHED:
        disclosure.change_note = _("处罚决定已重新作出（%(n)s）。") % {"n": case.decision_number}
    for name, value in dict(
        agency_id=case.agency_id,
        domain=case.domain,
        region_code=case.region_code,
        decision_number=case.decision_number,
        subject=subject.name,
        legal_representative=subject.legal_representative if subject.kind == "enterprise" else "",
        facts=facts,
        penalty=f"{kinds}{fine}。依据：{case.penalty_basis or '—'}",
        penalty_kinds=[k for k in case.penalty_kinds if k in PenaltyKind.values],
        fine_amount=case.fine_amount,
        legal_basis=case.penalty_basis,
        performance=PERFORMANCE_FINE if case.fine_amount else PERFORMANCE_NONE,
        agency_name=case.agency.name,
        decided_on=timezone.localdate(decided),
        due_at=due_at(decided, disclosure_period()),
    ).items():
        setattr(disclosure, name, value)
    disclosure.search_text = search_text_of(disclosure)
    disclosure.save()
    if disclosure.status == DisclosureStatus.PUBLISHED:  # the public timeline shows the new decision
        publish_penalty_events(case=case, published=True, summary=public_summary(disclosure))
    return disclosure


def public_summary(disclosure: Disclosure) -> str:
    """The timeline line the public sees: the published (masked) fields only."""
    note = f"（{disclosure.change_note}）" if disclosure.change_note else ""
    return f"{disclosure.agency_name} {disclosure.decision_number}：{disclosure.facts[:300]}{note}"


def search_text_of(disclosure: Disclosure) -> str:
    """What the public search reads: only published, masked fields (never the internal case title)."""
    return " ".join([disclosure.decision_number, disclosure.subject, disclosure.facts, disclosure.agency_name])


def _require_editor(actor: Any, disclosure: Disclosure) -> None:
    if actor.agency_id != disclosure.agency_id or actor.role not in EDITOR_ROLES:
        raise PermissionDenied(_("由作出处罚决定的机关公开（谁执法谁公开）。"))


def _require_transition(disclosure: Disclosure, event: DisclosureEvent) -> None:
    if not workflow.LIFECYCLE.allows(disclosure.status, event):
        raise ValidationError(
            {"status": _("当前状态（%(s)s）不能%(e)s。") % {"s": disclosure.get_status_display(), "e": event.label}}
        )


def disclosure_publish(*, actor: Any, disclosure: Disclosure, facts: str | None = None) -> Disclosure:
    _require_editor(actor, disclosure)
    with transaction.atomic():
        current = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
        _require_transition(current, DisclosureEvent.PUBLISH)
        if facts is not None and facts.strip():
            current.facts = mask_text(facts.strip())
        workflow.LIFECYCLE.move(current, DisclosureEvent.PUBLISH)
        current.published_at = timezone.now()
        current.search_text = search_text_of(current)
        current.save()
        publish_penalty_events(case=current.case, published=True, summary=public_summary(current))
        audit_record(
            actor=actor, action="disclosure.publish", target=current, after={"decision_number": current.decision_number}
        )
    return current


def disclosure_change(
    *, actor: Any, disclosure: Disclosure, note: str, withdraw: bool = False, facts: str | None = None
) -> Disclosure:
    """After reconsideration or litigation: update or withdraw, with the reason shown to the public."""
    _require_editor(actor, disclosure)
    if not note.strip():
        raise ValidationError({"note": _("请说明变更或撤回的原因（复议、诉讼结果）。")})
    with transaction.atomic():
        current = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
        event = DisclosureEvent.WITHDRAW if withdraw else DisclosureEvent.UPDATE
        _require_transition(current, event)
        current.change_note = note.strip()[:500]
        if facts:
            current.facts = mask_text(facts)
            current.search_text = search_text_of(current)
        workflow.LIFECYCLE.move(current, event)
        current.save()
        publish_penalty_events(case=current.case, published=not withdraw, summary=public_summary(current))
        audit_record(
            actor=actor,
            action="disclosure.withdraw" if withdraw else "disclosure.update",
            target=current,
            after={"note": current.change_note},
        )
    return current


def disclosure_withhold(*, actor: Any, disclosure: Disclosure, reason: str) -> Disclosure:
    """State secrets, trade secrets, privacy: withholding needs a reason and the head's approval."""
    if actor.role != Role.AGENCY_HEAD or actor.agency_id != disclosure.agency_id:
        raise PermissionDenied(_("不予公开须经负责人批准。"))
    if not reason.strip():
        raise ValidationError({"reason": _("请说明不予公开的理由（国家秘密、商业秘密、个人隐私等）。")})
    with transaction.atomic():
        current = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
        _require_transition(current, DisclosureEvent.WITHHOLD)
        workflow.LIFECYCLE.move(current, DisclosureEvent.WITHHOLD)
        current.withheld_reason = reason.strip()[:500]
        current.withheld_approved_by = actor
        current.save()
        publish_penalty_events(case=current.case, published=False)
        audit_record(actor=actor, action="disclosure.withhold", target=current, after={"reason": reason})
    return current


__all__ = ["ScreeningOutcome"]
