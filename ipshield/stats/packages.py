"""Report packages (报表包): every report for one region and one month, quarter or year in one
workbook, built in the background (the task layer) with its progress shown on the job page."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl import Workbook

from ipshield.core.exports import safe_cell
from ipshield.core.jobs import job_input_dir, job_progress
from ipshield.core.models import Job, Region, User
from ipshield.stats.reports import REPORTS, Period, run_report

PERIOD_KINDS = ("month", "quarter", "year")
ROW_HEADERS = {
    "ip_type": gettext_noop("知识产权类别"),
    "agency": gettext_noop("办案机构"),
    "officer": gettext_noop("承办人"),
    "regions": gettext_noop("地区"),
}


def package_period(kind: str, year: int, number: int) -> Period:
    """The month (number 1–12), quarter (1–4) or year (number ignored) as a period."""
    if kind == "year":
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    first_month = number if kind == "month" else 3 * (number - 1) + 1
    months = 1 if kind == "month" else 3
    end_index = year * 12 + first_month - 1 + months
    end = dt.date(end_index // 12, end_index % 12 + 1, 1) - dt.timedelta(days=1)
    return Period(dt.date(year, first_month, 1), end)


def package_path(job: Job) -> Path | None:
    name = str((job.result or {}).get("file") or "")
    path = job_input_dir() / name
    return path if name and path.is_file() and path.parent == job_input_dir() else None


def build_package(job: Job, *, region: str, start: str, end: str, language: str) -> dict[str, Any]:
    """One sheet per report, with 同比 and 环比 beside each figure and the definitions below."""
    user = User.objects.get(pk=job.owner_id)
    period = Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    workbook = Workbook(write_only=True)
    reports = list(REPORTS.values())
    region_name = Region.objects.filter(code=region).values_list("name", flat=True).first() or region
    with translation.override(language):
        for index, report in enumerate(reports, start=1):
            job_progress(job.pk, done=index - 1, total=len(reports), message=_("正在统计：%(t)s") % {"t": report.title})
            result = run_report(report, user, region=region, period=period)
            sheet = workbook.create_sheet(str(report.title)[:31])
            sheet.append([str(report.title)])
            sheet.append([f"{region_name} · {period.start} — {period.end}"])
            header = [ROW_HEADERS.get(result["row_kind"], gettext_noop("地区"))]
            header = [_(header[0])]
            for column in result["columns"]:
                header += [column["label"], _("同比（%）"), _("环比（%）")]
            sheet.append([str(h) for h in header])
            for row in result["rows"]:
                line: list[Any] = [row["label"]]
                for column in result["columns"]:
                    cell = row["cells"][column["key"]]
                    line += [cell["value"], cell.get("yoy"), cell.get("mom")]
                sheet.append([safe_cell(v) for v in line])
            sheet.append([])
            sheet.append([str(_("统计口径")), result["definitions"]["report"]])
            for column in result["columns"]:
                sheet.append([column["label"], result["definitions"][column["key"]]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    name = f"{uuid.uuid4().hex}.xlsx"
    (job_input_dir() / name).write_bytes(buffer.getvalue())
    download = f"{region}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
    return {
        "file": name,
        "filename": download,
        "summary": _("已生成%(n)s张报表。") % {"n": len(reports)},
        "next_url": reverse("stats:package_download", args=[job.pk]),
    }


def retention_days() -> int:
    return int(getattr(settings, "IPSHIELD_PACKAGE_KEEP_DAYS", 30))
