"""Deadline sweep: notify the side that must act one working day before a transfer step falls due.

Runs hourly on the task layer's schedule (settings.IPSHIELD_SCHEDULE) or by hand with
`manage.py transfers_remind`. Idempotent: each deadline is reminded once.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from ipshield.core.choices import Role
from ipshield.core.deadlines import end_of_next_working_day
from ipshield.core.text import source_text
from ipshield.transfers import workflow
from ipshield.transfers.choices import TransferStatus
from ipshield.transfers.models import Notification, Transfer

SIDE_ROLES = {
    workflow.AGENCY: [Role.OFFICER, Role.AGENCY_HEAD],
    workflow.POLICE: [Role.POLICE],
    workflow.PROCURATORATE: [Role.PROCURATOR],
}


def send_reminders(now: dt.datetime | None = None) -> int:
    now = now or timezone.now()
    sent = 0
    due = Transfer.objects.filter(next_due_at__gte=now, next_due_at__lte=end_of_next_working_day(now)).select_related(
        "case", "agency", "police_agency", "procuratorate"
    )
    for transfer in due:
        key = f"{transfer.status}@{transfer.next_due_at.isoformat()}"  # type: ignore[union-attr]
        if transfer.reminded_for == key:
            continue
        agency = {
            workflow.AGENCY: transfer.agency,
            workflow.POLICE: transfer.police_agency,
            workflow.PROCURATORATE: transfer.procuratorate,
        }.get(transfer.next_due_role)
        if agency is None:
            continue
        with transaction.atomic():
            roles = SIDE_ROLES.get(transfer.next_due_role, [])
            Notification.objects.create(
                agency=agency,
                roles=f",{','.join(roles)},",
                title=gettext_noop("期限将至（%(due)s）：%(n)s %(status)s"),
                params={
                    "due": timezone.localtime(transfer.next_due_at).strftime("%Y-%m-%d %H:%M"),
                    "n": transfer.case.number,
                    "status": source_text(TransferStatus(transfer.status).label),
                },
                url=f"/transfers/{transfer.pk}/",
            )
            Transfer.objects.filter(pk=transfer.pk).update(reminded_for=key)
        sent += 1
    return sent
