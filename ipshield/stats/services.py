"""Writes to alerts: the owner office (or a coordinating office above it) assesses and closes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ipshield.core import regions
from ipshield.core.audit import audit_record
from ipshield.core.choices import AgencyKind, Role
from ipshield.core.workflow import Conflict, TransitionNotAllowed
from ipshield.stats import workflow
from ipshield.stats.choices import AlertEvent
from ipshield.stats.models import Alert

NOTE_MAX = 5000


def may_handle(user: Any, alert: Alert) -> bool:
    """A coordinator of the owner office, or of a leading-group office whose region contains the alert's."""
    agency = getattr(user, "agency", None)
    if getattr(user, "role", None) != Role.COORDINATOR or agency is None:
        return False
    if agency.pk == alert.owner_id:
        return True
    return bool(agency.kind == AgencyKind.LEADING_GROUP and regions.contains(agency.region_id, alert.region_code))


def alert_act(
    *, actor: Any, alert: Alert, event: str, data: Mapping[str, Any], now: dt.datetime | None = None
) -> Alert:
    """Record an assessment (研判意见) or close the alert with how it was handled; both need a note."""
    if not may_handle(actor, alert):
        raise PermissionDenied(_("只有责任单位或其上级打击侵权假冒工作领导小组办公室可以处置该预警。"))
    note = str(data.get("note") or "").strip()
    errors: dict[str, str] = {}
    if event not in AlertEvent.values:
        errors["action"] = _("未知的操作：%(a)s") % {"a": event[:40]}
    if not note:
        errors["note"] = _("请写明研判意见或处置情况。")
    elif len(note) > NOTE_MAX:
        errors["note"] = _("说明不能超过%(n)s字。") % {"n": NOTE_MAX}
    elif "\x00" in note:
        errors["note"] = _("说明含有不允许的控制字符。")
    if errors:
        raise ValidationError(errors)
    now = now or timezone.now()
    with transaction.atomic():
        current = Alert.objects.select_for_update().get(pk=alert.pk)
        try:
            before, after = workflow.ALERT.move(current, event)
        except TransitionNotAllowed as exc:
            raise Conflict(
                _("该预警当前状态为“%(s)s”，不能执行此操作，请刷新后查看。") % {"s": current.get_status_display()}
            ) from exc
        if event == AlertEvent.ASSESS:
            stamp = f"[{timezone.localtime(now):%Y-%m-%d %H:%M} {actor.get_full_name() or actor.username}] "
            current.assessment = "\n".join(filter(None, [current.assessment, stamp + note]))
            current.assessed_by, current.assessed_at = actor, now
        else:
            current.closing_note, current.closed_by, current.closed_at = note, actor, now
        current.save()
        audit_record(
            actor=actor,
            action=f"alert.{event}",
            target=current,
            before={"status": before},
            after={"status": after},
        )
    return current
