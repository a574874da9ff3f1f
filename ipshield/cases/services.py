"""Case writes: create, update, transition, re-screen. Atomic, validated, audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ipshield.cases import cumulative, workflow
from ipshield.cases.choices import CaseEvent, CaseStatus, PartyKind, ScreeningOutcome
from ipshield.cases.models import Case, CaseCounter, CaseScreening, Party, SeizedItem
from ipshield.core.attachments import attachment_store
from ipshield.core.audit import audit_record, snapshot
from ipshield.core.choices import Role
from ipshield.core.deadlines import due_at
from ipshield.core.events import emit
from ipshield.core.forms import amount_value
from ipshield.core.inputs import EARLIEST_YEAR
from ipshield.screening.engine import FactError, UnknownOffenceError
from ipshield.screening.engine.aggregation import PRIOR_PENALTY_METRIC, REPEAT_WINDOW_DAYS
from ipshield.screening.services import fact_reason, legal_period, metric_label, run_screening, screening_as_dict

# Deadline rules (rule data `handling_deadlines`): 市场监督管理行政处罚程序规定.
FILING_RULE = "samr_case_opening"  # 15 (+15) working days from the lead
DECISION_RULE = "samr_case_decision"  # 90 (+30) days from filing

SCREENED_FIELDS = ("offence", "conduct_date", "facts", "prior_penalty_note")  # the note is quoted in the explanation
EDITABLE_FIELDS = (
    "title",
    "domain",
    "product_category",
    "channel",
    "offence",
    "conduct_date",
    "right_holder",
    "goods_description",
    "facts_text",
    "facts",
    "region_code",
    "prior_penalty_note",
)
MSG_STALE = gettext_noop("此案件已被他人修改，请刷新后再保存。")
MSG_NOT_EDITABLE = gettext_noop("当前状态下案件不可修改。")
MSG_PRIOR_NOTE = gettext_noop(
    "请写明平台外的处罚记录（机关、文书编号、日期）；平台内的处罚决定和判决会自动识别，无需勾选。"
)
MSG_CLOSE_REASON = gettext_noop(
    "该案件筛查结果为涉嫌犯罪，仅作行政处罚结案必须说明不移送的理由。"
)  # translated where raised


class StaleCaseError(Exception):
    """Someone else saved the case since it was loaded (optimistic lock)."""


def _require_case_role(actor: Any, case: Case, roles: frozenset[str]) -> None:
    if actor.agency_id != case.agency_id or actor.role not in roles:
        raise PermissionDenied(_("只有本案办案机构的相应人员可以执行此操作。"))


def _next_number(agency_id: int, agency_code: str, year: int) -> str:
    counter, _created = CaseCounter.objects.select_for_update().get_or_create(agency_id=agency_id, year=year)
    CaseCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
    counter.refresh_from_db(fields=["last"])
    return f"{agency_code.upper()}-{year}-{counter.last:06d}"


def filing_due(lead_received_at: dt.datetime, *, extended: bool) -> dt.datetime:
    period, extension = legal_period(FILING_RULE)
    return due_at(lead_received_at, period + extension if extended else period)


def decision_due(filed_at: dt.datetime, *, extended: bool) -> dt.datetime:
    period, extension = legal_period(DECISION_RULE)
    return due_at(filed_at, period + extension if extended else period)


def clean_facts(offence: str, facts: Mapping[str, Any], conduct_date: dt.date | None) -> dict[str, Any]:
    """Validate case figures against the rule data; ValidationError names the bad metric."""
    cleaned = {k: v for k, v in facts.items() if v not in (None, "")}
    if not offence:
        return cleaned
    try:
        run_screening(
            offence=offence,
            conduct_date=conduct_date or timezone.localdate(),
            handling_date=timezone.localdate(),
            values=cleaned,
        )
    except UnknownOffenceError as exc:
        raise ValidationError({"offence": _("未知的罪名代码：%(offence)s") % {"offence": offence}}) from exc
    except FactError as exc:
        raise ValidationError(
            {
                "facts": _("指标“%(metric)s”的值无效：%(reason)s")
                % {"metric": metric_label(exc.metric), "reason": fact_reason(exc)}
            }
        ) from exc
    return cleaned


def require_prior_note(facts: Mapping[str, Any], note: str) -> None:
    """二年内受过处罚 asserted by hand must say from which record (the platform finds its own)."""
    if facts.get(PRIOR_PENALTY_METRIC) is True and not note.strip():
        raise ValidationError({"prior_penalty_note": _(MSG_PRIOR_NOTE)})


def case_rescreen(
    *,
    case: Case,
    actor: Any | None = None,
    now: dt.datetime | None = None,
    previous: tuple[str, str] | None = None,
) -> CaseScreening | None:
    """Screen the case's figures now; store the result in its history and on the case; then
    re-sum the party's open cases (累计计算). `previous` is the (offence, party key) the case
    was summed under before this change, so the group it left is re-summed too."""
    now = now or timezone.now()
    keys = cumulative.case_keys(case)
    old_offence, old_key = previous or (case.offence, case.cumulative_key)
    if not case.offence or case.conduct_date is None:
        if case.screening_outcome != ScreeningOutcome.NOT_SCREENED:
            Case.objects.filter(pk=case.pk).update(
                screening_outcome=ScreeningOutcome.NOT_SCREENED,
                own_outcome=ScreeningOutcome.NOT_SCREENED,
                screened_at=now,
            )
            case.screening_outcome = case.own_outcome = ScreeningOutcome.NOT_SCREENED
        cumulative.refresh_cumulative(keys=[*keys, old_key] if old_key else keys, offences=[old_offence], actor=actor)
        return None
    handling = timezone.localdate(now)
    prior = cumulative.prior_penalty(case, keys) if case.status in cumulative.OPEN_STATES else case.prior_penalty
    values = dict(case.facts)
    if prior and values.get(PRIOR_PENALTY_METRIC) is not True:
        values[PRIOR_PENALTY_METRIC] = True  # derived from the platform's own decision
    rulebook, screening = run_screening(
        offence=case.offence,
        conduct_date=case.conduct_date,
        handling_date=max(handling, case.conduct_date),
        values=values,
    )
    result = screening_as_dict(rulebook, screening, language="zh-hans")
    if prior:
        result["prior_penalty"] = prior
        result["explanations"] = {
            language: text + "\n" + prior_penalty_line(prior, language)
            for language, text in result["explanations"].items()
        }
        result["explanation"] = result["explanations"]["zh-hans"]
    elif values.get(PRIOR_PENALTY_METRIC) is True:  # asserted by the officer from records outside the platform
        result["prior_penalty_asserted"] = {"note": case.prior_penalty_note}
        result["explanations"] = {
            language: text + "\n" + asserted_prior_line(case.prior_penalty_note, language)
            for language, text in result["explanations"].items()
        }
        result["explanation"] = result["explanations"]["zh-hans"]
    record = CaseScreening.objects.create(
        case=case,
        offence=case.offence,
        outcome=screening.outcome.value,
        rule_version=screening.rule_version,
        handling_date=handling,
        facts=case.facts,
        result=result,
    )
    case.own_outcome = screening.outcome.value
    case.prior_penalty = prior or {}
    cumulative_hit = case.cumulative_outcome == ScreeningOutcome.SUSPECTED_CRIME and case.offence == old_offence
    case.screening_outcome = ScreeningOutcome.SUSPECTED_CRIME if cumulative_hit else case.own_outcome
    case.screened_at = now
    if case.screening_outcome == ScreeningOutcome.SUSPECTED_CRIME and case.suspected_since is None:
        case.suspected_since = now
    Case.objects.filter(pk=case.pk).update(
        screening_outcome=case.screening_outcome,
        own_outcome=case.own_outcome,
        prior_penalty=case.prior_penalty,
        screened_at=now,
        suspected_since=case.suspected_since,
    )
    audit_record(
        actor=actor,
        action="case.screen",
        target=case,
        after={"outcome": record.outcome, "rule_version": record.rule_version},
    )
    cumulative.refresh_cumulative(
        keys=[*keys, old_key] if old_key else keys, offences={case.offence, old_offence}, actor=actor
    )
    case.refresh_from_db(
        fields=["screening_outcome", "cumulative", "cumulative_outcome", "cumulative_key", "suspected_since"]
    )
    return record


def rescreen_after_punishment(*, keys: Sequence[str], punished_on: dt.date, actor: Any) -> int:
    """A punishment recorded after the fact (a judgment entered late) may fall within two years
    before the conduct of the party's open cases: re-screen those so 二年内再犯 is seen at once."""
    match = Q()
    for key in keys:
        if key:
            match |= cumulative.party_match(key, "parties__")
    if not match:
        return 0
    later = list(
        Case.objects.filter(
            match,
            status__in=cumulative.OPEN_STATES,
            conduct_date__gt=punished_on,
            conduct_date__lte=punished_on + dt.timedelta(days=REPEAT_WINDOW_DAYS),
        )
        .distinct()
        .order_by("pk")
    )
    if later:  # a re-screen may re-sum groups: lock them first, like every case write
        cumulative.lock_groups(
            keys=[k for k in keys if k], offences={c.offence for c in later}, include=[c.pk for c in later]
        )
    for case in later:
        case_rescreen(case=case, actor=actor)
    return len(later)


