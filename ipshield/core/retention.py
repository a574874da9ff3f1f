"""Retention (PIPL art. 19; 网络安全法 art. 21): personal data is kept no longer than its purpose
needs, logs at least as long as the law asks.

The schedule is data (settings.IPSHIELD_RETENTION): (name, dotted function, days). Each function
receives the cut-off time and `dry_run` and returns how many records it erased; apps own their
functions (core imports none of them). `manage.py core_retention` (daily on the task schedule)
applies it and audits what it did. The audit log itself is never shortened by it: it is kept for
at least six months and, being evidence of who saw what, for as long as the records it describes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from ipshield.core.audit import audit_record
from ipshield.core.models import Job, RateCounter


def apply_retention(*, now: dt.datetime | None = None, dry_run: bool = False) -> dict[str, int]:
    now = now or timezone.now()
    results: dict[str, int] = {}
    for name, dotted, days in settings.IPSHIELD_RETENTION:
        function = import_string(dotted)
        with transaction.atomic():
            count = int(function(before=now - dt.timedelta(days=int(days)), dry_run=dry_run))
            if count and not dry_run:
                audit_record(
                    actor=None, action="retention.apply", object_type="system", after={"rule": name, "erased": count}
                )
        results[name] = count
    return results


def expired_rate_counters(*, before: dt.datetime, dry_run: bool) -> int:
    """Rate-limit windows (keyed hashes of client addresses) once they have ended."""
    queryset = RateCounter.objects.filter(expires_at__lt=timezone.now())
    return queryset.count() if dry_run else queryset.delete()[0]


def finished_jobs(*, before: dt.datetime, dry_run: bool) -> int:
    """Finished jobs and the files they produced (a report package: `result.file` under DATA_DIR/jobs)."""
    from ipshield.core.jobs import job_input_dir

    queryset = Job.objects.filter(finished_at__lt=before)
    if dry_run:
        return queryset.count()
    folder = job_input_dir()
    for name in queryset.values_list("result__file", flat=True):
        if isinstance(name, str) and name and "/" not in name and "\\" not in name:
            (folder / name).unlink(missing_ok=True)
    return int(queryset.delete()[0])


def login_records(*, before: dt.datetime, dry_run: bool) -> int:
    """django-axes' records of sign-ins and failures (addresses and user agents of staff)."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog  # axes loads its models late

    total = 0
    for model, field in (
        (AccessLog, "attempt_time"),
        (AccessFailureLog, "attempt_time"),
        (AccessAttempt, "attempt_time"),
    ):
        queryset: Any = model.objects.filter(**{f"{field}__lt": before})
        total += queryset.count() if dry_run else queryset.delete()[0]
    return total


def expired_sessions(*, before: dt.datetime, dry_run: bool) -> int:
    from django.contrib.sessions.models import Session

    queryset = Session.objects.filter(expire_date__lt=timezone.now())
    return queryset.count() if dry_run else queryset.delete()[0]
