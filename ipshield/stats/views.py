"""统计报表 page: one report as a table, each figure a link to the list of its records; Excel."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ipshield.core.attachments import attachment_store, attachments_for
from ipshield.core.choices import AgencyKind, CampaignDomain
from ipshield.core.exports import XLSX_TYPE, pdf_response, xlsx_response
from ipshield.core.forms import apply_service_errors
from ipshield.core.inputs import parse_small_int
from ipshield.core.jobs import job_enqueue, job_get, job_start
from ipshield.core.models import Region
from ipshield.core.workflow import Conflict
from ipshield.stats import workflow
from ipshield.stats.assessments import (
    assessment_act,
    assessments_open,
    is_owner,
    is_reviewer,
    scheme_choices,
    sheet_for,
)
from ipshield.stats.dashboard import chart_data, dashboard_for, indicator_choices, region_crumbs
from ipshield.stats.forms import (
    AlertActionForm,
    AlertFilterForm,
    AssessmentOpenForm,
    AssessmentStepForm,
    DashboardForm,
    MonthForm,
    PackageForm,
    ReportForm,
    SubmitMonthForm,
)
from ipshield.stats.packages import package_path
from ipshield.stats.reports import REPORTS, STATS_ROLES, Period, run_report
from ipshield.stats.selectors import alert_get, alert_list, assessment_get, assessments_for, open_alerts_for
from ipshield.stats.services import alert_act, may_handle
from ipshield.stats.submissions import FIGURE_LABELS, submission_board, submission_due, submit_month
from ipshield.stats.tasks import report_package
from ipshield.stats.templatetags.stats_tags import explain


def _stats_reader(request: HttpRequest) -> Any:
    user: Any = request.user
    if user.role not in STATS_ROLES or user.agency_id is None:
        raise PermissionDenied
    return user


@login_required
def report_view(request: HttpRequest) -> HttpResponse:
    user = _stats_reader(request)
    today = timezone.localdate()
    data = request.GET.copy()  # the defaults stay visible in the form
    for name, default in [
        ("report", next(iter(REPORTS))),
        ("region", user.agency.region_id),
        ("start", today.replace(month=1, day=1).isoformat()),
        ("end", today.isoformat()),
    ]:
        if not data.get(name):
            data[name] = default
    form = ReportForm(data)
    result = None
    if form.is_valid():
        chosen: dict[str, Any] = form.cleaned_data
        result = run_report(
            REPORTS[chosen["report"]],
            user,
            region=chosen["region"] or user.agency.region_id,
            period=chosen["period"],
            domain=chosen["domain"] or "",
            level=chosen["level"] or "all",
            agency_kind=chosen["agency_kind"] or "",
        )
        if request.GET.get("export") == "xlsx":
            header = [""] + [c["label"] for c in result["columns"]]
            rows = [[r["label"]] + [r["cells"][c["key"]]["value"] for c in result["columns"]] for r in result["rows"]]
            period = chosen["period"]
            name = f"{result['report']}-{result['region']}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
            return xlsx_response(sheet=result["title"], header=header, rows=rows, filename=name)
        if request.GET.get("export") == "pdf":
            period = chosen["period"]
            return pdf_response(
                template="stats/documents/report.html",
                context={
                    "result": result,
                    "font": settings.IPSHIELD_LETTER_FONT,
                    "generated": timezone.localtime(),
                    "region_name": Region.objects.filter(code=result["region"]).values_list("name", flat=True).first()
                    or _("全国"),
                    "agency_kind_label": AgencyKind(chosen["agency_kind"]).label if chosen["agency_kind"] else "",
                    "domain_label": CampaignDomain(chosen["domain"]).label if chosen["domain"] else "",
                    "LANGUAGE_CODE": translation.get_language(),
                },
                filename=f"{result['report']}-{result['region']}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.pdf",
            )
    query = request.GET.copy()
    query.pop("export", None)
    status = 200 if form.is_valid() else 422
    return render(
        request, "stats/report.html", {"form": form, "result": result, "query": query.urlencode()}, status=status
    )


@login_required
def dashboard_view(request: HttpRequest) -> HttpResponse:
    """统计看板: the reader's region by default; a click on the map or a row opens the region below."""
    user = _stats_reader(request)
    data = request.GET.copy()
    if not data.get("region"):
        data["region"] = user.agency.region_id
    if not data.get("indicator"):
        data["indicator"] = indicator_choices()[0][0]
    form = DashboardForm(data)
    if not form.is_valid():
        return render(request, "stats/dashboard.html", {"form": form, "board": None}, status=422)
    chosen: dict[str, Any] = form.cleaned_data
    board = dashboard_for(user, region=chosen["region"], indicator=chosen["indicator"], domain=chosen["domain"] or "")
    export = request.GET.get("export")
    if export in DASHBOARD_EXPORTS:
        return DASHBOARD_EXPORTS[export](board)
    query = request.GET.copy()
    query.pop("export", None)
    crumb_query = query.copy()
    crumb_query.pop("region", None)
    trend = board["trend"]
    context = {
        "form": form,
        "board": board,
        "query": query.urlencode(),
        "crumb_query": crumb_query.urlencode(),
        "crumbs": region_crumbs(user, board["region"]),
        "lights": LIGHT_WORDS,
        "trend_rows": [[m, *[s["data"][i] for s in trend["series"]]] for i, m in enumerate(trend["months"])],
        "alerts": open_alerts_for(user, board["region"])[:DASHBOARD_ALERTS],
        "chart_data": chart_data(board, drill=f"?{crumb_query.urlencode()}&region="),
    }
    return render(request, "stats/dashboard.html", context)