def asserted_prior_line(note: str, language: str) -> str:
    """The explanation's line for 二年内受过处罚 asserted by the officer (no platform record found)."""
    if language == "en":
        return (
            f"· Penalised within two years: asserted by the officer from outside records ({note or 'no note given'})."
        )
    return f"· 二年内受过处罚：办案人员依平台外记录认定（{note or '未附说明'}）。"


def prior_penalty_line(prior: Mapping[str, Any], language: str) -> str:
    """The explanation's line for a repeat found in the platform's own decisions or judgments."""
    judged = prior.get("kind") == "judgment"
    if language == "en":
        what = "Criminally punished" if judged else "Penalised"
        record = "judgment" if judged else "decision"
        return (
            f"· {what} within two years (platform record): {prior['agency']}, {record} {prior['decision_number']}"
            f" of {prior['decided_on']}; source: {prior['source']}."
        )
    what = "二年内受过刑事处罚" if judged else "二年内受过行政处罚"
    return f"· {what}（平台记录）：{prior['agency']} {prior['decision_number']}，{prior['decided_on']}；依据：{prior['source']}。"


def case_create(
    *,
    actor: Any,
    data: Mapping[str, Any],
    parties: Sequence[Mapping[str, Any]] | None = None,
    seized_items: Sequence[Mapping[str, Any]] | None = None,
    now: dt.datetime | None = None,
) -> Case:
    """Record a new case (status lead) for the actor's agency; screened at once."""
    if actor.role not in {Role.OFFICER, Role.AGENCY_HEAD} or actor.agency_id is None:
        raise PermissionDenied(_("只有行政执法机构的人员可以登记案件。"))
    now = now or timezone.now()
    lead_received_at = data.get("lead_received_at") or now
    if lead_received_at > now + dt.timedelta(days=1) or lead_received_at.year < EARLIEST_YEAR:
        raise ValidationError(
            {"lead_received_at": _("线索接收时间不能晚于今天，也不能早于%(y)s年。") % {"y": EARLIEST_YEAR}}
        )
    fields = {k: data[k] for k in EDITABLE_FIELDS if k in data}
    fields.setdefault("region_code", actor.agency.region_id)
    fields["facts"] = clean_facts(fields.get("offence", ""), fields.get("facts") or {}, fields.get("conduct_date"))
    require_prior_note(fields["facts"], str(fields.get("prior_penalty_note") or ""))
    with transaction.atomic():
        cumulative.lock_groups(
            keys=[
                cumulative.key_of(str(p.get("kind", "")), str(p.get("uscc", "")), str(p.get("resident_id", "")))
                for p in parties or []
            ],
            offences=[fields.get("offence", "")],
        )
        case = Case(
            agency_id=actor.agency_id,
            created_by=actor,
            lead_received_at=lead_received_at,
            status=CaseStatus.LEAD,
            filing_due_at=filing_due(lead_received_at, extended=False),
            **fields,
        )
        case.number = _next_number(actor.agency_id, actor.agency.code, timezone.localdate(lead_received_at).year)
        case.full_clean()
        case.save()
        for party in parties or []:
            party_add(actor=actor, case=case, data=party, audit=False)
        for item in seized_items or []:
            seized_item_add(actor=actor, case=case, data=item, audit=False)
        audit_record(actor=actor, action="case.create", target=case, after=snapshot(case))
        case_rescreen(case=case, actor=actor, now=now)
    return case


