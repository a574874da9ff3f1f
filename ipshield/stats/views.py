"""统计报表 page: one report as a table, each figure a link to the list of its records; Excel."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ipshield.core.exports import xlsx_response
from ipshield.stats.forms import ReportForm
from ipshield.stats.reports import REPORTS, STATS_ROLES, run_report


@login_required
def report_view(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if user.role not in STATS_ROLES or user.agency_id is None:
        raise PermissionDenied
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
        )
        if request.GET.get("export") == "xlsx":
            header = [""] + [c["label"] for c in result["columns"]]
            rows = [[r["label"]] + [r["cells"][c["key"]]["value"] for c in result["columns"]] for r in result["rows"]]
            period = chosen["period"]
            name = f"{result['report']}-{result['region']}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
            return xlsx_response(sheet=result["title"], header=header, rows=rows, filename=name)
    query = request.GET.copy()
    query.pop("export", None)
    status = 200 if form.is_valid() else 422
    return render(
        request, "stats/report.html", {"form": form, "result": result, "query": query.urlencode()}, status=status
    )
