"""Transfer writes: propose, act (the only code that sets Transfer.status), notifications. Atomic,
audited, notifications sent on commit. Criminal steps: transfers/criminal_steps.py; procuratorate
supervision: transfers/supervision.py."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ipshield.cases.choices import CaseEvent, CaseStatus
from ipshield.cases.models import Case, CaseShare
from ipshield.cases.services import case_return_from_judiciary, case_transition
from ipshield.core import regions
from ipshield.core.attachments import attachments_for
from ipshield.core.audit import audit_record
from ipshield.core.choices import TRANSFER_REQUIRED_EVIDENCE, AgencyKind, CampaignDomain, EvidenceKind, Role
from ipshield.core.deadlines import due_at
from ipshield.core.models import Agency, User, next_document_number
from ipshield.core.workflow import Conflict
from ipshield.credit.services import record_case_event
from ipshield.screening.services import transfer_period
from ipshield.transfers import workflow
from ipshield.transfers.choices import CriminalStepKind, TransferAction, TransferGround
from ipshield.transfers.choices import TransferStatus as S
from ipshield.transfers.models import (
    Notification,
    Transfer,
    TransferEvent,
)
from ipshield.transfers.tasks import notification_email

MSG_CONFLICT = gettext_noop("该移送已被他人处理（当前状态：%(status)s），请刷新后查看。")  # translated where raised
IP_DOMAINS = frozenset(
    {
        CampaignDomain.TRADEMARK,
        CampaignDomain.COPYRIGHT,
        CampaignDomain.PATENT,
        CampaignDomain.TRADE_SECRET,
        CampaignDomain.GEOGRAPHICAL_INDICATION,
        CampaignDomain.OTHER_IP,
        CampaignDomain.ONLINE_TRADE,
    }
)
STEP_ROLES: dict[str, tuple[str, frozenset[str]]] = {
    CriminalStepKind.ITEMS_HANDED_OVER: (workflow.AGENCY, frozenset({Role.OFFICER, Role.AGENCY_HEAD})),
    CriminalStepKind.DETENTION: (workflow.POLICE, frozenset({Role.POLICE})),
    CriminalStepKind.ARREST_REQUESTED: (workflow.POLICE, frozenset({Role.POLICE})),
    CriminalStepKind.ARREST_APPROVED: (workflow.PROCURATORATE, frozenset({Role.PROCURATOR})),
    CriminalStepKind.ARREST_REFUSED: (workflow.PROCURATORATE, frozenset({Role.PROCURATOR})),
    CriminalStepKind.PROSECUTED: (workflow.PROCURATORATE, frozenset({Role.PROCURATOR})),
    CriminalStepKind.NOT_PROSECUTED: (workflow.PROCURATORATE, frozenset({Role.PROCURATOR})),
    CriminalStepKind.JUDGED: (workflow.JUDICIAL, frozenset({Role.JUDGE})),
}
SUPERVISION_REPLY_DAYS = 7


class TransferConflict(Conflict):
    """Someone else already took this step (or the page was stale)."""


# --- helpers -----------------------------------------------------------------------------------


def counterpart_agency(region_code: str, kind: str) -> Agency | None:
    """The agency of `kind` at the same level as `region_code`, else the nearest one above it."""
    for code in regions.chain_up(region_code):
        agency = Agency.objects.filter(kind=kind, region_id=code, is_active=True).order_by("id").first()
        if agency is not None:
            return agency
    return None


def build_manifest(case: Case) -> dict[str, Any]:
    """The evidence package (证据清单): every attachment with its hash, the seized goods, the screening."""
    latest = case.screenings.first()
    return {
        "case_number": case.number,
        "attachments": [
            {
                "sha256": a.blob_id,
                "size": a.blob.size,
                "type": a.blob.content_type,
                "name": a.original_name,
                "uploaded_by": str(a.uploaded_by) if a.uploaded_by else "",
                "kind": a.kind,
                "uploaded_at": a.uploaded_at.isoformat(),
            }
            for a in attachments_for(case)
        ],
        "seized_items": [
            {
                "name": i.name,
                "quantity": str(i.quantity),
                "unit": i.unit,
                "value_yuan": str(i.value_yuan) if i.value_yuan is not None else None,
            }
            for i in case.seized_items.all()
        ],
        "screening": {"outcome": latest.outcome, "rule_version": latest.rule_version} if latest else None,
    }


def manifest_digest(manifest: Mapping[str, Any]) -> str:
    canonical = json.dumps(manifest, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def side_of(user: Any, transfer: Transfer) -> set[str]:
    """Which sides of the transfer a user acts for."""
    sides: set[str] = set()
    if user.agency_id == transfer.agency_id:
        sides.add(workflow.AGENCY)
    if user.agency_id == transfer.police_agency_id:
        sides.update({workflow.POLICE, workflow.JUDICIAL})
    if user.role == Role.PROCURATOR and (
        user.agency_id == transfer.procuratorate_id or regions.contains(user.agency.region_id, transfer.region_code)
    ):
        sides.update({workflow.PROCURATORATE, workflow.JUDICIAL})
    if user.role == Role.JUDGE and transfer.shares.filter(agency_id=user.agency_id).exists():
        sides.add(workflow.JUDICIAL)
    return sides


def require_side(user: Any, transfer: Transfer, owner: tuple[str, frozenset[str]]) -> None:
    side, roles = owner
    if user.role not in roles or side not in side_of(user, transfer):
        raise PermissionDenied(_("您的机构或角色不能办理此环节。"))


def running_deadline(transfer: Transfer) -> tuple[dt.datetime | None, str]:
    """(due, side) of the deadline running in the transfer's current status."""
    spec = workflow.DEADLINES.get(S(transfer.status))
    if spec is None and transfer.status == S.ACCEPTED and transfer.items_handed_over_at is None:
        spec = workflow.HAND_OVER
    if spec is None:
        return None, ""
    start = getattr(transfer, spec.start_field) or transfer.status_changed_at
    return due_at(start, transfer_period(spec.rule, spec.key)), spec.side