def case_update(*, actor: Any, case: Case, data: Mapping[str, Any], revision: int | None = None) -> Case:
    """Change a case's details; re-screened when its figures change. Refused when stale."""
    _require_case_role(actor, case, frozenset({Role.OFFICER, Role.AGENCY_HEAD}))
    with transaction.atomic():
        cumulative.lock_groups(
            keys=[*cumulative.case_keys(case), case.cumulative_key],
            offences=[case.offence, str(data.get("offence") or "")],
            include=[case.pk],
        )
        current = Case.objects.select_for_update().get(pk=case.pk)
        if revision is not None and current.revision != revision:
            raise StaleCaseError(_(MSG_STALE))
        if current.status not in workflow.EDITABLE_STATES:
            raise ValidationError(_(MSG_NOT_EDITABLE))
        before = snapshot(current)
        changes = {k: data[k] for k in EDITABLE_FIELDS if k in data}
        if "facts" in changes or "offence" in changes or "conduct_date" in changes:
            changes["facts"] = clean_facts(
                changes.get("offence", current.offence),
                changes.get("facts", current.facts),
                changes.get("conduct_date", current.conduct_date),
            )
        for key, value in changes.items():
            setattr(current, key, value)
        require_prior_note(current.facts, current.prior_penalty_note)
        current.revision += 1
        current.full_clean()
        current.save()
        after = snapshot(current)
        audit_record(
            actor=actor,
            action="case.update",
            target=current,
            before={k: v for k, v in before.items() if before.get(k) != after.get(k)},
            after={k: v for k, v in after.items() if before.get(k) != after.get(k)},
        )
        if any(before.get(f) != after.get(f) for f in SCREENED_FIELDS):
            case_rescreen(
                case=current, actor=actor, previous=(str(before.get("offence") or ""), current.cumulative_key)
            )
    return current


