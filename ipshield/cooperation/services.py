"""Writes of the cooperation records: create each kind, then one `cooperation_act` for every step.

Every write checks the record's own parties (who sent it, who received it, who supervises), not
only the user's role; takes a row lock so that two agencies cannot both accept one lead; moves
status only through the kind's lifecycle (workflow.py); appends to the record's timeline, the
audit log and the inbox of whoever must act next — all in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ipshield.cases.choices import CaseStatus, PartyKind
from ipshield.cases.models import Case, CaseShare
from ipshield.cases.services import case_create
from ipshield.cooperation import workflow
from ipshield.cooperation.choices import (
    AssistanceTask,
    ClosingRating,
    CoopAction,
    CoopKind,
    CoopStatus,
    EntryKind,
    ParticipantState,
    Participation,
    Urgency,
)
from ipshield.cooperation.models import CampaignLink, CampaignTip, Cooperation, Entry, Milestone, Participant
from ipshield.core import regions
from ipshield.core.attachments import attachment_store
from ipshield.core.audit import audit_record, snapshot
from ipshield.core.choices import ADMINISTRATIVE_AGENCY_KINDS, AgencyKind, CampaignDomain, Role
from ipshield.core.deadlines import OFFICIAL_CALENDAR, Period, due_at, end_of_day, first_working_day_after
from ipshield.core.forms import amount_value, uscc_validator
from ipshield.core.models import Agency, Region, next_document_number
from ipshield.core.workflow import Conflict, TransitionNotAllowed
from ipshield.stats.selectors import alerts_for
from ipshield.tips.selectors import tip_queryset
from ipshield.transfers.services import counterpart_agency, notify

ACTING_ROLES = frozenset({Role.OFFICER, Role.AGENCY_HEAD, Role.POLICE, Role.PROCURATOR, Role.JUDGE, Role.COORDINATOR})
TEXT_MAX = 5000
AMOUNT_MAX = Decimal("99999999999999.99")  # CampaignLink.amount_involved: 16 digits, 2 after the point
TITLE_MAX = 200
LIST_MAX = 20
OPEN_CASE_STATES = frozenset({CaseStatus.LEAD, CaseStatus.FILED, CaseStatus.INVESTIGATING, CaseStatus.DECIDED})
ENFORCEMENT_KINDS = frozenset(ADMINISTRATIVE_AGENCY_KINDS | {AgencyKind.PUBLIC_SECURITY})
CONSULTED_KINDS = frozenset(
    ADMINISTRATIVE_AGENCY_KINDS
    | {AgencyKind.PUBLIC_SECURITY, AgencyKind.PROCURATORATE, AgencyKind.COURT, AgencyKind.LEADING_GROUP}
)
JOINT_KINDS = frozenset(ENFORCEMENT_KINDS | {AgencyKind.PROCURATORATE, AgencyKind.CERTIFICATION_REGULATOR})
NUMBER_MARKER = {
    CoopKind.LEAD: "线通",
    CoopKind.ASSISTANCE: "协查",
    CoopKind.JOINT: "联办",
    CoopKind.SUPERVISION: "督办",
    CoopKind.CAMPAIGN: "战役",
    CoopKind.CONSULTATION: "会商",
}
OPEN_PARTICIPANT_STATES = frozenset({ParticipantState.PENDING, ParticipantState.ACKNOWLEDGED})


# --- small helpers ------------------------------------------------------------------------------


def record_url(record: Cooperation) -> str:
    return reverse("cooperation:detail", args=[record.pk])


def _require_actor(actor: Any) -> None:
    if not getattr(actor, "is_authenticated", False) or actor.agency_id is None or actor.role not in ACTING_ROLES:
        raise PermissionDenied(_("您的角色不能办理协作事项。"))


def _text(
    data: Mapping[str, Any], name: str, errors: dict[str, str], *, required: bool = True, limit: int = TEXT_MAX
) -> str:
    value = data.get(name)
    text = "" if value is None else str(value).strip()
    if "\x00" in text:
        errors[name] = _("内容含有不允许的控制字符。")
    elif required and not text:
        errors[name] = _("此项为必填项。")
    elif len(text) > limit:
        errors[name] = _("不能超过%(n)s字。") % {"n": limit}
    return text


def _text_list(
    data: Mapping[str, Any], name: str, errors: dict[str, str], *, minimum: int = 1, limit: int = 1000
) -> list[str]:
    raw = data.get(name) or []
    if isinstance(raw, str):
        raw = [line for line in raw.splitlines() if line.strip()]
    if not isinstance(raw, (list, tuple)):
        errors[name] = _("格式不正确。")
        return []
    items = [str(v).strip() for v in raw if str(v).strip()]
    if len(items) < minimum:
        errors[name] = _("请至少填写%(n)s项。") % {"n": minimum}
    elif len(items) > LIST_MAX:
        errors[name] = _("最多%(n)s项。") % {"n": LIST_MAX}
    elif any("\x00" in v for v in items):
        errors[name] = _("内容含有不允许的控制字符。")
    elif any(len(v) > limit for v in items):
        errors[name] = _("每项不能超过%(n)s字。") % {"n": limit}
    return items


def _choices(
    data: Mapping[str, Any], name: str, allowed: Iterable[str], errors: dict[str, str], *, minimum: int = 1
) -> list[str]:
    raw = data.get(name) or []
    if isinstance(raw, str):
        raw = [raw]
    allowed = set(allowed)
    values = list(dict.fromkeys(str(v) for v in raw)) if isinstance(raw, (list, tuple)) else []
    if not isinstance(raw, (list, tuple)) or any(v not in allowed for v in values):
        errors[name] = _("包含无效的选项。")
    elif len(values) < minimum:
        errors[name] = _("请至少选择%(n)s项。") % {"n": minimum}
    return values


def _due_date(
    value: Any,
    name: str,
    errors: dict[str, str],
    *,
    now: dt.datetime,
    default: Period | None,
    min_working_days: int = 1,
) -> dt.datetime | None:
    """A due date someone chose (end of that day), or the default period from now."""
    if value in (None, ""):
        return due_at(now, default) if default is not None else None
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            errors[name] = _("日期格式应为 YYYY-MM-DD。")
            return None
    if not isinstance(value, dt.date):
        errors[name] = _("日期格式应为 YYYY-MM-DD。")
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    problem = due_date_problem(value, now=now, min_working_days=min_working_days)
    if problem:
        errors[name] = problem
        return None
    return end_of_day(value)


def due_date_problem(value: dt.date, *, now: dt.datetime, min_working_days: int = 1) -> str:
    """Why a chosen due date cannot be (too soon to do the work, or further out than a plan), or ""."""
    today = timezone.localdate(now)
    earliest = OFFICIAL_CALENDAR.add_working_days(today, min_working_days)
    if value < earliest:
        return str(_("期限最早为%(d)s（须留出办理时间）。") % {"d": earliest})
    if value > today + dt.timedelta(days=workflow.MAX_DUE_DAYS):
        return str(_("期限不能晚于%(n)s天之后。") % {"n": workflow.MAX_DUE_DAYS})
    return ""


def _agencies(
    ids: Any,
    name: str,
    errors: dict[str, str],
    *,
    sender: Agency,
    kinds: frozenset[str],
    other_region: bool = False,
    limit: int = LIST_MAX,
) -> list[Agency]:
    """The agencies a record goes to, each within the sender's reach; a field error otherwise."""
    if isinstance(ids, (int, str)) and not isinstance(ids, bool):
        ids = [ids]
    if not isinstance(ids, (list, tuple)) or not ids:
        errors[name] = _("请选择接收单位。")
        return []
    wanted: list[int] = []
    for raw in ids:
        if isinstance(raw, bool) or not str(raw).isdigit() or len(str(raw)) > 18:
            errors[name] = _("接收单位无效。")
            return []
        wanted.append(int(raw))
    wanted = list(dict.fromkeys(wanted))
    if len(wanted) > limit:
        errors[name] = _("最多选择%(n)s个单位。") % {"n": limit}
        return []
    agencies = {a.pk: a for a in Agency.objects.filter(pk__in=wanted, is_active=True).select_related("region")}
    if len(agencies) != len(wanted):
        errors[name] = _("所选单位不存在或已停用。")
    elif sender.pk in agencies:
        errors[name] = _("不能发给本单位。")
    elif any(a.kind not in kinds for a in agencies.values()):
        errors[name] = _("所选单位不能办理此类事项：%(names)s。") % {
            "names": "、".join(a.name for a in agencies.values() if a.kind not in kinds)
        }
    elif other_region and any(a.region_id == sender.region_id for a in agencies.values()):
        errors[name] = _("案件协查发往其他地区的单位；本地区单位请直接联系。")
    else:
        return [agencies[i] for i in wanted]
    return []


