"""Tip writes: submit (public), route, handle with statutory clocks, reply. Rewards: tips/rewarding.py; spot checks: tips/spot_checks.py."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ipshield.cases.services import case_create
from ipshield.core import ratelimit
from ipshield.core.addresses import resolve_region
from ipshield.core.attachments import attachment_store
from ipshield.core.audit import audit_record
from ipshield.core.choices import AgencyKind, CampaignDomain, Role
from ipshield.core.crypto import decrypt_json, encrypt_json
from ipshield.core.deadlines import Period, Unit, due_at
from ipshield.core.identifiers import IdentifierError, normalise, validate_resident_id, validate_uscc
from ipshield.core.inputs import parse_id
from ipshield.core.models import Agency, Region
from ipshield.core.regions import subtree_prefix
from ipshield.credit.services import record_case_event
from ipshield.screening.services import legal_period
from ipshield.tips import workflow
from ipshield.tips.choices import TipAction, TipStatus
from ipshield.tips.models import Tip, TipMessage
from ipshield.transfers.services import counterpart_agency

# Domain → competent agency kind (OUTLINE §一).
DOMAIN_AGENCY: dict[str, str] = {
    CampaignDomain.TRADEMARK: AgencyKind.MARKET_REGULATION,
    CampaignDomain.COPYRIGHT: AgencyKind.COPYRIGHT,
    CampaignDomain.PATENT: AgencyKind.IP_OFFICE,
    CampaignDomain.ONLINE_TRADE: AgencyKind.MARKET_REGULATION,
    CampaignDomain.IMPORT_EXPORT: AgencyKind.CUSTOMS,
    CampaignDomain.DRUGS_COSMETICS: AgencyKind.DRUG,
    CampaignDomain.AGRI_INPUTS: AgencyKind.AGRICULTURE,
    CampaignDomain.AUTO_PARTS: AgencyKind.MARKET_REGULATION,
    CampaignDomain.GEOGRAPHICAL_INDICATION: AgencyKind.MARKET_REGULATION,
    CampaignDomain.ORGANIC_CERTIFICATION: AgencyKind.CERTIFICATION_REGULATOR,
    CampaignDomain.RURAL_MARKET: AgencyKind.MARKET_REGULATION,
    CampaignDomain.TRADE_SECRET: AgencyKind.MARKET_REGULATION,
    CampaignDomain.OTHER_IP: AgencyKind.MARKET_REGULATION,
}
TIP_RULE = "samr_tip_handling"  # accept or reject within 15 (+15) working days
NOTIFY_WITHIN = Period(5, Unit.WORKING_DAYS)  # tell a named reporter the result (recalled; see rule data)
DUPLICATE_WINDOW_DAYS = 30
MAX_FILES = 5
TRACKING_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
HANDLER_ROLES = frozenset({Role.OFFICER, Role.AGENCY_HEAD})


class TipNotFound(Exception):
    """Wrong tracking number or passphrase: never says which."""


class TipLookupThrottled(Exception):
    """Too many wrong tracking-number/passphrase pairs from this client: no lookup for a while."""


class TipConflict(Exception):
    pass


def passphrase_digest(tracking_number: str, passphrase: str) -> str:
    # The passphrase is random (≈ 60 bits) and lookups are throttled, so a keyed hash is enough and
    # keeps the status lookup fast; only this digest is stored.
    message = f"{tracking_number}:{passphrase.strip().upper()}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _new_tracking_number(now: dt.datetime) -> str:
    return f"T{timezone.localtime(now):%Y%m%d}" + "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(8))


def _new_passphrase() -> str:
    groups = ["".join(secrets.choice(TRACKING_ALPHABET) for _ in range(4)) for _ in range(3)]
    return "-".join(groups)


def target_key(name: str, uscc: str, url: str) -> str:
    """One key per target so that reports on the same shop or company are linked."""
    if uscc:
        return "uscc:" + uscc
    if url:
        host = re.sub(r"^https?://(www\.)?", "", url.strip().lower()).rstrip("/")
        return "url:" + host[:180]
    cleaned = re.sub(r"[\s（）()·]", "", normalise(name)).replace("有限责任公司", "有限公司")
    return ("name:" + cleaned[:180]) if cleaned else ""


def route(domain: str, region_code: str) -> Agency | None:
    """分办: the agency of the competent kind with jurisdiction, nearest level that exists;
    else the coordinator (leading-group office) of the region."""
    kind = DOMAIN_AGENCY.get(domain, AgencyKind.MARKET_REGULATION)
    return counterpart_agency(region_code, kind) or counterpart_agency(region_code, AgencyKind.LEADING_GROUP)


def _accept_due(received_at: dt.datetime, *, extended: bool) -> dt.datetime:
    period, extension = legal_period(TIP_RULE)
    if extended:
        _, extension = legal_period("samr_case_opening")
        period = period + extension
    return due_at(received_at, period)


def tip_submit(
    *, data: Mapping[str, Any], files: list[tuple[str, IO[bytes]]] | None = None, now: dt.datetime | None = None
) -> tuple[Tip, str]:
    """Record a public report; returns the tip and the passphrase, which is shown once and never stored."""
    now = now or timezone.now()
    errors: dict[str, str] = {}
    domain = str(data.get("domain") or "")
    if domain not in CampaignDomain.values:
        errors["domain"] = _("请选择举报的领域。")
    description = str(data.get("description") or "").strip()
    if len(description) < 10:
        errors["description"] = _("请描述举报的事实（至少10个字）。")
    elif len(description) > 5000:
        errors["description"] = _("举报内容不能超过5000字。")
    address = str(data.get("address") or "").strip()[:255]
    region_code = str(data.get("region_code") or "").strip() or (resolve_region(address) or "")
    if not region_code:
        errors["region_code"] = _("无法从地址确定所在地区，请选择地区。")
    elif not Region.objects.filter(code=region_code).exclude(level="national").exists():
        errors["region_code"] = _("未知的行政区划代码：%(code)s") % {"code": region_code}
    uscc = str(data.get("target_uscc") or "").strip()
    if uscc:
        try:
            uscc = validate_uscc(uscc)
        except IdentifierError:
            errors["target_uscc"] = _("统一社会信用代码校验位不正确，请核对。")
    url = str(data.get("target_url") or "").strip()
    if url and not re.match(r"^https?://[^\s<>\"]{3,490}$", url):
        errors["target_url"] = _("网址应以 http:// 或 https:// 开头。")
    target_name = str(data.get("target_name") or "").strip()[:200]
    if not (target_name or uscc or url or address):
        errors["target_name"] = _("请至少提供被举报对象的名称、代码、网址或地点之一。")
    anonymous = bool(data.get("anonymous", True))
    reporter: dict[str, str] = {}
    if not anonymous:
        raw = data.get("reporter") or {}
        reporter = {k: str(raw.get(k) or "").strip()[:64] for k in ("name", "phone", "id_number")}
        if not reporter["name"] or not reporter["phone"]:
            errors["reporter"] = _("实名举报请填写姓名和联系电话，或选择匿名举报。")
        if reporter.get("id_number"):
            try:
                reporter["id_number"] = validate_resident_id(reporter["id_number"], today=timezone.localdate(now))
            except IdentifierError:
                errors["reporter.id_number"] = _("公民身份号码校验位不正确，请核对。")
        if reporter["phone"] and not re.match(r"^[0-9+\-() ]{7,20}$", reporter["phone"]):
            errors["reporter.phone"] = _("联系电话格式不正确。")
    files = files or []
    if len(files) > MAX_FILES:
        errors["files"] = _("最多上传%(n)s个文件。") % {"n": MAX_FILES}
    if errors:
        raise ValidationError(errors)
    key = target_key(target_name, uscc, url)
    # Everything but the writes happens before the transaction: on SQLite the write lock is
    # held only for the inserts. (Two identical reports in the same instant may both be primary.)
    duplicate = None
    if key:
        duplicate = (
            Tip.objects.filter(
                domain=domain,
                target_key=key,
                duplicate_of__isnull=True,
                received_at__gte=now - dt.timedelta(days=DUPLICATE_WINDOW_DAYS),
            )
            .exclude(status=TipStatus.REJECTED)
            .order_by("received_at")
            .first()
        )
    agency = duplicate.agency if duplicate is not None else route(domain, region_code)
    passphrase = _new_passphrase()
    tip = Tip(
        tracking_number=_new_tracking_number(now),
        domain=domain,
        description=description,
        address=address,
        region_code=region_code,
        target_name=target_name,
        target_uscc=uscc,
        target_url=url,
        target_key=key,
        anonymous=anonymous,
        insider=bool(data.get("insider", False)),
        reporter_ciphertext=encrypt_json(reporter) if reporter else "",
        agency=agency,
        status=TipStatus.ROUTED,
        received_at=now,
        accept_due_at=_accept_due(now, extended=False),
        duplicate_of=duplicate,
    )
    tip.passphrase_hash = passphrase_digest(tip.tracking_number, passphrase)
    tip.next_due_at = tip.accept_due_at
    # Region, agency and duplicate were checked or chosen above: skip their per-field queries.
    tip.full_clean(exclude=["region_code", "agency", "duplicate_of", "case"], validate_unique=False)
    with transaction.atomic():
        tip.save()
        _store_files(files, tip)
        audit_record(
            actor=None,
            action="tip.submit",
            target=tip,
            after={
                "tracking_number": tip.tracking_number,
                "domain": domain,
                "agency": agency.pk if agency else None,
                "duplicate_of": duplicate.pk if duplicate else None,
                "files": len(files),
            },
        )
    return tip, passphrase


def _store_files(files: list[tuple[str, IO[bytes]]], tip: Tip) -> None:
    """Store a report's files inside the caller's transaction: one bad file rolls back the whole report."""
    for name, stream in files:
        try:
            attachment_store(
                actor=None,
                upload=stream,
                original_name=name,
                target=tip,
                max_bytes=settings.IPSHIELD_TIP_FILE_MAX_BYTES,
            )
        except ValidationError as exc:
            raise ValidationError({"files": exc.messages}) from exc


LOOKUP_WINDOW_SECONDS = 15 * 60


def tip_lookup_for_client(*, client: str, tracking_number: str, passphrase: str) -> Tip:
    """The reporter's lookup, throttled per client: after IPSHIELD_TIP_LOOKUP_FAILURES wrong pairs
    in 15 minutes even a right pair is refused until the window ends, so guessing gains nothing."""
    limit = int(settings.IPSHIELD_TIP_LOOKUP_FAILURES)
    if ratelimit.used("tip-lookup-fail", client, window_seconds=LOOKUP_WINDOW_SECONDS) >= limit:
        raise TipLookupThrottled
    try:
        return tip_lookup(tracking_number, passphrase)
    except TipNotFound:
        ratelimit.hit("tip-lookup-fail", client, window_seconds=LOOKUP_WINDOW_SECONDS)
        raise


def tip_lookup(tracking_number: str, passphrase: str) -> Tip:
    tip = Tip.objects.select_related("agency").filter(tracking_number=tracking_number.strip().upper()).first()
    if tip is None or not hmac.compare_digest(tip.passphrase_hash, passphrase_digest(tip.tracking_number, passphrase)):
        raise TipNotFound
    return tip


def reporter_message(*, tip: Tip, text: str, files: list[tuple[str, IO[bytes]]] | None = None) -> TipMessage:
    text = text.strip()
    if not text and not files:
        raise ValidationError({"text": _("请填写补充内容或上传材料。")})
    if len(text) > 5000:
        raise ValidationError({"text": _("举报内容不能超过5000字。")})
    with transaction.atomic():
        message = TipMessage.objects.create(tip=tip, from_reporter=True, text=text or _("（补充材料）"))
        _store_files(files or [], tip)
        audit_record(actor=None, action="tip.reporter_message", target=tip, after={"message": message.pk})
    return message


def reporter_rate(*, tip: Tip, satisfaction: int) -> Tip:
    if tip.status != TipStatus.CONCLUDED:
        raise ValidationError({"satisfaction": _("办结后才能评价。")})
    if satisfaction not in {1, 2, 3, 4, 5}:
        raise ValidationError({"satisfaction": _("请选择1至5分。")})
    with transaction.atomic():
        Tip.objects.filter(pk=tip.pk).update(satisfaction=satisfaction)
        audit_record(actor=None, action="tip.rate", target=tip, after={"satisfaction": satisfaction})
    tip.satisfaction = satisfaction
    return tip


# --- agency side -------------------------------------------------------------------------------


def may_handle(user: Any, tip: Tip) -> bool:
    return user.agency_id is not None and user.agency_id == tip.agency_id and user.role in HANDLER_ROLES


NOT_TIP_HANDLERS = (AgencyKind.PUBLIC_SECURITY, AgencyKind.PROCURATORATE, AgencyKind.COURT, AgencyKind.BANK)


def reassignable_agencies(actor: Any) -> Any:
    """Agencies a coordinator may send a report to: active administrative agencies (or a
    leading-group office) inside the coordinator's own region, never the police or the judiciary."""
    agencies = Agency.objects.filter(is_active=True).exclude(kind__in=NOT_TIP_HANDLERS)
    if actor.agency_id is None:
        return agencies.none()
    return agencies.filter(region__code__startswith=subtree_prefix(actor.agency.region_id))