def case_transition(
    *,
    actor: Any,
    case: Case,
    event: str,
    data: Mapping[str, Any] | None = None,
    revision: int | None = None,
    now: dt.datetime | None = None,
) -> Case:
    """Apply one lifecycle event (the only code that sets Case.status)."""
    data = data or {}
    now = now or timezone.now()
    event = CaseEvent(event)
    _require_case_role(actor, case, workflow.EVENT_ROLES[event])
    with transaction.atomic():
        cumulative.lock_groups(keys=cumulative.case_keys(case), offences=[case.offence], include=[case.pk])
        current = Case.objects.select_for_update().get(pk=case.pk)
        if revision is not None and current.revision != revision:
            raise StaleCaseError(_(MSG_STALE))
        try:
            workflow.LIFECYCLE.next_status(current.status, event)
        except workflow.TransitionNotAllowed as exc:
            raise ValidationError(
                _("当前状态（%(status)s）不能执行“%(event)s”。")
                % {"status": current.get_status_display(), "event": event.label}
            ) from exc
        before = snapshot(current)
        if event == CaseEvent.FILE:
            current.filed_at = data.get("filed_at") or now
            current.decision_due_at = decision_due(current.filed_at, extended=False)
        elif event == CaseEvent.EXTEND_FILING:
            if current.filing_extended:
                raise ValidationError(_("立案审查期限只能延长一次。"))
            current.filing_extended = True
            current.filing_due_at = filing_due(current.lead_received_at, extended=True)
        elif event == CaseEvent.EXTEND_DECISION:
            if current.decision_extended:
                raise ValidationError(_("办案期限只能经负责人批准延长一次（再延长须集体讨论）。"))
            current.decision_extended = True
            current.decision_due_at = decision_due(current.filed_at or now, extended=True)
        elif event == CaseEvent.DECIDE:
            _apply_penalty(current, data)
            current.decided_at = data.get("decided_at") or now
        elif event == CaseEvent.CLOSE:
            reason = str(data.get("close_reason") or "").strip()
            if current.screening_outcome == ScreeningOutcome.SUSPECTED_CRIME and not reason:
                raise ValidationError({"close_reason": _(MSG_CLOSE_REASON)})
            current.close_reason = reason
            current.closed_at = now
        workflow.LIFECYCLE.move(current, event)
        current.revision += 1
        current.full_clean()
        current.save()
        after = snapshot(current)
        if event == CaseEvent.DECIDE:  # the integrity archive and the 20-day disclosure clock follow
            emit("case.decided", case=current)
        elif event in {CaseEvent.NOT_FILE, CaseEvent.WITHDRAW, CaseEvent.TRANSFER, CaseEvent.CLOSE}:
            emit("case.concluded", case=current)  # ended without a penalty (or handed to the police)
        if before.get("status") != current.status:  # a decided or withdrawn case leaves its party's sum
            cumulative.refresh_cumulative(keys=cumulative.case_keys(current), offences=[current.offence], actor=actor)
        audit_record(
            actor=actor,
            action=f"case.{event.value}",
            target=current,
            before={k: v for k, v in before.items() if before.get(k) != after.get(k)},
            after={k: v for k, v in after.items() if before.get(k) != after.get(k)},
        )
    return current