def _own_case(actor: Any, case_id: Any, name: str, errors: dict[str, str], *, required: bool) -> Case | None:
    """A case of the actor's own agency (read through the scoped selector)."""
    if case_id in (None, ""):
        if required:
            errors[name] = _("请选择本单位的案件。")
        return None
    if isinstance(case_id, bool) or not str(case_id).isdigit() or len(str(case_id)) > 18:
        errors[name] = _("案件无效。")
        return None
    case = Case.objects.visible_to(actor).filter(pk=int(case_id), agency_id=actor.agency_id).first()
    if case is None:
        errors[name] = _("案件不存在，或不是本单位办理的案件。")
    return case


def _entry(
    record: Cooperation,
    kind: str,
    actor: Any,
    text: str = "",
    data: dict[str, Any] | None = None,
    *,
    now: dt.datetime,
    agency: Agency | None = None,
) -> Entry:
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return Entry.objects.create(
        cooperation=record,
        kind=kind,
        agency=agency or (actor.agency if authenticated else None),
        author=actor if authenticated else None,
        created_at=now,
        text=text,
        data=data or {},
    )


def _notify(record: Cooperation, to: Agency | None, title: str, **params: Any) -> None:
    notify(to, (), title, record_url(record), {"n": record.number, "title": record.title[:60], **params})


def _participant(record: Cooperation, actor: Any, roles: Iterable[str]) -> Participant:
    part = record.participants.filter(agency_id=actor.agency_id, role__in=list(roles)).first()
    if part is None:
        raise PermissionDenied(_("只有该事项的接收或参与单位可以执行此操作。"))
    return part


def _owner(record: Cooperation, actor: Any) -> None:
    if actor.agency_id != record.agency_id:
        raise PermissionDenied(_("只有发起单位可以执行此操作。"))


