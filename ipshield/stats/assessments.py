"""考核 on the platform: open a year's assessments for the regions below, figures computed from the
records (each linked to the list behind it), self-assessment of the manual items with evidence,
review with reasons, final score and rank, appeal. Scoring itself is stats.assessment (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ipshield.core import regions
from ipshield.core.audit import audit_record
from ipshield.core.choices import ADMINISTRATIVE_AGENCY_KINDS, AgencyKind, Role
from ipshield.core.jurisdiction import region_subtree_q
from ipshield.core.models import Agency, Region
from ipshield.core.workflow import Conflict, TransitionNotAllowed
from ipshield.stats import workflow
from ipshield.stats.assessment import Scheme, ScoreSheet, load_schemes, scheme_for, score
from ipshield.stats.choices import AssessmentEvent, AssessmentStatus
from ipshield.stats.dashboard import RegionReader
from ipshield.stats.models import Alert, Assessment, ReportSubmission
from ipshield.stats.reports import REPORTS, Period, run_report
from ipshield.stats.submissions import month_end, submission_due
from ipshield.stats.workflow import ALERT_OPEN
from ipshield.transfers.models import Transfer

NOTE_MAX = 2000
APPEAL_DAYS = 15
STALE_ALERT_DAYS = 30


@lru_cache(maxsize=1)
def schemes() -> tuple[Scheme, ...]:
    return tuple(load_schemes())


def scheme_choices(year: int) -> list[tuple[str, str]]:
    from django.utils.translation import get_language

    english = (get_language() or "").startswith("en")
    ids = sorted({s.id for s in schemes()})
    found = [scheme_for(schemes(), i, year) for i in ids]
    return [(s.id, s.title_en if english else s.title) for s in found if s is not None]


def scheme_of(assessment: Assessment) -> Scheme:
    found = scheme_for(schemes(), assessment.scheme, assessment.year)
    if found is None:
        raise ValidationError({"scheme": _("没有该年度的考核方案。")})
    return found


def _period(year: int, today: dt.date) -> Period:
    return Period(dt.date(year, 1, 1), min(dt.date(year, 12, 31), today))


def _platform_figures(region: str, period: Period, now: dt.datetime) -> dict[str, dict[str, Any]]:
    within = region_subtree_q(region)
    transfers = Transfer.objects.filter(within)
    stale = now - dt.timedelta(days=STALE_ALERT_DAYS)
    alerts = Alert.objects.filter(within, status__in=ALERT_OPEN, first_seen_at__lt=stale)
    submissions = ReportSubmission.objects.filter(within, month__gte=period.start, month__lte=period.end)
    agencies = Agency.objects.filter(
        kind__in=ADMINISTRATIVE_AGENCY_KINDS, is_active=True, region__code__startswith=regions.subtree_prefix(region)
    )
    months_due = [m for m in _months(period) if submission_due(m) < now]
    expected = agencies.count() * len(months_due)
    on_time = sum(1 for s in submissions.filter(month__in=months_due) if not s.late)
    return {
        "platform.overdue_transfers": {
            "value": transfers.filter(next_due_at__lt=now).count(),
            "page": f"{reverse('transfers:list')}?overdue=on&region={region}",
        },
        "platform.stale_alerts": {
            "value": alerts.count(),
            "page": f"{reverse('stats:alerts')}?status=open&region={region}",
        },
        "platform.returns_on_time_rate": {
            "value": round(on_time * 100 / expected, 2) if expected else None,
            "page": reverse("stats:submissions"),
        },
    }


def _months(period: Period) -> list[dt.date]:
    out, month = [], period.start.replace(day=1)
    while month <= period.end:
        out.append(month)
        month = month_end(month) + dt.timedelta(days=1)
    return out


def assessment_figures(scheme: Scheme, region: str, year: int, *, now: dt.datetime | None = None) -> dict[str, Any]:
    """Every figure the scheme scores, for the region's whole subtree, with the list behind it."""
    now = now or timezone.now()
    period = _period(year, timezone.localdate(now))
    reader = RegionReader(region)
    out: dict[str, dict[str, Any]] = {}
    reports: dict[str, dict[str, Any]] = {}
    for key in scheme.figures:
        if key.startswith("platform."):
            continue
        source, row, column = key.split(".")
        report_key, _sep, domain = source.partition("@")
        if source not in reports:
            reports[source] = run_report(
                REPORTS[report_key], reader, region=region, period=period, domain=domain, compare=False
            )
        rows = {r["key"]: r for r in reports[source]["rows"]}
        cell = rows[row]["cells"][column] if row in rows else {"value": None, "page": None}
        out[key] = {"value": cell["value"], "page": cell.get("page")}
    if any(k.startswith("platform.") for k in scheme.figures):
        out |= _platform_figures(region, period, now)
    return out


