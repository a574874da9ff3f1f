"""月报报送 (reference/statistics.md §1 "Reporting cadence", C:S2): monthly figures are confirmed
through the system by the 10th of the next month; late and zero returns are named (C:S3)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ipshield.cases.models import Case
from ipshield.core import regions
from ipshield.core.audit import audit_record
from ipshield.core.choices import ADMINISTRATIVE_AGENCY_KINDS, REGIONAL_SUPERVISOR_ROLES, Role
from ipshield.core.deadlines import Period as DeadlinePeriod
from ipshield.core.deadlines import Unit, due_at
from ipshield.core.models import Agency
from ipshield.core.periods import day_start, period_q
from ipshield.core.workflow import Conflict
from ipshield.stats.models import ReportSubmission
from ipshield.transfers.models import Transfer

REPORT_BY_DAY = 10  # monthly returns by the 10th of the next month
NOTE_MAX = 500
FIGURE_LABELS = {  # msgids: translated where shown
    "filed": gettext_noop("立案"),
    "closed": gettext_noop("结案"),
    "decided": gettext_noop("作出处罚决定"),
    "penalties_yuan": gettext_noop("罚没款（元）"),
    "transferred": gettext_noop("移送公安机关"),
}


def month_end(month: dt.date) -> dt.date:
    index = month.year * 12 + month.month  # the month after, zero-based
    return dt.date(index // 12, index % 12 + 1, 1) - dt.timedelta(days=1)


def submission_due(month: dt.date) -> dt.datetime:
    """The 10th of the following month, end of day; a rest day rolls over to the next working day."""
    following = month_end(month) + dt.timedelta(days=1)
    return due_at(day_start(following), DeadlinePeriod(REPORT_BY_DAY - 1, Unit.DAYS))


def agency_month_figures(agency: Agency, month: dt.date) -> dict[str, Any]:
    """The agency's own records in the month (never typed): the figures it confirms."""
    start, end = month, month_end(month)
    cases = Case.objects.filter(agency=agency)
    penalties = cases.filter(period_q("decided_at", start, end)).aggregate(
        fines=Sum("fine_amount"), confiscated=Sum("confiscated_amount")
    )
    total = (penalties["fines"] or Decimal(0)) + (penalties["confiscated"] or Decimal(0))
    return {
        "filed": cases.filter(period_q("filed_at", start, end)).count(),
        "closed": cases.filter(period_q("closed_at", start, end)).count(),
        "decided": cases.filter(period_q("decided_at", start, end)).count(),
        "penalties_yuan": float(total),
        "transferred": Transfer.objects.filter(agency=agency).filter(period_q("sent_at", start, end)).count(),
    }


def submit_month(*, actor: Any, month: dt.date, note: str = "", now: dt.datetime | None = None) -> ReportSubmission:
    """The head of an administrative agency confirms its figures for a finished month, once."""
    agency = getattr(actor, "agency", None)
    if actor.role != Role.AGENCY_HEAD or agency is None or agency.kind not in ADMINISTRATIVE_AGENCY_KINDS:
        raise PermissionDenied(_("只有行政执法机关的负责人可以报送月报。"))
    now = now or timezone.now()
    month = month.replace(day=1)
    note = str(note or "").strip()
    errors: dict[str, str] = {}
    if month_end(month) >= timezone.localdate(now):
        errors["month"] = _("只能报送已经结束的月份。")
    if len(note) > NOTE_MAX:
        errors["note"] = _("说明不能超过%(n)s字。") % {"n": NOTE_MAX}
    elif "\x00" in note:
        errors["note"] = _("说明含有不允许的控制字符。")
    if errors:
        raise ValidationError(errors)
    figures = agency_month_figures(agency, month)
    try:
        with transaction.atomic():
            submission = ReportSubmission.objects.create(
                agency=agency,
                month=month,
                figures=figures,
                zero=not any(figures.values()),
                note=note,
                due_at=submission_due(month),
                submitted_by=actor,
                submitted_at=now,
                region_code=agency.region_id,
            )
            audit_record(actor=actor, action="stats.submit_month", target=submission, after={"month": f"{month:%Y-%m}"})
    except IntegrityError as exc:
        raise Conflict(_("%(m)s的月报已经报送过了。") % {"m": f"{month:%Y-%m}"}) from exc
    return submission


@dataclass(frozen=True)
class SubmissionRow:
    agency: Agency
    submission: ReportSubmission | None
    due: dt.datetime
    state: str  # on_time | late | missing | pending

    @property
    def zero(self) -> bool:
        return bool(self.submission and self.submission.zero)


def submission_board(user: Any, month: dt.date, *, now: dt.datetime | None = None) -> list[SubmissionRow]:
    """Every administrative agency the reader answers for (a coordinator or procurator: its region's;
    a head: its own) and how its return for `month` stands: late and missing first."""
    now = now or timezone.now()
    agency = getattr(user, "agency", None)
    if agency is None:
        return []
    agencies = Agency.objects.filter(kind__in=ADMINISTRATIVE_AGENCY_KINDS, is_active=True)
    if user.role in REGIONAL_SUPERVISOR_ROLES:
        prefix = regions.subtree_prefix(agency.region_id)
        agencies = agencies.filter(region__code__startswith=prefix) if prefix else agencies
    elif user.role == Role.AGENCY_HEAD:
        agencies = agencies.filter(pk=agency.pk)
    else:
        return []
    month = month.replace(day=1)
    due = submission_due(month)
    found = {s.agency_id: s for s in ReportSubmission.objects.filter(month=month, agency__in=agencies)}
    rows = []
    for each in agencies.order_by("region_id", "name")[:2000]:
        submission = found.get(each.pk)
        if submission is not None:
            state = "late" if submission.late else "on_time"
        else:
            state = "missing" if now > due else "pending"
        rows.append(SubmissionRow(each, submission, due, state))
    order = {"missing": 0, "late": 1, "pending": 2, "on_time": 3}
    return sorted(rows, key=lambda r: (order[r.state], not r.zero, r.agency.region_id))