def _apply_penalty(case: Case, data: Mapping[str, Any]) -> None:
    kinds = list(data.get("penalty_kinds") or [])
    errors: dict[str, str] = {}
    if not kinds:
        errors["penalty_kinds"] = _("请至少选择一种处罚种类。")
    if not str(data.get("decision_number") or "").strip():
        errors["decision_number"] = _("请填写处罚决定书文号。")
    fine = data.get("fine_amount")
    if "fine" in kinds and (fine is None or Decimal(str(fine)) <= 0):
        errors["fine_amount"] = _("选择罚款时必须填写罚款金额。")
    involved = amount_value(data.get("amount_involved"), "amount_involved", errors, maximum=SEIZED_AMOUNT_MAX)
    dens = data.get("dens_destroyed")
    if dens not in (None, "") and (isinstance(dens, bool) or not str(dens).isdigit() or int(str(dens)) > DENS_MAX):
        errors["dens_destroyed"] = _("请输入0到%(n)s之间的整数。") % {"n": DENS_MAX}
    if errors:
        raise ValidationError(errors)
    case.amount_involved = involved
    case.dens_destroyed = int(str(dens)) if dens not in (None, "") else 0
    case.penalty_kinds = kinds
    case.fine_amount = Decimal(str(fine)) if fine not in (None, "") else None
    confiscated = data.get("confiscated_amount")
    case.confiscated_amount = Decimal(str(confiscated)) if confiscated not in (None, "") else None
    case.decision_number = str(data["decision_number"]).strip()
    case.penalty_basis = str(data.get("penalty_basis") or "").strip()


def case_attach(*, actor: Any, case: Case, upload: Any, name: str, kind: str = "", description: str = "") -> Any:
    """Evidence for the case (with its kind, 国务院令第310号 art.6), by its own agency's staff only."""
    _require_case_role(actor, case, frozenset({Role.OFFICER, Role.AGENCY_HEAD}))
    if case.status not in workflow.EDITABLE_STATES:
        raise ValidationError(_(MSG_NOT_EDITABLE))
    return attachment_store(
        actor=actor, upload=upload, original_name=name, target=case, description=description, kind=kind
    )