def sheet_for(assessment: Assessment) -> ScoreSheet:
    scheme = scheme_of(assessment)
    figures = {k: v.get("value") for k, v in (assessment.figures or {}).items()}
    manual = {k: float(v.get("points", 0)) for k, v in (assessment.self_scores or {}).items()}
    adjustments = {k: (float(v["points"]), str(v.get("reason", ""))) for k, v in (assessment.adjustments or {}).items()}
    return score(scheme, figures, manual, assessment.vetoes or [], adjustments)


def is_owner(user: Any, assessment: Assessment) -> bool:
    return bool(getattr(user, "role", None) == Role.COORDINATOR and user.agency_id == assessment.owner_id)


def is_reviewer(user: Any, assessment: Assessment) -> bool:
    """A coordinator of a leading-group office strictly above the assessed region."""
    agency = getattr(user, "agency", None)
    if getattr(user, "role", None) != Role.COORDINATOR or agency is None or agency.kind != AgencyKind.LEADING_GROUP:
        return False
    return agency.region_id != assessment.region_code and regions.contains(agency.region_id, assessment.region_code)


def assessments_open(*, actor: Any, scheme_id: str, year: int, now: dt.datetime | None = None) -> int:
    """A leading-group office opens the year's assessment of every region one level below it that
    has a leading-group office; existing ones are left as they are. Returns how many were opened."""
    agency = getattr(actor, "agency", None)
    if actor.role != Role.COORDINATOR or agency is None or agency.kind != AgencyKind.LEADING_GROUP:
        raise PermissionDenied(_("只有领导小组办公室可以组织考核。"))
    scheme = scheme_for(schemes(), scheme_id, year)
    if scheme is None:
        raise ValidationError({"scheme": _("没有该年度的考核方案。")})
    now = now or timezone.now()
    children = Region.objects.filter(parent_id=agency.region_id).values_list("code", flat=True)
    offices = Agency.objects.filter(kind=AgencyKind.LEADING_GROUP, is_active=True, region_id__in=list(children))
    opened = 0
    for office in offices.order_by("region_id"):
        with transaction.atomic():
            if Assessment.objects.filter(scheme=scheme.id, year=year, region_code=office.region_id).exists():
                continue
            assessment = Assessment.objects.create(
                owner=office,
                scheme=scheme.id,
                year=year,
                region_code=office.region_id,
                figures=assessment_figures(scheme, office.region_id, year, now=now),
                figures_at=now,
            )
            audit_record(
                actor=actor, action="assessment.open", target=assessment, after={"scheme": scheme.id, "year": year}
            )
            opened += 1
    return opened


def _points(raw: Any, field: str) -> float:
    try:
        value = Decimal(str(raw))
    except ArithmeticError as exc:
        raise ValidationError({field: _("分数必须是数字。")}) from exc
    if not value.is_finite() or value < 0 or value > 1000:
        raise ValidationError({field: _("分数必须在0到1000之间。")})
    return float(value)


def _text(raw: Any, field: str, *, required: bool) -> str:
    text = str(raw or "").strip()
    if required and not text:
        raise ValidationError({field: _("请写明理由。")})
    if len(text) > NOTE_MAX or "\x00" in text:
        raise ValidationError({field: _("理由不能超过%(n)s字，且不能含控制字符。") % {"n": NOTE_MAX}})
    return text


