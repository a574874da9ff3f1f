"""Test helpers for statistics (imported by tests only)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from ipshield.core.audit import audit_record
from ipshield.core.choices import AgencyKind
from ipshield.stats.models import Alert
from ipshield.transfers.services import counterpart_agency


def make_alert(
    region: str, *, subject: str = "", rule: str = "tip_spike", level: str = "yellow", **extra: Any
) -> Alert:
    """An alert as the sweep would raise it, owned by the region's leading-group office."""
    owner = counterpart_agency(region, AgencyKind.LEADING_GROUP)
    assert owner is not None, f"no leading-group office above {region}: create a coordinator there first"
    now = timezone.now()
    with transaction.atomic():
        alert = Alert.objects.create(
            owner=owner,
            rule=rule,
            rule_version="2024-01-01",
            key=f"{region}|{subject}|test",
            level=level,
            subject=subject,
            message="近%(days)s天关于“%(name)s”的举报 %(n)s 件。",
            figures={"days": 30, "name": subject, "n": 6, "subject": subject},
            region_code=region,
            first_seen_at=now,
            last_seen_at=now,
            **extra,
        )
        audit_record(actor=None, action="alert.raise", target=alert, after={"rule": rule})
    return alert
