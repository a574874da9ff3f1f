"""公职人员涉案线索: clues that public officials are involved (commercial bribery, duty crime,
protection of infringers) go from the agency that found them to the procuratorate, which records
what it did (国务院令第310号 as amended by 第730号, art.19; work plan 二).

Art.19 sets no period; the platform gives the procuratorate OFFICIAL_CLUE_PERIOD to record its
handling, shown everywhere as a platform working deadline (平台工作时限), not a statutory one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ipshield.cases.models import Case
from ipshield.core.audit import audit_record
from ipshield.core.choices import AgencyKind, Role
from ipshield.core.deadlines import Period, Unit, due_at
from ipshield.core.workflow import TransitionNotAllowed
from ipshield.transfers import workflow
from ipshield.transfers.choices import OfficialClueDecision, OfficialClueEvent, OfficialClueKind, OfficialClueStatus
from ipshield.transfers.models import Notification, OfficialClue
from ipshield.transfers.services import TransferConflict, counterpart_agency

OFFICIAL_CLUE_PERIOD = Period(15, Unit.DAYS)  # platform working rule (art.19 names no period)
REPORTER_ROLES = frozenset({Role.OFFICER, Role.AGENCY_HEAD})
DESCRIPTION_MAX = 5000
OFFICIALS_MAX = 300
NOTE_MAX = 5000


def official_clue_report(
    *, actor: Any, case: Case, data: Mapping[str, Any], now: dt.datetime | None = None
) -> OfficialClue:
    """The case's own agency hands a clue about officials to the procuratorate of the case's region."""
    if actor.role not in REPORTER_ROLES or actor.agency_id is None or actor.agency_id != case.agency_id:
        raise PermissionDenied(_("只有本案办案机关的执法人员可以报告公职人员涉案线索。"))
    kind = str(data.get("kind") or "")
    description = str(data.get("description") or "").strip()
    officials = str(data.get("officials") or "").strip()
    errors: dict[str, str] = {}
    if kind not in OfficialClueKind.values:
        errors["kind"] = _("请选择线索类别。")
    if not description:
        errors["description"] = _("请写明线索内容：发现了什么、证据在哪里。")
    elif len(description) > DESCRIPTION_MAX:
        errors["description"] = _("线索内容不能超过%(n)s字。") % {"n": DESCRIPTION_MAX}
    if len(officials) > OFFICIALS_MAX:
        errors["officials"] = _("涉及人员及职务不能超过%(n)s字。") % {"n": OFFICIALS_MAX}
    procuratorate = counterpart_agency(case.region_code, AgencyKind.PROCURATORATE)
    if procuratorate is None:
        errors["kind"] = _("本地区没有登记检察院，无法移送线索，请联系系统管理员。")
    if errors:
        raise ValidationError(errors)
    assert procuratorate is not None  # for the type checker: refused above
    now = now or timezone.now()
    with transaction.atomic():
        clue = OfficialClue(
            agency_id=case.agency_id,
            case=case,
            procuratorate=procuratorate,
            kind=kind,
            officials=officials,
            description=description,
            reported_by=actor,
            reported_at=now,
            due_at=due_at(now, OFFICIAL_CLUE_PERIOD),
            region_code=case.region_code,
        )
        clue.full_clean()
        clue.save()
        # The audit log names the kind and the addressee, not the content (who is suspected).
        audit_record(
            actor=actor,
            action="official_clue.report",
            target=clue,
            after={"case": case.number, "kind": kind, "procuratorate": procuratorate.name},
        )
        Notification.objects.create(
            agency=procuratorate,
            roles=f",{Role.PROCURATOR},",
            title=gettext_noop("公职人员涉案线索：%(n)s"),
            params={"n": case.number},
            url=reverse("transfers:official_clue_detail", args=[clue.pk]),
        )
    return clue


def may_handle(user: Any, clue: OfficialClue) -> bool:
    """Only the procuratorate the clue was sent to handles it (superior ones read it)."""
    return bool(user.role == Role.PROCURATOR and user.agency_id == clue.procuratorate_id)


def official_clue_act(
    *,
    actor: Any,
    clue: OfficialClue,
    event: str,
    data: Mapping[str, Any] | None = None,
    now: dt.datetime | None = None,
) -> OfficialClue:
    """The addressed procuratorate receives the clue, then records its handling (decision + note)."""
    if not may_handle(actor, clue):
        raise PermissionDenied(_("只有接收线索的检察院可以处理该线索。"))
    data = data or {}
    now = now or timezone.now()
    errors: dict[str, str] = {}
    decision = str(data.get("decision") or "")
    note = str(data.get("note") or "").strip()
    if event == OfficialClueEvent.DECIDE:
        if decision not in OfficialClueDecision.values:
            errors["decision"] = _("请选择处理结果。")
        if not note:
            errors["note"] = _("请写明处理说明（如立案文号、移送的监察机关）。")
        elif len(note) > NOTE_MAX:
            errors["note"] = _("处理说明不能超过%(n)s字。") % {"n": NOTE_MAX}
    elif event != OfficialClueEvent.RECEIVE:
        errors["action"] = _("未知的操作：%(a)s") % {"a": event[:40]}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = OfficialClue.objects.select_for_update().get(pk=clue.pk)
        try:
            before, after = workflow.OFFICIAL_CLUE.move(current, event)
        except TransitionNotAllowed as exc:
            raise TransferConflict(
                _("该线索当前状态为“%(s)s”，不能执行此操作，请刷新后查看。") % {"s": current.get_status_display()}
            ) from exc
        if event == OfficialClueEvent.RECEIVE:
            current.received_at = now
        else:
            current.received_at = current.received_at or now
            current.decision, current.decision_note = decision, note
            current.decided_by, current.decided_at = actor, now
        current.save()
        audit_record(
            actor=actor,
            action=f"official_clue.{event}",
            target=current,
            before={"status": before},
            after={"status": after, **({"decision": decision} if decision else {})},
        )
        if after == OfficialClueStatus.DECIDED:
            Notification.objects.create(
                agency_id=current.agency_id,
                roles="",
                title=gettext_noop("检察院已处理公职人员涉案线索：%(n)s"),
                params={"n": current.case.number},
                url=reverse("transfers:official_clue_detail", args=[current.pk]),
            )
    return current