def party_add(*, actor: Any, case: Case, data: Mapping[str, Any], audit: bool = True) -> Party:
    _require_case_role(actor, case, frozenset({Role.OFFICER, Role.AGENCY_HEAD}))
    from ipshield.core.forms import RESIDENT_ID_MESSAGES, USCC_MESSAGES
    from ipshield.core.identifiers import IdentifierError, validate_resident_id, validate_uscc

    party = Party(
        case=case,
        **{
            k: v
            for k, v in data.items()
            if k in {"kind", "name", "uscc", "resident_id", "legal_representative", "address", "phone"}
        },
    )
    errors: dict[str, Any] = {}
    try:
        if party.uscc:
            party.uscc = validate_uscc(party.uscc)
    except IdentifierError as exc:
        errors["uscc"] = USCC_MESSAGES[exc.code]
    try:
        if party.resident_id:
            party.resident_id = validate_resident_id(party.resident_id, today=timezone.localdate())
    except IdentifierError as exc:
        errors["resident_id"] = RESIDENT_ID_MESSAGES[exc.code]
    if party.kind == PartyKind.ENTERPRISE and not party.uscc and "uscc" not in errors:
        errors["uscc"] = _("企业当事人须填写统一社会信用代码。")
    if party.uscc and party.resident_id:  # one party, one key: which one would its cases be summed by?
        errors["resident_id"] = _("一个当事人只能有一个身份代码：单位填写统一社会信用代码，个人填写公民身份号码。")
    if errors:
        raise ValidationError(errors)
    party.full_clean()
    # Before the lock: the integrity archive may know a keyless party under a merged record (its key).
    emit("case.party_adding", case=case, party=party)
    with transaction.atomic():
        if audit:  # a party added later may join the case to a group: lock it first (create already did)
            cumulative.lock_groups(
                keys=[*cumulative.case_keys(case), cumulative.party_key(party)],
                offences=[case.offence],
                include=[case.pk],
            )
        party.save()
        if audit:
            audit_record(
                actor=actor,
                action="case.party.add",
                target=case,
                after={"party_id": party.pk, "kind": party.kind, "name": party.name},
            )
            if case.offence and case.conduct_date is not None:  # a new key may join the case to a group
                case_rescreen(case=case, actor=actor)
    return party


SEIZED_AMOUNT_MAX = Decimal("999999999999.99")  # the columns' 14 digits, 2 after the point
DENS_MAX = 10_000  # dens destroyed in one case: more is a typo


def seized_item_add(*, actor: Any, case: Case, data: Mapping[str, Any], audit: bool = True) -> SeizedItem:
    """涉案物品: one line of the seized-goods list (the transfer manifest and the 移送书 list them)."""
    _require_case_role(actor, case, frozenset({Role.OFFICER, Role.AGENCY_HEAD}))
    if audit and case.status not in workflow.OPEN_STATES:
        raise ValidationError(_("案件当前状态为“%(s)s”，不能在本机关登记涉案物品。") % {"s": case.get_status_display()})
    errors: dict[str, str] = {}
    name = str(data.get("name") or "").strip()
    if not name:
        errors["name"] = _("请填写物品名称。")
    quantity = amount_value(data.get("quantity"), "quantity", errors, maximum=SEIZED_AMOUNT_MAX, required=True)
    value = amount_value(data.get("value_yuan"), "value_yuan", errors, maximum=SEIZED_AMOUNT_MAX)
    unit = str(data.get("unit") or "件").strip() or "件"
    if errors or quantity is None:
        raise ValidationError(errors)
    item = SeizedItem(case=case, name=name, quantity=quantity, unit=unit, value_yuan=value)
    item.full_clean()
    with transaction.atomic():
        item.save()
        if audit:
            audit_record(
                actor=actor,
                action="case.seized_item.add",
                target=case,
                after={"item_id": item.pk, "name": item.name, "quantity": item.quantity, "unit": item.unit},
            )
    return item


def case_return_from_judiciary(*, actor: Any, case: Case, reason: str, now: dt.datetime | None = None) -> Case:
    """The judiciary found no crime (不立案 agreed, or a reverse transfer): the case resumes with its agency.

    Called by the transfer workflow, which has already checked that the actor may return it.
    """
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        before, _after = workflow.LIFECYCLE.move(current, CaseEvent.RETURN)
        current.decision_due_at = decision_due(now or timezone.now(), extended=False)
        current.revision += 1
        current.save()
        audit_record(
            actor=actor,
            action="case.return",
            target=current,
            before={"status": before},
            after={"status": current.status, "reason": reason},
        )
    return current
