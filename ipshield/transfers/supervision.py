"""检察监督: a procurator opens a record on a queue item; the addressee replies within 7 days."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ipshield.cases.models import Case
from ipshield.core.audit import audit_record
from ipshield.core.choices import Role
from ipshield.core.deadlines import Period, Unit, due_at
from ipshield.transfers.choices import SupervisionQueue
from ipshield.transfers.models import Notification, SupervisionRecord, Transfer
from ipshield.transfers.services import SUPERVISION_REPLY_DAYS, TransferConflict


def supervision_open(
    *,
    actor: Any,
    case: Case,
    queue: str,
    opinion: str,
    transfer: Transfer | None = None,
    now: dt.datetime | None = None,
) -> SupervisionRecord:
    """检察监督: a procurator opens a record on a queue item; the addressee replies within 7 days."""
    now = now or timezone.now()
    if actor.role != Role.PROCURATOR:
        raise PermissionDenied(_("只有检察机关可以开展监督。"))
    if not Case.objects.visible_to(actor).filter(pk=case.pk).exists():
        raise PermissionDenied(_("该案件不在本院的监督范围内。"))
    errors: dict[str, str] = {}
    if transfer is not None and transfer.case_id != case.pk:
        errors["transfer_id"] = _("该移送不属于本案。")
    if queue not in SupervisionQueue.values:
        errors["queue"] = _("未知的监督事项。")
    if not opinion.strip():
        errors["opinion"] = _("请填写监督意见。")
    if errors:
        raise ValidationError(errors)
    addressee = transfer.police_agency if transfer is not None and queue == SupervisionQueue.REFUSALS else case.agency
    with transaction.atomic():
        record = SupervisionRecord(
            agency_id=actor.agency_id,
            queue=queue,
            case=case,
            transfer=transfer,
            addressee=addressee,
            opinion=opinion.strip(),
            opened_by=actor,
            opened_at=now,
            region_code=case.region_code,
            reply_due_at=due_at(now, Period(SUPERVISION_REPLY_DAYS, Unit.DAYS)),
        )
        record.full_clean()
        record.save()
        audit_record(
            actor=actor,
            action="supervision.open",
            target=record,
            after={"queue": queue, "case": case.number, "addressee": addressee.name},
        )
        Notification.objects.create(
            agency=addressee,
            roles="",
            title=gettext_noop("检察监督意见：%(n)s"),
            params={"n": case.number},
            url=reverse("transfers:supervision_detail", args=[record.pk]),
        )
    return record


def supervision_reply(
    *, actor: Any, record: SupervisionRecord, reply: str, now: dt.datetime | None = None
) -> SupervisionRecord:
    if actor.agency_id != record.addressee_id:
        raise PermissionDenied(_("只有被监督机关可以回复。"))
    if not reply.strip():
        raise ValidationError({"reply": _("请填写回复内容。")})
    with transaction.atomic():
        current = SupervisionRecord.objects.select_for_update().get(pk=record.pk)
        if current.replied_at is not None:
            raise TransferConflict(_("该监督意见已回复。"))
        current.reply = reply.strip()
        current.replied_at = now or timezone.now()
        current.save(update_fields=["reply", "replied_at"])
        audit_record(actor=actor, action="supervision.reply", target=current, after={"reply": current.reply[:500]})
    return current