DASHBOARD_ALERTS = 8


def _export_name(board: dict[str, Any], what: str) -> str:
    return f"dashboard-{what}-{board['region']}-{board['period'].end:%Y%m%d}.xlsx"


def _export_regions(board: dict[str, Any]) -> HttpResponse:
    header = [_("地区"), board["indicator_label"], _("移送率（%）"), _("对比平均")]
    rows = [[r["label"], r["value"], r["rate"], LIGHT_WORDS[r["light"]]] for r in board["regions"]]
    return xlsx_response(sheet=str(_("地区排名")), header=header, rows=rows, filename=_export_name(board, "regions"))


def _export_trend(board: dict[str, Any]) -> HttpResponse:
    trend = board["trend"]
    header = [_("月份"), *[s["label"] for s in trend["series"]]]
    rows = [[month, *[s["data"][i] for s in trend["series"]]] for i, month in enumerate(trend["months"])]
    return xlsx_response(sheet=str(_("月度趋势")), header=header, rows=rows, filename=_export_name(board, "trend"))


def _export_totals(board: dict[str, Any]) -> HttpResponse:
    windows = [cell["label"] for cell in board["totals"][0]["cells"]]
    header = [_("指标"), *windows, *[_("%(w)s同比（%%）") % {"w": w} for w in windows[1:]]]
    rows = [
        [t["label"], *[c["value"] for c in t["cells"]], *[c["change"] for c in t["cells"][1:]]] for t in board["totals"]
    ]
    return xlsx_response(sheet=str(_("总量")), header=header, rows=rows, filename=_export_name(board, "totals"))


def _export_rankings(board: dict[str, Any]) -> HttpResponse:
    rows = [
        [ranking["title"], item["label"], item["value"]] for ranking in board["rankings"] for item in ranking["items"]
    ]
    header = [_("排名"), _("名称"), _("行政立案")]
    return xlsx_response(sheet=str(_("排行")), header=header, rows=rows, filename=_export_name(board, "rankings"))


DASHBOARD_EXPORTS = {
    "regions": _export_regions,
    "trend": _export_trend,
    "totals": _export_totals,
    "rankings": _export_rankings,
}
LIGHT_WORDS = {
    "blue": _("达到全国和本地区平均"),
    "yellow": _("只达到其中一个平均"),
    "red": _("低于全国和本地区平均"),
    "grey": _("无法比较"),
}


