"""跟踪抽查: a reproducible sample of an agency's concluded reports, and its review."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ipshield.core.audit import audit_record
from ipshield.core.models import Agency
from ipshield.tips.choices import TipStatus
from ipshield.tips.models import SpotCheck, SpotCheckItem, Tip
from ipshield.tips.selectors import spot_check_agencies
from ipshield.tips.services import TipConflict


def spot_check_draw(
    *, actor: Any, agency: Agency, period: str, ratio_percent: int, now: dt.datetime | None = None
) -> SpotCheck:
    """Draw a reproducible sample (seeded by agency and period) of the agency's tips concluded in the period."""
    if not spot_check_agencies(actor).filter(pk=agency.pk).exists():
        raise PermissionDenied(_("抽查由本机构负责人或本辖区领导小组办公室组织。"))
    if not re.match(r"^\d{4}-(0[1-9]|1[0-2])$", period):
        raise ValidationError({"period": _("期间格式为 YYYY-MM。")})
    if not 1 <= ratio_percent <= 100:
        raise ValidationError({"ratio_percent": _("抽查比例应在1%至100%之间。")})
    year, month = (int(p) for p in period.split("-"))
    start = dt.datetime(year, month, 1, tzinfo=timezone.get_current_timezone())
    end = dt.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=timezone.get_current_timezone())
    concluded = list(
        Tip.objects.filter(agency=agency, status=TipStatus.CONCLUDED, concluded_at__gte=start, concluded_at__lt=end)
        .order_by("id")
        .values_list("id", flat=True)
    )
    seed = hashlib.sha256(f"{agency.pk}:{period}".encode()).hexdigest()
    size = min(len(concluded), max(1, round(len(concluded) * ratio_percent / 100))) if concluded else 0
    sample = sorted(random.Random(seed).sample(concluded, size))
    with transaction.atomic():
        if SpotCheck.objects.filter(agency=agency, period=period).exists():
            raise TipConflict(_("本期已抽查。"))
        check = SpotCheck.objects.create(
            agency=agency,
            period=period,
            seed=seed,
            ratio_percent=ratio_percent,
            drawn_by=actor,
            drawn_at=now or timezone.now(),
        )
        SpotCheckItem.objects.bulk_create([SpotCheckItem(spot_check=check, tip_id=tip_id) for tip_id in sample])
        audit_record(
            actor=actor,
            action="tip.spot_check.draw",
            target=check,
            after={"period": period, "seed": seed, "sample": sample},
        )
    return check


def spot_check_review(*, actor: Any, item: SpotCheckItem, satisfactory: bool, finding: str) -> SpotCheckItem:
    if not spot_check_agencies(actor).filter(pk=item.spot_check.agency_id).exists():
        raise PermissionDenied(_("抽查由本机构负责人或本辖区领导小组办公室组织。"))
    with transaction.atomic():
        item.satisfactory, item.finding = satisfactory, finding.strip()
        item.reviewed_by, item.reviewed_at = actor, timezone.now()
        item.save()
        audit_record(
            actor=actor,
            action="tip.spot_check.review",
            target=item.spot_check,
            after={"tip": item.tip_id, "satisfactory": satisfactory},
        )
    return item