def reassignment_target(*, actor: Any, tip: Tip, agency_id: Any) -> Agency:
    """改派: the report must lie in the coordinator's region and so must the agency it moves to."""
    if not Tip.objects.visible_to(actor).filter(pk=tip.pk).exists():
        raise PermissionDenied(_("该举报不在本级领导小组办公室的辖区内。"))
    wanted = parse_id(agency_id)
    agency: Agency | None = None if wanted is None else reassignable_agencies(actor).filter(pk=wanted).first()
    if agency is None:
        raise ValidationError({"agency_id": _("请选择本辖区内的承办机构。")})
    return agency


def tip_act(
    *, actor: Any, tip: Tip, action: str, data: Mapping[str, Any] | None = None, now: dt.datetime | None = None
) -> Tip:
    """The only code that sets Tip.status. The reporter sees every decision and the result."""
    data = data or {}
    now = now or timezone.now()
    if action not in TipAction.values:
        raise ValidationError({"action": _("未知的操作：%(a)s") % {"a": action}})
    act = TipAction(action)
    if act == TipAction.REASSIGN:
        if actor.role != Role.COORDINATOR:
            raise PermissionDenied(_("只有领导小组办公室可以改派。"))
    elif not may_handle(actor, tip):
        raise PermissionDenied(_("只有承办机构的执法人员可以办理。"))
    text = str(data.get("reason") or data.get("result") or "").strip()
    with transaction.atomic():
        current = Tip.objects.select_for_update().get(pk=tip.pk)
        if not workflow.TIP.allows(current.status, act):
            raise TipConflict(_("当前状态（%(s)s）不能执行该操作。") % {"s": current.get_status_display()})
        if act == TipAction.REJECT and not text:
            raise ValidationError({"reason": _("不予受理须说明理由，理由将告知举报人。")})
        if act == TipAction.CONCLUDE and not text:
            raise ValidationError({"result": _("请填写办理结果，结果将告知举报人。")})
        if act == TipAction.EXTEND:
            if current.accept_extended:
                raise ValidationError({"action": _("受理期限只能延长一次。")})
            current.accept_extended = True
            current.accept_due_at = _accept_due(current.received_at, extended=True)
        if act == TipAction.REASSIGN:
            current.agency = reassignment_target(actor=actor, tip=current, agency_id=data.get("agency_id"))
        if act in {TipAction.ACCEPT, TipAction.REJECT}:
            current.decided_at = now
        if act == TipAction.CONCLUDE and current.case_id is not None and current.case is not None:
            record_case_event(
                case=current.case,
                kind="tip_substantiated",
                on=timezone.localdate(now),
                summary=_("举报经查属实：%(t)s") % {"t": current.tracking_number},
            )
        if act in {TipAction.REJECT, TipAction.CONCLUDE}:
            current.result = text
            current.concluded_at = now
            current.notify_due_at = due_at(now, NOTIFY_WITHIN)
        before, new_status = workflow.TIP.move(current, act)
        current.next_due_at = current.accept_due_at if new_status == TipStatus.ROUTED else None
        current.revision += 1
        current.save()
        if act in {TipAction.ACCEPT, TipAction.REJECT, TipAction.CONCLUDE}:
            label = {
                TipAction.ACCEPT: _("您的举报已受理。"),
                TipAction.REJECT: _("您的举报不予受理：%(r)s"),
                TipAction.CONCLUDE: _("您的举报已办结：%(r)s"),
            }[act]
            TipMessage.objects.create(
                tip=current, author=actor, text=label % {"r": text} if "%(r)s" in label else label
            )
            current.reporter_notified_at = now
            Tip.objects.filter(pk=current.pk).update(reporter_notified_at=now)
        audit_record(
            actor=actor,
            action=f"tip.{act.value}",
            target=current,
            before={"status": before},
            after={"status": new_status, "agency": current.agency_id, "text": text[:500]},
        )
    return current