@login_required
def alert_list_view(request: HttpRequest) -> HttpResponse:
    """风险预警: the alerts of the reader's jurisdiction, open ones by default."""
    _stats_reader(request)
    data = request.GET.copy()
    if "status" not in data:
        data["status"] = "open"
    form = AlertFilterForm(data)
    filters: dict[str, Any] = dict(form.cleaned_data) if form.is_valid() else {"status": "open"}
    if filters.get("status") == "open":
        filters["status"], filters["open"] = "", True
    page = Paginator(alert_list(request.user, filters), 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "stats/alerts.html", {"form": form, "page": page, "query": query.urlencode()})


@login_required
def alert_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    alert = alert_get(request.user, pk)
    user: Any = request.user
    form = AlertActionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                alert_act(actor=user, alert=alert, event=form.cleaned_data["event"], data=form.cleaned_data)
            except ValidationError as exc:
                apply_service_errors(form, exc)
            except Conflict as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("已登记。"))
                return redirect("stats:alert_detail", pk=alert.pk)
        status = 422  # the note stays in the form
    can_act = may_handle(user, alert) and alert.status in workflow.ALERT_OPEN
    return render(request, "stats/alert.html", {"alert": alert, "form": form, "can_act": can_act}, status=status)


@login_required
def package_view(request: HttpRequest) -> HttpResponse:
    """报表包: every report for a month, quarter or year in one workbook, built in the background."""
    user = _stats_reader(request)
    today = timezone.localdate()
    last_month = today.replace(day=1) - dt.timedelta(days=1)
    initial = {"region": user.agency.region_id, "kind": "month", "year": last_month.year, "number": last_month.month}
    form = PackageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        period: Period = form.cleaned_data["period"]
        region = form.cleaned_data["region"]
        label = _("报表包 %(region)s %(start)s — %(end)s") % {
            "region": region,
            "start": period.start,
            "end": period.end,
        }
        job = job_start(owner=user, kind="stats.package", label=str(label), total=len(REPORTS))
        job_enqueue(
            job,
            report_package,
            region=region,
            start=period.start.isoformat(),
            end=period.end.isoformat(),
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        return redirect("core:job", pk=job.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "stats/packages.html", {"form": form}, status=status)


@login_required
def package_download_view(request: HttpRequest, pk: int) -> FileResponse:
    job = job_get(request.user, pk)  # one's own job only (404 for anyone else's)
    path = package_path(job) if job.kind == "stats.package" else None
    if path is None:
        raise Http404
    name = str(job.result.get("filename") or "package.xlsx")
    return FileResponse(path.open("rb"), as_attachment=True, filename=name, content_type=XLSX_TYPE)


SUBMISSION_STATES = {
    "missing": _("逾期未报"),
    "late": _("逾期报送"),
    "pending": _("尚未报送（未到期限）"),
    "on_time": _("按时报送"),
}


@login_required
def submission_view(request: HttpRequest) -> HttpResponse:
    """月报报送: a head confirms the month's figures; a coordinator sees who is late or reports zero."""
    user = _stats_reader(request)
    last_month = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    chosen = MonthForm(request.GET or {"month": f"{last_month:%Y-%m}"})
    month = chosen.cleaned_data["month"] if chosen.is_valid() else last_month.replace(day=1)
    form = SubmitMonthForm(request.POST or None, initial={"month": month})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                submit_month(actor=user, month=form.cleaned_data["month"], note=form.cleaned_data["note"])
            except ValidationError as exc:
                apply_service_errors(form, exc)
            except Conflict as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("月报已报送。"))
                return redirect(f"{request.path}?month={form.cleaned_data['month']:%Y-%m}")
        status = 422
    rows = submission_board(user, month)
    if request.GET.get("export") == "xlsx":
        header = [
            _("机关"),
            _("区划代码"),
            _("状态"),
            _("零申报"),
            _("报送时间"),
            *[_(v) for v in FIGURE_LABELS.values()],
        ]
        lines = [
            [
                r.agency.name,
                r.agency.region_id,
                SUBMISSION_STATES[r.state],
                _("是") if r.zero else "",
                timezone.localtime(r.submission.submitted_at) if r.submission else None,
                *[(r.submission.figures.get(k) if r.submission else None) for k in FIGURE_LABELS],
            ]
            for r in rows
        ]
        return xlsx_response(
            sheet=str(_("月报报送")), header=header, rows=lines, filename=f"returns-{month:%Y-%m}.xlsx"
        )
    counts = {state: sum(1 for r in rows if r.state == state) for state in SUBMISSION_STATES}
    context = {
        "chosen": chosen,
        "form": form,
        "month": month,
        "rows": rows,
        "counts": counts,
        "zero": sum(1 for r in rows if r.zero),
        "states": SUBMISSION_STATES,
        "labels": FIGURE_LABELS,
        "due": submission_due(month),
        "can_submit": user.role == "agency_head",
    }
    return render(request, "stats/submissions.html", context, status=status)