def notify_agency(
    agency: Agency | None, roles: Iterable[str], title: str, transfer: Transfer, params: dict[str, Any] | None = None
) -> None:
    """`title` is a msgid (gettext_noop) with %(name)s placeholders filled from `params` when shown."""
    notify(agency, roles, title, reverse("transfers:detail", args=[transfer.pk]), params)


def notify(
    agency: Agency | None, roles: Iterable[str], title: str, url: str, params: dict[str, Any] | None = None
) -> None:
    """An inbox notice (and e-mail after commit) for the agency's users of `roles` (all when empty)."""
    if agency is None:
        return
    role_list = sorted(roles)
    params = params or {}
    Notification.objects.create(
        agency=agency, roles=f",{','.join(role_list)}," if role_list else "", title=title, params=params, url=url
    )
    with translation.override(settings.LANGUAGE_CODE):
        title = _(title) % params if params else _(title)
    recipients = list(
        User.objects.filter(agency=agency, is_active=True, role__in=role_list or list(Role.values))
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if recipients:  # the worker sends the e-mail after the step has committed
        transaction.on_commit(lambda: notification_email.enqueue(str(title), url, recipients))


# --- propose -----------------------------------------------------------------------------------


def transfer_propose(
    *,
    actor: Any,
    case: Case,
    group_member_ids: Iterable[int],
    report: str,
    ground: str = TransferGround.SUSPECTED_CRIME,
    now: dt.datetime | None = None,
) -> Transfer:
    """提请移送: a special group of at least two officers proposes; the head decides within 3 days."""
    now = now or timezone.now()
    if actor.agency_id != case.agency_id or actor.role not in {Role.OFFICER, Role.AGENCY_HEAD}:
        raise PermissionDenied(_("只有本案办案机构的执法人员可以提请移送。"))
    errors: dict[str, str] = {}
    members = list(
        User.objects.filter(
            pk__in=set(group_member_ids),
            agency_id=case.agency_id,
            role__in=[Role.OFFICER, Role.AGENCY_HEAD],
            is_active=True,
        )
    )
    if len(members) < 2:
        errors["group_members"] = _("专案组须由本机构两名以上执法人员组成（国务院令第310号第5条）。")
    if not report.strip():
        errors["report"] = _("请填写移送报告：涉嫌犯罪的事实、证据和法律依据。")
    if ground == TransferGround.REASONABLE_SUSPICION and case.domain not in IP_DOMAINS:
        errors["ground"] = _("“合理怀疑”移送只适用于知识产权案件（国务院令第730号）。")
    if case.status not in {CaseStatus.FILED, CaseStatus.INVESTIGATING, CaseStatus.DECIDED}:
        errors["case"] = _("只有已立案、调查中或已作出处罚决定的案件可以移送。")
    police = counterpart_agency(case.agency.region_id, AgencyKind.PUBLIC_SECURITY)
    if police is None:
        errors["police_agency"] = _("找不到同级公安机关，请联系系统管理员登记。")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.transfers.filter(status__in=workflow.ACTIVE_STATES).exists():
            raise TransferConflict(_("本案已有进行中的移送。"))
        manifest = build_manifest(locked)
        transfer = Transfer(
            case=locked,
            agency_id=locked.agency_id,
            police_agency=police,
            procuratorate=counterpart_agency(locked.agency.region_id, AgencyKind.PROCURATORATE),
            ground=ground,
            report=report.strip(),
            proposed_by=actor,
            proposed_at=now,
            status_changed_at=now,
            manifest=manifest,
            manifest_hash=manifest_digest(manifest),
            region_code=locked.region_code,
        )
        transfer.next_due_at, transfer.next_due_role = running_deadline(transfer)
        transfer.full_clean()
        transfer.save()
        transfer.group_members.set(members)
        TransferEvent.objects.create(
            transfer=transfer,
            action="propose",
            from_status="",
            to_status=S.PROPOSED,
            actor=actor,
            agency_id=actor.agency_id,
            at=now,
            note=report.strip()[:2000],
        )
        audit_record(
            actor=actor,
            action="transfer.propose",
            target=transfer,
            after={
                "case": locked.number,
                "group": [m.username for m in members],
                "ground": ground,
                "manifest_hash": transfer.manifest_hash,
            },
        )
        notify_agency(
            locked.agency, [Role.AGENCY_HEAD], gettext_noop("待批准的移送：%(n)s"), transfer, {"n": locked.number}
        )
    return transfer


# --- act ---------------------------------------------------------------------------------------


def transfer_act(
    *,
    actor: Any,
    transfer: Transfer,
    action: str,
    data: Mapping[str, Any] | None = None,
    revision: int | None = None,
    now: dt.datetime | None = None,
) -> Transfer:
    """Take one step of the transfer. One of two concurrent actors wins; the other gets TransferConflict."""
    data = data or {}
    now = now or timezone.now()
    try:
        act = TransferAction(action)
    except ValueError as exc:
        raise ValidationError({"action": _("未知的操作：%(a)s") % {"a": action}}) from exc
    require_side(actor, transfer, workflow.ACTION_OWNER[act])
    reason = str(data.get("reason") or "").strip()
    if act in workflow.REASON_REQUIRED and not reason:
        raise ValidationError({"reason": _("此环节须写明理由。")})
    with transaction.atomic():
        current = Transfer.objects.select_for_update().select_related("case", "agency").get(pk=transfer.pk)
        if revision is not None and current.revision != revision:
            raise TransferConflict(_(MSG_CONFLICT) % {"status": current.get_status_display()})
        try:
            new_status = workflow.LIFECYCLE.next_status(current.status, act)
        except workflow.TransitionNotAllowed as exc:
            raise TransferConflict(_(MSG_CONFLICT) % {"status": current.get_status_display()}) from exc
        old_status = current.status
        due_before = current.next_due_at
        _apply(current, act, data, reason, actor, now)
        workflow.LIFECYCLE.move(current, act)
        current.status_changed_at = now
        current.revision += 1
        current.next_due_at, current.next_due_role = running_deadline(current)
        current.full_clean()
        current.save()
        TransferEvent.objects.create(
            transfer=current,
            action=act,
            from_status=old_status,
            to_status=new_status,
            actor=actor,
            agency_id=actor.agency_id,
            at=now,
            note=reason[:2000],
            due_at=due_before,
            late=due_before is not None and now > due_before,
        )
        audit_record(
            actor=actor,
            action=f"transfer.{act.value}",
            target=current,
            before={"status": old_status},
            after={"status": new_status, "reason": reason},
        )
        _after(current, act, actor)
    return current


def _apply(
    transfer: Transfer, act: TransferAction, data: Mapping[str, Any], reason: str, actor: Any, now: dt.datetime
) -> None:
    if act == TransferAction.APPROVE:
        # 专案组 writes the report, the head decides on it: never the same person (separation of duties).
        if transfer.group_members.filter(pk=actor.pk).exists():
            raise PermissionDenied(_("专案组成员不能审批本组提请的移送，应由未参与调查的负责人决定。"))
        transfer.approved_at = now
    elif act == TransferAction.REFUSE:
        transfer.head_refusal_reason = reason
        transfer.closed_at = now
    elif act == TransferAction.SEND:
        # The materials of art.6 as they are now: the police confirm exactly this list.
        transfer.manifest = build_manifest(transfer.case)
        transfer.manifest_hash = manifest_digest(transfer.manifest)
        present = {a.get("kind") for a in transfer.manifest["attachments"]}
        missing = [kind for kind in TRANSFER_REQUIRED_EVIDENCE if kind not in present]
        if missing:
            raise ValidationError(
                {
                    "attachments": _("移送须附%(kinds)s（国务院令第310号第六条），请先上传。")
                    % {"kinds": "、".join(str(EvidenceKind(k).label) for k in missing)}
                }
            )
        transfer.sent_at = now
        transfer.letter_number = next_document_number(
            transfer.agency, "transfer_letter", "移", timezone.localdate(now).year
        )
        case = transfer.case
        if case.status != CaseStatus.TRANSFERRED:
            case_transition(actor=actor, case=case, event=CaseEvent.TRANSFER, now=now)
        for agency_id in filter(None, [transfer.police_agency_id, transfer.procuratorate_id]):
            CaseShare.objects.get_or_create(
                case_id=transfer.case_id, agency_id=agency_id, defaults={"reason": "transfer"}
            )
    elif act == TransferAction.RECEIVE:
        received = str(data.get("manifest_hash") or "").strip().lower()
        if received and received != transfer.manifest_hash:
            raise ValidationError(
                {"manifest_hash": _("接收的证据清单与移送的清单不一致（哈希不同），请与移送机关核对。")}
            )
        transfer.received_at = now
        transfer.received_manifest_hash = received or transfer.manifest_hash
    elif act == TransferAction.ACCEPT:
        record_case_event(
            case=transfer.case,
            kind="transfer",
            on=timezone.localdate(now),
            summary=_("涉嫌犯罪移送公安机关并立案：%(n)s") % {"n": transfer.case.number},
        )
        transfer.received_at = transfer.received_at or now
        transfer.received_manifest_hash = transfer.received_manifest_hash or transfer.manifest_hash
        transfer.decided_at = now
        transfer.criminal_case_number = str(data.get("criminal_case_number") or "").strip()[:64]
    elif act == TransferAction.REFUSE_CASE:
        transfer.received_at = transfer.received_at or now
        transfer.decided_at = now
        transfer.police_refusal_reason = reason
    elif act == TransferAction.REQUEST_RECONSIDERATION:
        transfer.reconsideration_at = now
        transfer.reconsideration_reason = reason
    elif act == TransferAction.UPHOLD_REFUSAL:
        transfer.decided_at = now
        transfer.police_refusal_reason = f"{transfer.police_refusal_reason}\n复议：{reason}".strip()
    elif act == TransferAction.PROPOSE_SUPERVISION:
        transfer.supervision_at = now
    elif act == TransferAction.EXPLAIN:
        transfer.explanation = reason
    elif act in {TransferAction.AGREE_NO_CASE, TransferAction.RETURN_TO_AGENCY}:
        transfer.closed_at = now
        transfer.return_reason = reason
        if transfer.case.status == CaseStatus.TRANSFERRED:
            case_return_from_judiciary(actor=actor, case=transfer.case, reason=reason, now=now)


NOTIFY_AFTER: dict[TransferAction, tuple[str, list[str], str]] = {
    TransferAction.APPROVE: (workflow.AGENCY, [Role.OFFICER], gettext_noop("移送已批准，须在24小时内移送：%(n)s")),
    TransferAction.REFUSE: (workflow.AGENCY, [Role.OFFICER], gettext_noop("移送未获批准：%(n)s")),
    TransferAction.SEND: (workflow.POLICE, [Role.POLICE], gettext_noop("收到涉嫌犯罪案件移送：%(n)s")),
    TransferAction.ACCEPT: (workflow.AGENCY, [], gettext_noop("公安机关已立案：%(n)s")),
    TransferAction.REFUSE_CASE: (workflow.AGENCY, [], gettext_noop("公安机关不予立案：%(n)s")),
    TransferAction.REQUEST_RECONSIDERATION: (workflow.POLICE, [Role.POLICE], gettext_noop("行政机关提请复议：%(n)s")),
    TransferAction.UPHOLD_REFUSAL: (workflow.AGENCY, [], gettext_noop("复议维持不予立案：%(n)s")),
    TransferAction.PROPOSE_SUPERVISION: (
        workflow.PROCURATORATE,
        [Role.PROCURATOR],
        gettext_noop("建议立案监督：%(n)s"),
    ),
    TransferAction.REQUEST_EXPLANATION: (
        workflow.POLICE,
        [Role.POLICE],
        gettext_noop("检察院要求说明不立案理由：%(n)s"),
    ),
    TransferAction.EXPLAIN: (
        workflow.PROCURATORATE,
        [Role.PROCURATOR],
        gettext_noop("公安机关已说明不立案理由：%(n)s"),
    ),
    TransferAction.AGREE_NO_CASE: (workflow.AGENCY, [], gettext_noop("检察院同意不立案，案件退回：%(n)s")),
    TransferAction.NOTIFY_OPENING: (workflow.POLICE, [Role.POLICE], gettext_noop("检察院通知立案（15日内）：%(n)s")),
    TransferAction.RETURN_TO_AGENCY: (workflow.AGENCY, [], gettext_noop("司法机关退回案件，继续行政处理：%(n)s")),
}


def _after(transfer: Transfer, act: TransferAction, actor: Any) -> None:
    rule = NOTIFY_AFTER.get(act)
    if rule is None:
        return
    side, roles, title = rule
    agency = {
        workflow.AGENCY: transfer.agency,
        workflow.POLICE: transfer.police_agency,
        workflow.PROCURATORATE: transfer.procuratorate,
    }[side]
    notify_agency(agency, roles, title, transfer, {"n": transfer.case.number})
    if act == TransferAction.SEND:  # copy to the procuratorate (第6条 / 第14条)
        notify_agency(
            transfer.procuratorate,
            [Role.PROCURATOR],
            gettext_noop("移送抄送：%(n)s"),
            transfer,
            {"n": transfer.case.number},
        )