def _raise(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


def _start(
    *,
    actor: Any,
    kind: str,
    title: str,
    body: str,
    region_code: str,
    now: dt.datetime,
    case: Case | None = None,
    details: dict[str, Any] | None = None,
    due: dt.datetime | None = None,
    due_agency: Agency | None = None,
) -> Cooperation:
    record = Cooperation(
        kind=kind,
        title=title,
        body=body,
        details=details or {},
        agency=actor.agency,
        case=case,
        status=workflow.START_STATUS[kind],
        due_at=due,
        due_agency=due_agency,
        created_by=actor,
        created_at=now,
        status_changed_at=now,
        region_code=region_code,
    )
    record.number = next_document_number(
        actor.agency, f"coop.{kind}", NUMBER_MARKER[CoopKind(kind)], timezone.localdate(now).year
    )
    record.save()
    return record


def _add_participant(
    record: Cooperation,
    agency: Agency | None,
    role: str,
    state: str,
    *,
    region_code: str = "",
    now: dt.datetime | None = None,
) -> Participant:
    return Participant.objects.create(
        cooperation=record,
        agency=agency,
        role=role,
        state=state,
        responded_at=now,
        region_code=region_code or (agency.region_id if agency is not None else regions.NATIONAL_CODE),
    )


def _created(actor: Any, record: Cooperation) -> Cooperation:
    audit_record(
        actor=actor,
        action=f"cooperation.{record.kind}.create",
        target=record,
        after={
            **snapshot(record, ["kind", "number", "title", "status", "case", "due_at", "region_code"]),
            "participants": list(record.participants.values_list("agency_id", "role", "region_code")),
        },
    )
    return record


# --- create each kind ---------------------------------------------------------------------------


def lead_create(*, actor: Any, data: Mapping[str, Any], now: dt.datetime | None = None) -> Cooperation:
    """线索通报: to one or more agencies of any kind or region; the first to accept opens the case."""
    _require_actor(actor)
    now = now or timezone.now()
    errors: dict[str, str] = {}
    title = _text(data, "title", errors, limit=TITLE_MAX)
    body = _text(data, "body", errors)
    target_name = _text(data, "target_name", errors, required=False, limit=200)
    target_uscc = _text(data, "target_uscc", errors, required=False, limit=18).upper()
    if target_uscc and "target_uscc" not in errors:
        try:
            uscc_validator(target_uscc)
        except ValidationError as exc:
            errors["target_uscc"] = "; ".join(exc.messages)
    urgency = str(data.get("urgency") or Urgency.NORMAL)
    if urgency not in Urgency.values:
        errors["urgency"] = _("包含无效的选项。")
    domain = str(data.get("domain") or "")
    if domain and domain not in CampaignDomain.values:
        errors["domain"] = _("包含无效的选项。")
    receivers = _agencies(
        data.get("receivers"), "receivers", errors, sender=actor.agency, kinds=ENFORCEMENT_KINDS, limit=10
    )
    source: dict[str, Any] = {}
    if data.get("tip_id") not in (None, ""):
        tip = tip_queryset(actor).filter(pk=_int_or_zero(data.get("tip_id"))).first()
        if tip is None:
            errors["tip_id"] = _("举报不存在或不在您的管辖范围内。")
        else:
            source = {"tip": tip.pk, "tip_number": tip.tracking_number}
    if data.get("alert_id") not in (None, ""):
        alert = alerts_for(actor).filter(pk=_int_or_zero(data.get("alert_id"))).first()
        if alert is None:
            errors["alert_id"] = _("预警不存在或不在您的管辖范围内。")
        else:
            source = {**source, "alert": alert.pk}
    _raise(errors)
    period = workflow.LEAD_ANSWER_URGENT if urgency == Urgency.URGENT else workflow.LEAD_ANSWER
    with transaction.atomic():
        record = _start(
            actor=actor,
            kind=CoopKind.LEAD,
            title=title,
            body=body,
            region_code=actor.agency.region_id,
            now=now,
            details={
                "target_name": target_name,
                "target_uscc": target_uscc,
                "urgency": urgency,
                "domain": domain,
                "source": source,
            },
            due=due_at(now, period),
        )
        for agency in receivers:
            _add_participant(record, agency, Participation.RECEIVER, ParticipantState.PENDING)
            _notify(record, agency, gettext_noop("新的线索通报 %(n)s：%(title)s"))
        return _created(actor, record)


def _int_or_zero(value: Any) -> int:
    text = str(value or "")
    return int(text) if text.isdigit() and len(text) <= 18 else 0


def assistance_create(*, actor: Any, data: Mapping[str, Any], now: dt.datetime | None = None) -> Cooperation:
    """案件协查: questions and evidence to collect, to an enforcement agency in another region."""
    _require_actor(actor)
    now = now or timezone.now()
    errors: dict[str, str] = {}
    title = _text(data, "title", errors, limit=TITLE_MAX)
    body = _text(data, "body", errors, required=False)
    questions = _text_list(data, "questions", errors)
    tasks = _choices(data, "tasks", AssistanceTask.values, errors)
    case = _own_case(actor, data.get("case_id"), "case_id", errors, required=False)
    receivers = _agencies(
        data.get("receiver"),
        "receiver",
        errors,
        sender=actor.agency,
        kinds=ENFORCEMENT_KINDS,
        other_region=True,
        limit=1,
    )
    due = _due_date(
        data.get("due_date"),
        "due_date",
        errors,
        now=now,
        default=workflow.ASSISTANCE_DEFAULT,
        min_working_days=workflow.ASSISTANCE_MIN_WORKING_DAYS,
    )
    _raise(errors)
    receiver = receivers[0]
    with transaction.atomic():
        record = _start(
            actor=actor,
            kind=CoopKind.ASSISTANCE,
            title=title,
            body=body,
            region_code=actor.agency.region_id,
            now=now,
            case=case,
            details={"questions": questions, "tasks": tasks},
            due=due,
            due_agency=receiver,
        )
        _add_participant(record, receiver, Participation.RECEIVER, ParticipantState.PENDING)
        _notify(record, receiver, gettext_noop("协查请求 %(n)s：%(title)s，请于%(due)s前答复"), due=_day(due))
        return _created(actor, record)


def _day(moment: dt.datetime | None) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d") if moment else ""


def joint_create(*, actor: Any, data: Mapping[str, Any], now: dt.datetime | None = None) -> Cooperation:
    """联合办案: the case's agency leads; invited agencies take part or give professional support."""
    _require_actor(actor)
    now = now or timezone.now()
    errors: dict[str, str] = {}
    title = _text(data, "title", errors, limit=TITLE_MAX)
    body = _text(data, "body", errors, required=False)
    case = _own_case(actor, data.get("case_id"), "case_id", errors, required=True)
    if case is not None and case.status not in OPEN_CASE_STATES | {CaseStatus.TRANSFERRED}:
        errors["case_id"] = _("案件已办结，不能再组织联合办案。")
    raw = data.get("participants") or []
    if not isinstance(raw, (list, tuple)):
        raw = []
    ids = [p.get("agency") if isinstance(p, Mapping) else None for p in raw]
    roles = [str(p.get("role") or Participation.PARTICIPANT) if isinstance(p, Mapping) else "" for p in raw]
    if any(r not in {Participation.PARTICIPANT, Participation.SUPPORT} for r in roles):
        errors["participants"] = _("参与方式只能是协办单位或专业支持。")
    agencies = _agencies(ids, "participants", errors, sender=actor.agency, kinds=JOINT_KINDS)
    _raise(errors)
    assert case is not None
    if case.cooperations.filter(kind=CoopKind.JOINT, status=CoopStatus.ACTIVE).exists():
        raise Conflict(_("该案件已在联合办案中。"))
    with transaction.atomic():
        record = _start(
            actor=actor,
            kind=CoopKind.JOINT,
            title=title,
            body=body,
            region_code=case.region_code,
            now=now,
            case=case,
            due=due_at(now, workflow.JOINT_ANSWER),
        )
        _add_participant(record, actor.agency, Participation.LEAD_AGENCY, ParticipantState.JOINED, now=now)
        for agency, role in zip(agencies, roles, strict=True):
            _add_participant(record, agency, role, ParticipantState.PENDING)
            _notify(record, agency, gettext_noop("联合办案邀请 %(n)s：%(title)s"))
        return _created(actor, record)


def supervision_create(*, actor: Any, data: Mapping[str, Any], now: dt.datetime | None = None) -> Cooperation:
    """挂牌督办: a coordinating office designates a case in its region, with milestones."""
    _require_actor(actor)
    if actor.role != Role.COORDINATOR:
        raise PermissionDenied(_("只有打击侵权假冒工作领导小组办公室可以挂牌督办。"))
    now = now or timezone.now()
    errors: dict[str, str] = {}
    title = _text(data, "title", errors, limit=TITLE_MAX)
    body = _text(data, "body", errors)
    case = None
    case_id = _int_or_zero(data.get("case_id"))
    if not case_id:
        errors["case_id"] = _("请选择督办的案件。")
    else:
        case = Case.objects.visible_to(actor).filter(pk=case_id).select_related("agency").first()
        if case is None or not regions.contains(actor.agency.region_id, case.region_code):
            errors["case_id"] = _("案件不存在，或不在本地区。")
            case = None
        elif case.status not in OPEN_CASE_STATES and case.status != CaseStatus.TRANSFERRED:
            errors["case_id"] = _("案件已办结，不能挂牌督办。")
    milestones = _milestones(data.get("milestones"), errors, now=now)
    _raise(errors)
    assert case is not None
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()
        if case.cooperations.filter(kind=CoopKind.SUPERVISION, status=CoopStatus.ACTIVE).exists():
            raise Conflict(_("该案件已在挂牌督办中。"))
        record = _start(
            actor=actor,
            kind=CoopKind.SUPERVISION,
            title=title,
            body=body,
            region_code=case.region_code,
            now=now,
            case=case,
            details={"level": actor.agency.level},
            due_agency=case.agency,
        )
        _add_participant(record, case.agency, Participation.HANDLER, ParticipantState.ACKNOWLEDGED)
        for title_, due in milestones:
            Milestone.objects.create(cooperation=record, title=title_, due_at=due)
        _refresh_due(record)
        _notify(record, case.agency, gettext_noop("案件被挂牌督办 %(n)s：%(title)s"))
        return _created(actor, record)


def _milestones(raw: Any, errors: dict[str, str], *, now: dt.datetime) -> list[tuple[str, dt.datetime]]:
    if not isinstance(raw, (list, tuple)) or not raw:
        errors["milestones"] = _("请至少设定一个督办节点。")
        return []
    if len(raw) > 10:
        errors["milestones"] = _("最多%(n)s项。") % {"n": 10}
        return []
    out: list[tuple[str, dt.datetime]] = []
    for index, item in enumerate(raw):
        sub: dict[str, str] = {}
        item = item if isinstance(item, Mapping) else {}
        title = _text(item, "title", sub, limit=TITLE_MAX)
        due = _due_date(item.get("due_date"), "due_date", sub, now=now, default=None)
        if due is None and "due_date" not in sub:
            sub["due_date"] = _("此项为必填项。")
        # Named by position (milestones.0.due_date), so that a form can show it beside the field.
        errors.update({f"milestones.{index}.{name}": message for name, message in sub.items()})
        if due is not None and not sub:
            out.append((title, due))
    return out if len(out) == len(raw) else []


def _refresh_due(record: Cooperation) -> None:
    """A supervised case's running deadline is its earliest open milestone."""
    nxt = record.milestones.filter(done_at__isnull=True).order_by("due_at").values_list("due_at", flat=True).first()
    record.due_at = nxt if record.status not in workflow.FINISHED else None
    record.save(update_fields=["due_at"])


def campaign_create(*, actor: Any, data: Mapping[str, Any], now: dt.datetime | None = None) -> Cooperation:
    """专案集群战役: a coordinating office names the period, targets and participating regions."""
    _require_actor(actor)
    if actor.role != Role.COORDINATOR:
        raise PermissionDenied(_("只有打击侵权假冒工作领导小组办公室可以组织集群战役。"))
    now = now or timezone.now()
    errors: dict[str, str] = {}
    title = _text(data, "title", errors, limit=TITLE_MAX)
    body = _text(data, "body", errors, required=False)
    domains = _choices(data, "domains", CampaignDomain.values, errors)
    categories = _text_list(data, "product_categories", errors, minimum=0, limit=100)
    start, end = _date(data.get("start"), "start", errors), _date(data.get("end"), "end", errors)
    if start and end and (end < start or (end - start).days > 730):
        errors["end"] = _("结束日期须在开始日期之后，且战役不超过两年。")
    codes = data.get("regions") or []
    if isinstance(codes, str):
        codes = [codes]
    codes = list(dict.fromkeys(str(c) for c in codes)) if isinstance(codes, (list, tuple)) else []
    if not codes:
        errors["regions"] = _("请选择参战地区。")
    elif len(codes) > 40:
        errors["regions"] = _("最多%(n)s项。") % {"n": 40}
    elif any(not regions.is_region_code(c) for c in codes) or Region.objects.filter(code__in=codes).count() != len(
        codes
    ):
        errors["regions"] = _("地区代码无效。")
    elif any(not regions.contains(actor.agency.region_id, c) for c in codes):
        errors["regions"] = _("只能组织本地区范围内的地区参战。")
    _raise(errors)
    with transaction.atomic():
        record = _start(
            actor=actor,
            kind=CoopKind.CAMPAIGN,
            title=title,
            body=body,
            region_code=actor.agency.region_id,
            now=now,
            details={"domains": domains, "product_categories": categories, "start": str(start), "end": str(end)},
        )
        for code in codes:
            _add_participant(record, None, Participation.REGION, ParticipantState.JOINED, region_code=code)
        return _created(actor, record)


def _date(value: Any, name: str, errors: dict[str, str]) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        day = dt.date.fromisoformat(str(value or ""))
    except ValueError:
        errors[name] = _("日期格式应为 YYYY-MM-DD。")
        return None
    if not 2000 <= day.year <= 2100:
        errors[name] = _("日期超出范围。")
        return None
    return day


def consultation_create(*, actor: Any, data: Mapping[str, Any], now: dt.datetime | None = None) -> Cooperation:
    """疑难案件会商: opinions asked of the procuratorate, police, appraisal bodies or others."""
    _require_actor(actor)
    now = now or timezone.now()
    errors: dict[str, str] = {}
    title = _text(data, "title", errors, limit=TITLE_MAX)
    body = _text(data, "body", errors)
    case = _own_case(actor, data.get("case_id"), "case_id", errors, required=False)
    invitees = _agencies(data.get("invitees"), "invitees", errors, sender=actor.agency, kinds=CONSULTED_KINDS)
    due = _due_date(data.get("due_date"), "due_date", errors, now=now, default=workflow.CONSULTATION_DEFAULT)
    _raise(errors)
    with transaction.atomic():
        record = _start(
            actor=actor,
            kind=CoopKind.CONSULTATION,
            title=title,
            body=body,
            region_code=actor.agency.region_id,
            now=now,
            case=case,
            due=due,
        )
        for agency in invitees:
            _add_participant(record, agency, Participation.INVITEE, ParticipantState.PENDING)
            _notify(record, agency, gettext_noop("会商邀请 %(n)s：%(title)s，请于%(due)s前提出意见"), due=_day(due))
        return _created(actor, record)


CREATORS: dict[str, Callable[..., Cooperation]] = {
    CoopKind.LEAD: lead_create,
    CoopKind.ASSISTANCE: assistance_create,
    CoopKind.JOINT: joint_create,
    CoopKind.SUPERVISION: supervision_create,
    CoopKind.CAMPAIGN: campaign_create,
    CoopKind.CONSULTATION: consultation_create,
}


# --- steps --------------------------------------------------------------------------------------


@dataclass
class Step:
    """One step being taken: the locked record, who takes it, what they sent."""

    actor: Any
    record: Cooperation
    action: str
    data: Mapping[str, Any]
    now: dt.datetime
    uploads: Sequence[tuple[str, IO[bytes]]] = ()
    errors: dict[str, str] = field(default_factory=dict)
    move: bool = True  # False: the step changes a participant, not the record's status
    audit_after: dict[str, Any] = field(default_factory=dict)

    def text(self, name: str = "note", *, required: bool = True, limit: int = TEXT_MAX) -> str:
        return _text(self.data, name, self.errors, required=required, limit=limit)

    def check(self) -> None:
        _raise(self.errors)


def _store_evidence(step: Step, kind: str = EntryKind.EVIDENCE) -> list[dict[str, Any]]:
    """Files sent with a step: each becomes an evidence entry of the actor's agency with its hash."""
    stored = []
    for name, handle in step.uploads:
        entry = _entry(step.record, kind, step.actor, name, now=step.now)
        attachment = attachment_store(actor=step.actor, upload=handle, original_name=name, target=entry)
        entry.data = {
            "attachment": attachment.pk,
            "sha256": attachment.blob_id,
            "name": attachment.original_name,
            "size": attachment.blob.size,
        }
        entry.save(update_fields=["data"])
        stored.append(entry.data)
    return stored


def _pending_evidence(step: Step) -> list[dict[str, Any]]:
    """Evidence the actor's agency added since its last reply (files sent beforehand by the API)."""
    entries = step.record.entries.filter(kind=EntryKind.EVIDENCE, agency_id=step.actor.agency_id)
    found = []
    for entry in entries:
        if entry.data.get("replied") is not False:
            continue
        found.append({k: entry.data.get(k) for k in ("attachment", "sha256", "name", "size")})
        entry.data = {**entry.data, "replied": True}
        entry.save(update_fields=["data"])
    return found


# lead ---------------------------------------------------------------------------------------------


def _lead_acknowledge(step: Step) -> None:
    part = _participant(step.record, step.actor, [Participation.RECEIVER])
    if part.state != ParticipantState.PENDING:
        raise Conflict(_("本单位已签收或已处理该线索。"))
    part.state, part.responded_at = ParticipantState.ACKNOWLEDGED, step.now
    part.save()
    step.move = step.record.status == CoopStatus.SENT


def _lead_accept(step: Step) -> None:
    part = _participant(step.record, step.actor, [Participation.RECEIVER])
    if part.state == ParticipantState.DECLINED:
        raise Conflict(_("本单位已退回该线索。"))
    record, actor = step.record, step.actor
    note = step.text(required=False)
    case = None
    if actor.agency.kind in ADMINISTRATIVE_AGENCY_KINDS:
        if step.data.get("case_id") not in (None, ""):
            case = _own_case(actor, step.data.get("case_id"), "case_id", step.errors, required=True)
            if case is not None and case.cooperations.filter(kind=CoopKind.LEAD).exclude(pk=record.pk).exists():
                step.errors["case_id"] = _("该案件已关联其他线索。")
        step.check()
        if case is None:
            details = record.details or {}
            parties = []
            if details.get("target_name"):
                parties.append(
                    {
                        "kind": PartyKind.ENTERPRISE if details.get("target_uscc") else PartyKind.PERSON,
                        "name": details["target_name"],
                        "uscc": details.get("target_uscc", ""),
                    }
                )
            case = case_create(
                actor=actor,
                data={
                    "title": record.title[:200],
                    "domain": details.get("domain") or CampaignDomain.OTHER_IP,
                    "facts_text": f"{record.number} {record.agency.name}\n{record.body}"[:5000],
                    "lead_received_at": step.now,
                },
                parties=parties if actor.role in {Role.OFFICER, Role.AGENCY_HEAD} else None,
                now=step.now,
            )
    else:
        number = step.text("case_number", limit=64)
        step.check()
        record.details = {**(record.details or {}), "case_number": number}
    part.state, part.responded_at, part.note = ParticipantState.ACCEPTED, step.now, note
    part.save()
    record.case = case
    record.due_at = None
    record.details = {**(record.details or {}), "accepted_by": actor.agency.name}
    number = case.number if case is not None else record.details.get("case_number", "")
    _entry(record, EntryKind.DECISION, actor, note, {"accepted": True, "case_number": number}, now=step.now)
    step.audit_after = {"case": case.pk if case else None}
    _notify(record, record.agency, gettext_noop("线索 %(n)s 已由%(agency)s受理立案"), agency=actor.agency.name)
    for other in (
        record.participants.filter(state__in=OPEN_PARTICIPANT_STATES).exclude(pk=part.pk).select_related("agency")
    ):
        _notify(record, other.agency, gettext_noop("线索 %(n)s 已由%(agency)s受理立案"), agency=actor.agency.name)


def _decline(step: Step, roles: Iterable[str], open_states: Iterable[str], answered: str) -> str:
    """The actor's agency declines its part (with a reason); `answered` if it already answered."""
    part = _participant(step.record, step.actor, roles)
    reason = step.text()
    step.check()
    if part.state not in open_states:
        raise Conflict(answered)
    part.state, part.responded_at, part.note = ParticipantState.DECLINED, step.now, reason
    part.save()
    return reason


def _owner_entry(step: Step, kind: str, *, closing: bool = False) -> None:
    """A text entry only the sender may write (progress, conclusion); a closing one ends the record."""
    _owner(step.record, step.actor)
    text = step.text()
    step.check()
    if closing:
        step.record.closed_at, step.record.due_at = step.now, None
    _entry(step.record, kind, step.actor, text, now=step.now)


def _lead_decline(step: Step) -> None:
    reason = _decline(step, [Participation.RECEIVER], OPEN_PARTICIPANT_STATES, _("本单位已处理该线索。"))
    step.move = not step.record.participants.filter(state__in=OPEN_PARTICIPANT_STATES).exists()
    _entry(step.record, EntryKind.DECISION, step.actor, reason, {"declined": True}, now=step.now)
    _notify(step.record, step.record.agency, gettext_noop("线索 %(n)s 被%(agency)s退回"), agency=step.actor.agency.name)


def _withdraw(step: Step) -> None:
    _owner(step.record, step.actor)
    reason = step.text()
    step.check()
    step.record.due_at = None
    _entry(step.record, EntryKind.DECISION, step.actor, reason, {"withdrawn": True}, now=step.now)
    for part in step.record.participants.exclude(agency=None).select_related("agency"):
        _notify(step.record, part.agency, gettext_noop("%(n)s 已被发起单位撤回"))


def _lead_feedback(step: Step) -> None:
    part = _participant(step.record, step.actor, [Participation.RECEIVER])
    if part.state != ParticipantState.ACCEPTED:
        raise PermissionDenied(_("只有受理的单位可以反馈结果。"))
    text = step.text()
    step.check()
    _entry(step.record, EntryKind.FEEDBACK, step.actor, text, now=step.now)
    _notify(step.record, step.record.agency, gettext_noop("线索 %(n)s 有了办理结果"))


# assistance ---------------------------------------------------------------------------------------


def _assistance_acknowledge(step: Step) -> None:
    part = _participant(step.record, step.actor, [Participation.RECEIVER])
    part.state, part.responded_at = ParticipantState.ACKNOWLEDGED, step.now
    part.save()


def _assistance_decline(step: Step) -> None:
    reason = _decline(step, [Participation.RECEIVER], OPEN_PARTICIPANT_STATES, _("本单位已处理该协查请求。"))
    step.record.due_at, step.record.due_agency = None, None
    _entry(step.record, EntryKind.DECISION, step.actor, reason, {"declined": True}, now=step.now)
    _notify(
        step.record, step.record.agency, gettext_noop("协查请求 %(n)s 被%(agency)s退回"), agency=step.actor.agency.name
    )


def _assistance_reply(step: Step) -> None:
    part = _participant(step.record, step.actor, [Participation.RECEIVER])
    questions = list((step.record.details or {}).get("questions") or [])
    answers = _text_list(step.data, "answers", step.errors, minimum=0, limit=TEXT_MAX)
    if "answers" not in step.errors and len(answers) != len(questions):
        step.errors["answers"] = _("请逐一回答%(n)s个协查问题。") % {"n": len(questions)}
    note = step.text(required=False)
    step.check()
    evidence = _pending_evidence(step) + _store_evidence(step)
    for item in evidence:
        item["replied"] = True
    _entry(step.record, EntryKind.REPLY, step.actor, note, {"answers": answers, "evidence": evidence}, now=step.now)
    part.state, part.responded_at = ParticipantState.REPLIED, step.now
    part.save()
    step.record.due_at, step.record.due_agency = None, None
    step.audit_after = {"evidence": [e["sha256"] for e in evidence]}
    _notify(
        step.record,
        step.record.agency,
        gettext_noop("协查请求 %(n)s 已由%(agency)s答复"),
        agency=step.actor.agency.name,
    )


def _assistance_return(step: Step) -> None:
    _owner(step.record, step.actor)
    note = step.text()
    step.check()
    receiver = step.record.participants.select_related("agency").get(role=Participation.RECEIVER)
    receiver.state = ParticipantState.ACKNOWLEDGED
    receiver.save()
    step.record.due_at = due_at(step.now, workflow.ASSISTANCE_SUPPLEMENT)
    step.record.due_agency = receiver.agency
    step.record.escalated_at = None
    _entry(step.record, EntryKind.DECISION, step.actor, note, {"returned": True}, now=step.now)
    _notify(step.record, receiver.agency, gettext_noop("协查请求 %(n)s 需要补充答复"))


def _assistance_confirm(step: Step) -> None:
    _owner(step.record, step.actor)
    note = step.text(required=False)
    step.check()
    step.record.closed_at = step.now
    _entry(step.record, EntryKind.DECISION, step.actor, note, {"confirmed": True}, now=step.now)


# joint ------------------------------------------------------------------------------------------


def _joint_join(step: Step) -> None:
    part = _participant(step.record, step.actor, [Participation.PARTICIPANT, Participation.SUPPORT])
    if part.state != ParticipantState.PENDING:
        raise Conflict(_("本单位已回复该邀请。"))
    part.state, part.responded_at = ParticipantState.JOINED, step.now
    part.save()
    if part.role == Participation.PARTICIPANT and step.record.case_id:  # 协办单位 work on the case itself
        CaseShare.objects.get_or_create(
            case_id=step.record.case_id, agency_id=step.actor.agency_id, defaults={"reason": "joint"}
        )
    _joint_due(step.record)
    _notify(
        step.record, step.record.agency, gettext_noop("%(agency)s已参加联合办案 %(n)s"), agency=step.actor.agency.name
    )


def _joint_due(record: Cooperation) -> None:
    if not record.participants.filter(state=ParticipantState.PENDING).exists():
        record.due_at = None


def _joint_decline(step: Step) -> None:
    roles = [Participation.PARTICIPANT, Participation.SUPPORT]
    _decline(step, roles, [ParticipantState.PENDING], _("本单位已回复该邀请。"))
    _joint_due(step.record)
    _notify(
        step.record, step.record.agency, gettext_noop("%(agency)s谢绝参加联合办案 %(n)s"), agency=step.actor.agency.name
    )


def _joint_invite(step: Step) -> None:
    _owner(step.record, step.actor)
    role = str(step.data.get("role") or Participation.PARTICIPANT)
    if role not in {Participation.PARTICIPANT, Participation.SUPPORT}:
        step.errors["role"] = _("参与方式只能是协办单位或专业支持。")
    agencies = _agencies(
        step.data.get("agency_id"), "agency_id", step.errors, sender=step.actor.agency, kinds=JOINT_KINDS, limit=1
    )
    step.check()
    agency = agencies[0]
    if step.record.participants.filter(agency=agency).exists():
        raise Conflict(_("该单位已在联合办案中。"))
    _add_participant(step.record, agency, role, ParticipantState.PENDING)
    step.record.due_at = due_at(step.now, workflow.JOINT_ANSWER)
    step.audit_after = {"invited": agency.pk, "role": role}
    _notify(step.record, agency, gettext_noop("联合办案邀请 %(n)s：%(title)s"))


def _joined(step: Step) -> Participant:
    part = _participant(
        step.record, step.actor, [Participation.LEAD_AGENCY, Participation.PARTICIPANT, Participation.SUPPORT]
    )
    if part.state != ParticipantState.JOINED:
        raise PermissionDenied(_("确认参加后才能记录进展或提交材料。"))
    return part


def _joint_note(step: Step) -> None:
    _joined(step)
    text = step.text(required=not step.uploads)
    step.check()
    if text:
        _entry(step.record, EntryKind.NOTE, step.actor, text, now=step.now)
    _store_evidence(step)


def _joint_close(step: Step) -> None:
    _owner_entry(step, EntryKind.ASSESSMENT, closing=True)
    for part in (
        step.record.participants.exclude(agency_id=step.actor.agency_id)
        .filter(state=ParticipantState.JOINED)
        .select_related("agency")
    ):
        _notify(step.record, part.agency, gettext_noop("联合办案 %(n)s 已结束"))


# supervision ----------------------------------------------------------------------------------------


def _handler(step: Step) -> Participant:
    return _participant(step.record, step.actor, [Participation.HANDLER])


def _milestone(step: Step) -> Milestone:
    milestone = step.record.milestones.filter(pk=_int_or_zero(step.data.get("milestone_id"))).first()
    if milestone is None:
        step.errors["milestone_id"] = _("督办节点不存在。")
        step.check()
    assert milestone is not None
    return milestone


def _supervision_report(step: Step) -> None:
    _handler(step)
    text = step.text()
    step.check()
    _entry(step.record, EntryKind.NOTE, step.actor, text, now=step.now)
    _store_evidence(step)
    _notify(step.record, step.record.agency, gettext_noop("督办案件 %(n)s 报告了进展"))


def _supervision_complete(step: Step) -> None:
    _handler(step)
    milestone = _milestone(step)
    report = step.text()
    step.check()
    if milestone.done_at is not None:
        raise Conflict(_("该节点已报告完成。"))
    milestone.done_at, milestone.report = step.now, report
    milestone.save()
    _entry(
        step.record,
        EntryKind.NOTE,
        step.actor,
        report,
        {"milestone": milestone.title, "late": step.now > milestone.due_at},
        now=step.now,
    )
    _store_evidence(step)
    _refresh_due(step.record)
    step.audit_after = {"milestone": milestone.pk, "late": step.now > milestone.due_at}
    _notify(step.record, step.record.agency, gettext_noop("督办案件 %(n)s 完成节点：%(m)s"), m=milestone.title[:60])


def _supervision_add(step: Step) -> None:
    _owner(step.record, step.actor)
    title = step.text("title", limit=TITLE_MAX)
    due = _due_date(step.data.get("due_date"), "due_date", step.errors, now=step.now, default=None)
    if due is None and "due_date" not in step.errors:
        step.errors["due_date"] = _("此项为必填项。")
    step.check()
    assert due is not None
    milestone = Milestone.objects.create(cooperation=step.record, title=title, due_at=due)
    _refresh_due(step.record)
    step.audit_after = {"milestone": milestone.pk, "due_at": due}
    _notify(
        step.record,
        step.record.due_agency,
        gettext_noop("督办案件 %(n)s 增加节点：%(m)s，期限%(due)s"),
        m=title[:60],
        due=_day(due),
    )


def _supervision_move(step: Step) -> None:
    _owner(step.record, step.actor)
    milestone = _milestone(step)
    reason = step.text()
    due = _due_date(step.data.get("due_date"), "due_date", step.errors, now=step.now, default=None)
    if due is None and "due_date" not in step.errors:
        step.errors["due_date"] = _("此项为必填项。")
    step.check()
    assert due is not None
    if milestone.done_at is not None:
        raise Conflict(_("该节点已完成，不能再调整期限。"))
    if milestone.due_at < step.now:
        raise Conflict(_("该节点已逾期，不能再调整期限：逾期记录保留，请催办或增加新的节点。"))
    before = milestone.due_at
    milestone.due_at = due
    milestone.save()
    _refresh_due(step.record)
    _entry(
        step.record,
        EntryKind.DECISION,
        step.actor,
        reason,
        {"milestone": milestone.title, "from": _day(before), "to": _day(due)},
        now=step.now,
    )
    step.audit_after = {"milestone": milestone.pk, "from": before, "to": due}
    _notify(step.record, step.record.due_agency, gettext_noop("督办案件 %(n)s 节点期限调整为%(due)s"), due=_day(due))


def _supervision_remind(step: Step) -> None:
    _owner(step.record, step.actor)
    text = step.text()
    step.check()
    _entry(step.record, EntryKind.REMINDER, step.actor, text, now=step.now)
    _notify(step.record, step.record.due_agency, gettext_noop("催办：督办案件 %(n)s"))


def delays(record: Cooperation) -> int:
    """Milestones missed (reminded, or done after their deadline)."""
    return sum(1 for m in record.milestones.all() if m.reminded_at is not None or (m.done_at and m.done_at > m.due_at))


def _supervision_criticize(step: Step) -> None:
    _owner(step.record, step.actor)
    text = step.text()
    step.check()
    missed_count = delays(step.record)
    if missed_count < workflow.REPEATED_DELAYS:
        raise ValidationError(
            {"note": _("通报批评用于多次逾期（至少%(n)s个节点逾期）的督办案件。") % {"n": workflow.REPEATED_DELAYS}}
        )
    _entry(step.record, EntryKind.CRITICISM, step.actor, text, {"delays": missed_count}, now=step.now)
    step.record.details = {
        **(step.record.details or {}),
        "criticisms": int((step.record.details or {}).get("criticisms", 0)) + 1,
    }
    _notify(step.record, step.record.due_agency, gettext_noop("通报批评：督办案件 %(n)s 多次逾期"))


def _supervision_close(step: Step) -> None:
    _owner(step.record, step.actor)
    rating = str(step.data.get("rating") or "")
    if rating not in ClosingRating.values:
        step.errors["rating"] = _("请选择结案评价。")
    text = step.text()
    step.check()
    step.record.closed_at = step.now
    step.record.details = {**(step.record.details or {}), "rating": rating}
    _entry(
        step.record,
        EntryKind.ASSESSMENT,
        step.actor,
        text,
        {"rating": rating, "delays": delays(step.record)},
        now=step.now,
    )
    _notify(step.record, step.record.due_agency, gettext_noop("督办案件 %(n)s 已结案评价"))
    step.record.due_agency = None


# campaign ---------------------------------------------------------------------------------------


def _campaign_start(step: Step) -> None:
    _owner(step.record, step.actor)
    step.record.details = {**(step.record.details or {}), "started_at": step.now.isoformat()}


def _campaign_link(step: Step) -> None:
    """An agency of a participating region counts one of its cases (with dens destroyed and the
    amount involved) or one of the tips it handles in the campaign."""
    record, actor = step.record, step.actor
    codes = list(record.participants.filter(agency=None).values_list("region_code", flat=True))
    if not any(regions.contains(code, actor.agency.region_id) for code in codes):
        raise PermissionDenied(_("只有参战地区的单位可以关联案件。"))
    if step.data.get("tip_id") not in (None, ""):
        if step.data.get("case_id") not in (None, ""):
            step.errors["tip_id"] = _("一次关联一件案件或一条举报。")
            step.check()
        _campaign_link_tip(step)
        return
    case = _own_case(actor, step.data.get("case_id"), "case_id", step.errors, required=True)
    dens = _bounded_int(step.data.get("dens_destroyed"), "dens_destroyed", step.errors, high=10_000)
    amount = amount_value(
        step.data.get("amount_involved"), "amount_involved", step.errors, maximum=AMOUNT_MAX
    ) or Decimal(0)
    domains = (record.details or {}).get("domains") or []
    if case is not None and domains and case.domain not in domains:
        step.errors["case_id"] = _("案件不属于本次战役的打击领域。")
    step.check()
    assert case is not None
    if record.links.filter(case=case).exists():
        raise Conflict(_("该案件已关联到本次战役。"))
    CampaignLink.objects.create(
        cooperation=record,
        case=case,
        agency=actor.agency,
        dens_destroyed=dens,
        amount_involved=amount,
        linked_by=actor,
        linked_at=step.now,
    )
    step.audit_after = {"case": case.pk, "dens_destroyed": dens, "amount_involved": amount}


def _campaign_link_tip(step: Step) -> None:
    record, actor = step.record, step.actor
    tip = tip_queryset(actor).filter(pk=_int_or_zero(step.data.get("tip_id")), agency_id=actor.agency_id).first()
    domains = (record.details or {}).get("domains") or []
    if tip is None:
        step.errors["tip_id"] = _("举报不存在，或不由本单位办理。")
    elif domains and tip.domain not in domains:
        step.errors["tip_id"] = _("举报不属于本次战役的打击领域。")
    step.check()
    assert tip is not None
    if record.tip_links.filter(tip=tip).exists():
        raise Conflict(_("该举报已关联到本次战役。"))
    CampaignTip.objects.create(cooperation=record, tip=tip, agency=actor.agency, linked_by=actor, linked_at=step.now)
    step.audit_after = {"tip": tip.pk}


def _bounded_int(value: Any, name: str, errors: dict[str, str], *, high: int) -> int:
    if value in (None, ""):
        return 0
    text = str(value)
    if isinstance(value, bool) or not text.isdigit() or int(text) > high:
        errors[name] = _("请输入0到%(n)s之间的整数。") % {"n": high}
        return 0
    return int(text)


def _campaign_note(step: Step) -> None:
    _owner_entry(step, EntryKind.NOTE)


def _campaign_conclude(step: Step) -> None:
    _owner_entry(step, EntryKind.ASSESSMENT, closing=True)


# consultation -------------------------------------------------------------------------------------


def _consultation_reply(step: Step) -> None:
    part = _participant(step.record, step.actor, [Participation.INVITEE])
    text = step.text()
    step.check()
    if part.state != ParticipantState.PENDING:
        raise Conflict(_("本单位已提出意见。"))
    part.state, part.responded_at = ParticipantState.REPLIED, step.now
    part.save()
    evidence = _store_evidence(step)
    _entry(step.record, EntryKind.OPINION, step.actor, text, {"evidence": evidence}, now=step.now)
    _notify(
        step.record,
        step.record.agency,
        gettext_noop("%(agency)s对会商 %(n)s 提出了意见"),
        agency=step.actor.agency.name,
    )


def _consultation_decline(step: Step) -> None:
    _decline(step, [Participation.INVITEE], [ParticipantState.PENDING], _("本单位已回复该会商。"))


def _consultation_conclude(step: Step) -> None:
    _owner_entry(step, EntryKind.ASSESSMENT, closing=True)
    for part in step.record.participants.exclude(agency=None).select_related("agency"):
        _notify(step.record, part.agency, gettext_noop("会商 %(n)s 已形成结论"))


A = CoopAction
STEPS: dict[str, dict[str, Callable[[Step], None]]] = {
    CoopKind.LEAD: {
        A.ACKNOWLEDGE: _lead_acknowledge,
        A.ACCEPT: _lead_accept,
        A.DECLINE: _lead_decline,
        A.WITHDRAW: _withdraw,
        A.FEEDBACK: _lead_feedback,
    },
    CoopKind.ASSISTANCE: {
        A.ACKNOWLEDGE: _assistance_acknowledge,
        A.DECLINE: _assistance_decline,
        A.REPLY: _assistance_reply,
        A.RETURN: _assistance_return,
        A.CONFIRM: _assistance_confirm,
        A.WITHDRAW: _withdraw,
    },
    CoopKind.JOINT: {
        A.JOIN: _joint_join,
        A.DECLINE: _joint_decline,
        A.INVITE: _joint_invite,
        A.NOTE: _joint_note,
        A.CLOSE: _joint_close,
    },
    CoopKind.SUPERVISION: {
        A.REPORT: _supervision_report,
        A.COMPLETE_MILESTONE: _supervision_complete,
        A.ADD_MILESTONE: _supervision_add,
        A.MOVE_MILESTONE: _supervision_move,
        A.REMIND: _supervision_remind,
        A.CRITICIZE: _supervision_criticize,
        A.CLOSE: _supervision_close,
    },
    CoopKind.CAMPAIGN: {
        A.START: _campaign_start,
        A.LINK: _campaign_link,
        A.NOTE: _campaign_note,
        A.CONCLUDE: _campaign_conclude,
    },
    CoopKind.CONSULTATION: {
        A.REPLY: _consultation_reply,
        A.DECLINE: _consultation_decline,
        A.CONCLUDE: _consultation_conclude,
        A.WITHDRAW: _withdraw,
    },
}


# Steps taken by the agency that started the record; the others by its participants.
OWNER_STEPS = frozenset(
    {
        CoopAction.WITHDRAW,
        CoopAction.RETURN,
        CoopAction.CONFIRM,
        CoopAction.INVITE,
        CoopAction.ADD_MILESTONE,
        CoopAction.MOVE_MILESTONE,
        CoopAction.REMIND,
        CoopAction.CRITICIZE,
        CoopAction.START,
        CoopAction.CONCLUDE,
    }
)
OWNER_STEPS_OF_KIND: dict[str, set[str]] = {
    CoopKind.JOINT: {CoopAction.CLOSE},
    CoopKind.SUPERVISION: {CoopAction.CLOSE},
    CoopKind.CAMPAIGN: {CoopAction.NOTE},
}
# Participant steps, by the participant's state in which each may be taken.
PARTICIPANT_STEPS: dict[str, frozenset[str]] = {
    CoopAction.ACKNOWLEDGE: frozenset({ParticipantState.PENDING}),
    CoopAction.ACCEPT: frozenset({ParticipantState.PENDING, ParticipantState.ACKNOWLEDGED}),
    CoopAction.DECLINE: frozenset({ParticipantState.PENDING, ParticipantState.ACKNOWLEDGED}),
    CoopAction.REPLY: frozenset({ParticipantState.ACKNOWLEDGED, ParticipantState.PENDING}),
    CoopAction.FEEDBACK: frozenset({ParticipantState.ACCEPTED}),
    CoopAction.JOIN: frozenset({ParticipantState.PENDING}),
    CoopAction.NOTE: frozenset({ParticipantState.JOINED}),
    CoopAction.REPORT: frozenset({ParticipantState.ACKNOWLEDGED}),
    CoopAction.COMPLETE_MILESTONE: frozenset({ParticipantState.ACKNOWLEDGED}),
}


def available_actions(user: Any, record: Cooperation) -> list[str]:
    """The steps this reader may take now (the services check again when they are taken)."""
    if getattr(user, "role", None) not in ACTING_ROLES or not getattr(user, "agency_id", None):
        return []
    lifecycle = workflow.LIFECYCLES[record.kind]
    owner = user.agency_id == record.agency_id
    participants = list(record.participants.all())  # one read (or the prefetched list) for every step
    mine = next((p for p in participants if p.agency_id == user.agency_id), None)
    out: list[str] = []
    for action in STEPS[record.kind]:
        if not lifecycle.allows(record.status, action):
            continue
        if action in OWNER_STEPS or action in OWNER_STEPS_OF_KIND.get(record.kind, set()):
            if owner:
                out.append(action)
            continue
        if action == CoopAction.LINK:
            if any(
                p.agency_id is None and regions.contains(p.region_code, user.agency.region_id) for p in participants
            ):
                out.append(action)
            continue
        if mine is None:
            continue
        if (
            record.kind == CoopKind.ASSISTANCE
            and action == CoopAction.REPLY
            and mine.state != ParticipantState.ACKNOWLEDGED
        ):
            continue
        if (
            record.kind == CoopKind.CONSULTATION
            and action in {CoopAction.REPLY, CoopAction.DECLINE}
            and mine.state != ParticipantState.PENDING
        ):
            continue
        if record.kind == CoopKind.JOINT and action == CoopAction.DECLINE and mine.state != ParticipantState.PENDING:
            continue
        if (
            record.kind == CoopKind.JOINT
            and mine.role == Participation.LEAD_AGENCY
            and action in {CoopAction.JOIN, CoopAction.DECLINE}
        ):
            continue
        if mine.state in PARTICIPANT_STEPS.get(action, frozenset()):
            out.append(action)
    return out


# Steps that take files. Evidence sent on its own (POST …/evidence) is accepted from the record's
# sender while it is open, and from a participant only while it may take one of these steps: a
# declined, replied or not-yet-joined agency cannot add to the record.
FILE_STEPS = frozenset({CoopAction.REPLY, CoopAction.NOTE, CoopAction.REPORT, CoopAction.COMPLETE_MILESTONE})


def actions_of(kind: str) -> list[str]:
    return list(STEPS.get(kind, {}))


def cooperation_act(
    *,
    actor: Any,
    record: Cooperation,
    action: str,
    data: Mapping[str, Any] | None = None,
    uploads: Sequence[tuple[str, IO[bytes]]] = (),
    now: dt.datetime | None = None,
) -> Cooperation:
    """Take one step on a record the actor can see (the caller fetched it through the scoped
    selector): the kind's table must allow it in the current status (409 otherwise), the step
    checks the actor's own part in the record (403) and the input (422), nothing half-written."""
    _require_actor(actor)
    handler = STEPS.get(record.kind, {}).get(action)
    if handler is None:
        raise ValidationError({"action": _("未知的操作：%(a)s") % {"a": str(action)[:40]}})
    now = now or timezone.now()
    lifecycle = workflow.LIFECYCLES[record.kind]
    with transaction.atomic():
        current = (
            Cooperation.objects.select_for_update(of=("self",))
            .select_related("agency", "due_agency", "case")
            .get(pk=record.pk)
        )
        if not lifecycle.allows(current.status, action):
            raise Conflict(
                _("该事项当前状态为“%(s)s”，不能执行“%(a)s”，请刷新后查看。")
                % {"s": current.get_status_display(), "a": CoopAction(action).label}
            )
        step = Step(actor=actor, record=current, action=action, data=data or {}, now=now, uploads=uploads)
        before = snapshot(current, ["status", "due_at", "case"])
        handler(step)
        if step.move:
            try:
                lifecycle.move(current, action)
            except TransitionNotAllowed as exc:  # pragma: no cover - checked above under the lock
                raise Conflict(str(exc)) from exc
        if current.status != before["status"]:
            current.status_changed_at = now
        if current.status in workflow.FINISHED:
            current.due_at = None
        current.revision += 1
        current.save()
        audit_record(
            actor=actor,
            action=f"cooperation.{current.kind}.{action}",
            target=current,
            before=before,
            after={**snapshot(current, ["status", "due_at", "case"]), **step.audit_after},
        )
    return current


def evidence_add(
    *, actor: Any, record: Cooperation, upload: IO[bytes], name: str, now: dt.datetime | None = None
) -> Entry:
    """A file for the record from one of its participants (kept with its hash and who sent it)."""
    _require_actor(actor)
    now = now or timezone.now()
    with transaction.atomic():
        record = Cooperation.objects.select_for_update(of=("self",)).select_related("agency").get(pk=record.pk)
        if record.status in workflow.FINISHED:
            raise Conflict(_("该事项已结束，不能再提交材料。"))
        if actor.agency_id != record.agency_id and not FILE_STEPS.intersection(available_actions(actor, record)):
            raise PermissionDenied(_("只有正在办理该事项的单位可以提交材料。"))
        step = Step(actor=actor, record=record, action="evidence", data={}, now=now, uploads=[(name, upload)])
        _store_evidence(step)
        entry = record.entries.filter(kind=EntryKind.EVIDENCE).order_by("-id").first()
        assert entry is not None
        entry.data = {**entry.data, "replied": False}
        entry.save(update_fields=["data"])
    return entry


# --- events from other domains ---------------------------------------------------------------------


def lead_case_concluded(*, case: Case, **_: Any) -> None:
    """A case opened from a lead was decided: the sender hears the outcome (subscriber of case.decided)."""
    for record in Cooperation.objects.filter(kind=CoopKind.LEAD, case=case, status=CoopStatus.ACCEPTED).select_related(
        "agency"
    ):
        before = record.status
        workflow.LEAD.move(record, CoopAction.FEEDBACK)
        now = timezone.now()
        record.status_changed_at = now
        record.save()
        amount = (case.fine_amount or 0) + (case.confiscated_amount or 0)
        _entry(
            record,
            EntryKind.FEEDBACK,
            None,
            f"{case.number} {case.get_status_display()} {case.decision_number}".strip(),
            {"case_status": case.status, "penalty_yuan": str(amount)},
            now=now,
            agency=case.agency,
        )
        audit_record(
            actor=None,
            action="cooperation.lead.feedback",
            target=record,
            before={"status": before},
            after={"status": record.status},
        )
        _notify(record, record.agency, gettext_noop("线索 %(n)s 有了办理结果"))


# --- the sweep: overdue requests escalate, missed milestones are reminded ------------------------------


def sweep(now: dt.datetime | None = None) -> dict[str, int]:
    """Hourly (IPSHIELD_SCHEDULE `cooperation-sweep`); idempotent: each deadline acts once."""
    now = now or timezone.now()
    counts = {"escalated": 0, "reminded": 0, "repeated": 0}
    overdue = (
        Cooperation.objects.filter(due_at__lt=now)
        .exclude(kind=CoopKind.SUPERVISION)
        .select_related("agency", "due_agency")
    )
    for record in overdue:
        key = f"overdue@{record.due_at.isoformat()}"  # type: ignore[union-attr]
        if record.reminded_for == key:
            continue
        with transaction.atomic():
            locked = Cooperation.objects.select_for_update().get(pk=record.pk)
            if locked.reminded_for == key or locked.status in workflow.FINISHED:
                continue
            late: list[Agency] = [
                p.agency  # type: ignore[misc]
                for p in locked.participants.filter(state__in=OPEN_PARTICIPANT_STATES)
                .exclude(agency=None)
                .select_related("agency")
            ]
            if locked.due_agency is not None and locked.due_agency not in late:
                late.append(locked.due_agency)
            for agency in late:
                _notify(locked, agency, gettext_noop("已逾期：%(n)s %(title)s（期限%(due)s）"), due=_day(locked.due_at))
                office = counterpart_agency(agency.region_id, AgencyKind.LEADING_GROUP)
                if office is not None and office.pk != agency.pk:
                    _notify(locked, office, gettext_noop("逾期上报：%(agency)s未按期办理%(n)s"), agency=agency.name)
            _entry(
                locked,
                EntryKind.ESCALATION,
                None,
                "",
                {"agencies": [a.name for a in late], "due": _day(locked.due_at)},
                now=now,
                agency=None,
            )
            locked.escalated_at, locked.reminded_for = now, key
            locked.save(update_fields=["escalated_at", "reminded_for"])
            audit_record(
                actor=None, action=f"cooperation.{locked.kind}.escalate", target=locked, after={"due_at": locked.due_at}
            )
            counts["escalated"] += 1
    missed = Milestone.objects.filter(
        done_at__isnull=True, reminded_at__isnull=True, due_at__lt=now, cooperation__status=CoopStatus.ACTIVE
    ).select_related("cooperation", "cooperation__agency", "cooperation__due_agency")
    for milestone in missed:
        # 催办 on the working day after the missed day, once that day has begun.
        if timezone.localdate(now) < first_working_day_after(milestone.due_at):
            continue
        with transaction.atomic():
            record = Cooperation.objects.select_for_update().get(pk=milestone.cooperation_id)
            if Milestone.objects.filter(pk=milestone.pk, reminded_at__isnull=True).update(reminded_at=now) != 1:
                continue
            _entry(
                record,
                EntryKind.REMINDER,
                None,
                milestone.title,
                {"milestone": milestone.title, "due": _day(milestone.due_at)},
                now=now,
                agency=record.agency,
            )
            _notify(
                record,
                record.due_agency,
                gettext_noop("催办：督办案件 %(n)s 的节点“%(m)s”已于%(due)s逾期"),
                m=milestone.title[:60],
                due=_day(milestone.due_at),
            )
            audit_record(
                actor=None, action="cooperation.supervision.remind", target=record, after={"milestone": milestone.pk}
            )
            counts["reminded"] += 1
            missed_count = delays(record) if record.escalated_at is None else 0
            if missed_count >= workflow.REPEATED_DELAYS:
                record.escalated_at = now
                record.save(update_fields=["escalated_at"])
                _entry(record, EntryKind.ESCALATION, None, "", {"delays": missed_count}, now=now, agency=None)
                _notify(record, record.agency, gettext_noop("督办案件 %(n)s 多次逾期，可予通报批评"))
                audit_record(
                    actor=None,
                    action="cooperation.supervision.escalate",
                    target=record,
                    after={"delays": missed_count},
                )
                counts["repeated"] += 1
    return counts