@login_required
def assessment_list_view(request: HttpRequest) -> HttpResponse:
    """考核: the year's assessments the reader may open, ranked; a leading-group office opens them."""
    user = _stats_reader(request)
    this_year = timezone.localdate().year
    year = parse_small_int(request.GET.get("year"), default=this_year, low=2000, high=2100)
    open_form = AssessmentOpenForm(request.POST or None, year=year, initial={"year": year})
    status = 200
    if request.method == "POST":
        if open_form.is_valid():
            try:
                opened = assessments_open(
                    actor=user, scheme_id=open_form.cleaned_data["scheme"], year=open_form.cleaned_data["year"]
                )
            except ValidationError as exc:
                apply_service_errors(open_form, exc)
            else:
                messages.success(request, _("已组织%(n)s个地区的考核。") % {"n": opened})
                return redirect(f"{request.path}?year={open_form.cleaned_data['year']}")
        status = 422
    rows = assessments_for(user).filter(year=year).order_by("scheme", F("rank").asc(nulls_last=True), "region_code")
    if request.GET.get("export") == "xlsx":
        header = [_("考核方案"), _("地区"), _("状态"), _("总分"), _("排名")]
        lines = [[r.scheme, getattr(r, "region_name", ""), r.get_status_display(), r.total, r.rank] for r in rows]
        return xlsx_response(sheet=str(_("考核")), header=header, rows=lines, filename=f"assessments-{year}.xlsx")
    can_open = user.role == "coordinator" and user.agency.kind == "leading_group"
    context = {
        "rows": rows,
        "year": year,
        "open_form": open_form,
        "can_open": can_open,
        "titles": dict(scheme_choices(year)),
    }
    return render(request, "stats/assessments.html", context, status=status)


@login_required
def assessment_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = _stats_reader(request)
    assessment = assessment_get(user, pk)
    form = AssessmentStepForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        upload: Any = request.FILES.get("evidence")
        if upload is not None and is_owner(user, assessment):
            try:
                attachment_store(actor=user, upload=upload, original_name=upload.name or "evidence", target=assessment)
            except ValidationError as exc:
                form.is_valid()
                apply_service_errors(form, exc)
            else:
                return redirect("stats:assessment_detail", pk=assessment.pk)
        if form.is_valid():
            try:
                assessment_act(
                    actor=user, assessment=assessment, event=form.cleaned_data["event"], data=form.cleaned_data
                )
            except ValidationError as exc:
                apply_service_errors(form, exc)
            except Conflict as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("已登记。"))
                return redirect("stats:assessment_detail", pk=assessment.pk)
        status = 422
    sheet = sheet_for(assessment)
    if request.GET.get("export") == "xlsx":
        header = [_("考核内容"), _("考核项目"), _("考核数据"), _("得分"), _("计分说明")]
        lines = [
            [area.area.title, item.item.title, item.figure, item.points, explain(item)]
            for area in sheet.areas
            for item in area.items
        ]
        lines.append([str(_("总分")), "", "", sheet.total, ""])
        return xlsx_response(
            sheet=str(_("考核")),
            header=header,
            rows=lines,
            filename=f"assessment-{assessment.region_code}-{assessment.year}.xlsx",
        )
    context = {
        "assessment": assessment,
        "sheet": sheet,
        "form": form,
        "owner": is_owner(user, assessment),
        "reviewer": is_reviewer(user, assessment),
        "evidence": attachments_for(assessment),
        "figures": assessment.figures or {},
    }
    return render(request, "stats/assessment.html", context, status=status)