def tip_reply(*, actor: Any, tip: Tip, text: str) -> TipMessage:
    if not may_handle(actor, tip):
        raise PermissionDenied(_("只有承办机构的执法人员可以办理。"))
    if not text.strip():
        raise ValidationError({"text": _("请填写回复内容。")})
    with transaction.atomic():
        message = TipMessage.objects.create(tip=tip, author=actor, text=text.strip()[:5000])
        audit_record(actor=actor, action="tip.reply", target=tip, after={"message": message.pk})
    return message


def reporter_identity(*, actor: Any, tip: Tip) -> dict[str, str]:
    """Reveal a named reporter's identity to the handling agency's head or officer; every reveal is audited."""
    if not may_handle(actor, tip):
        raise PermissionDenied(_("只有承办机构的执法人员可以查看举报人信息。"))
    identity = decrypt_json(tip.reporter_ciphertext)
    with transaction.atomic():
        audit_record(actor=actor, action="tip.reveal_identity", target=tip, after={"fields": sorted(identity)})
    return identity


def tip_to_case(*, actor: Any, tip: Tip) -> Any:
    """Turn a report into a case (lead) of the handling agency, keeping the link both ways."""
    if not may_handle(actor, tip):
        raise PermissionDenied(_("只有承办机构的执法人员可以办理。"))
    if tip.case_id:
        raise TipConflict(_("该举报已转为案件。"))
    with transaction.atomic():
        case = case_create(
            actor=actor,
            data={
                "title": (tip.target_name or tip.address or tip.tracking_number)[:60] + _("（举报线索）"),
                "domain": tip.domain,
                "region_code": tip.region_code,
                "facts_text": _("举报编号 %(t)s：%(d)s") % {"t": tip.tracking_number, "d": tip.description},
                "lead_received_at": tip.received_at,
            },
            parties=[{"kind": "enterprise", "name": tip.target_name, "uscc": tip.target_uscc}]
            if tip.target_uscc
            else [],
        )
        Tip.objects.filter(pk=tip.pk).update(case=case)
        audit_record(actor=actor, action="tip.to_case", target=tip, after={"case": case.number})
    tip.case = case
    return case