def assessment_act(
    *, actor: Any, assessment: Assessment, event: str, data: Mapping[str, Any], now: dt.datetime | None = None
) -> Assessment:
    """One step of the assessment's lifecycle (workflow.ASSESSMENT); who may take it is checked here."""
    now = now or timezone.now()
    if event not in AssessmentEvent.values:
        raise ValidationError({"event": _("未知的操作。")})
    owner_steps = {AssessmentEvent.SELF_SCORE, AssessmentEvent.SUBMIT, AssessmentEvent.APPEAL}
    allowed = is_owner(actor, assessment) if event in owner_steps else is_reviewer(actor, assessment)
    if not allowed:
        raise PermissionDenied(_("您不能对这项考核执行此操作。"))
    scheme = scheme_of(assessment)
    with transaction.atomic():
        current = Assessment.objects.select_for_update().get(pk=assessment.pk)
        try:
            before, after = workflow.ASSESSMENT.move(current, event)
        except TransitionNotAllowed as exc:
            raise Conflict(
                _("这项考核当前状态为“%(s)s”，不能执行此操作，请刷新后查看。") % {"s": current.get_status_display()}
            ) from exc
        change: dict[str, Any] = {}
        if event == AssessmentEvent.SELF_SCORE:
            item = scheme.item(str(data.get("item") or ""))
            if item is None or item.kind != "manual":
                raise ValidationError({"item": _("只有需要自评的项目可以填写自评分。")})
            points = _points(data.get("points"), "points")
            if points > item.max:
                raise ValidationError({"points": _("该项最多%(n)s分。") % {"n": item.max}})
            current.self_scores = {
                **current.self_scores,
                item.id: {"points": points, "note": _text(data.get("note"), "note", required=False)},
            }
            change = {"item": item.id, "points": points}
        elif event == AssessmentEvent.SUBMIT:
            current.figures = assessment_figures(scheme, current.region_code, current.year, now=now)
            current.figures_at, current.submitted_at = now, now
        elif event == AssessmentEvent.REVIEW:
            item = scheme.item(str(data.get("item") or ""))
            if item is None:
                raise ValidationError({"item": _("没有这个考核项目。")})
            reason = _text(data.get("reason"), "reason", required=True)
            if item.kind == "veto":
                vetoes = set(current.vetoes or [])
                if data.get("veto"):
                    vetoes.add(item.id)
                else:
                    vetoes.discard(item.id)
                current.vetoes = sorted(vetoes)
                change = {"item": item.id, "veto": item.id in vetoes}
            else:
                points = _points(data.get("points"), "points")
                current.adjustments = {
                    **current.adjustments,
                    item.id: {"points": points, "reason": reason, "by": actor.get_username()},
                }
                change = {"item": item.id, "points": points}
        elif event == AssessmentEvent.FINALIZE:
            if before == AssessmentStatus.APPEALED:
                current.appeal_answer = _text(data.get("answer"), "answer", required=True)
            current.total = Decimal(str(sheet_for(current).total))
            current.finalized_at = now
            change = {"total": str(current.total)}
        elif event == AssessmentEvent.APPEAL:
            if current.finalized_at and now > current.finalized_at + dt.timedelta(days=APPEAL_DAYS):
                raise ValidationError({"appeal": _("定分后%(n)s日内可以申诉，已超过期限。") % {"n": APPEAL_DAYS}})
            current.appeal = _text(data.get("appeal"), "appeal", required=True)
        current.save()
        if event == AssessmentEvent.FINALIZE:
            _rank(current.scheme, current.year, current.region_code)
            current.rank = Assessment.objects.filter(pk=current.pk).values_list("rank", flat=True).first()
        audit_record(
            actor=actor,
            action=f"assessment.{event}",
            target=current,
            before={"status": before},
            after={"status": after, **change},
        )
    return current


def _rank(scheme: str, year: int, region: str) -> None:
    """Ranks among the final assessments of the same scheme, year and parent region (1 = best)."""
    parent = Region.objects.filter(code=region).values_list("parent_id", flat=True).first()
    siblings = Assessment.objects.filter(scheme=scheme, year=year, status=AssessmentStatus.FINAL)
    if parent:
        siblings = siblings.filter(region_code__in=Region.objects.filter(parent_id=parent).values("code"))
    ordered = list(siblings.order_by("-total", "region_code").values_list("pk", "total"))
    rank, previous = 0, None
    for index, (pk, total) in enumerate(ordered, start=1):
        if total != previous:
            rank, previous = index, total
        Assessment.objects.filter(pk=pk).update(rank=rank)
