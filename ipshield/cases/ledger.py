"""Case ledger (台账): Excel/CSV export of a filtered list, Excel import with a row-level report."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from ipshield.cases.choices import Channel, PartyKind
from ipshield.cases.models import Case
from ipshield.cases.services import case_create
from ipshield.core.choices import CampaignDomain
from ipshield.core.exports import csv_response, xlsx_response

EXPORT_LIMIT = 100_000
EXPORT_COLUMNS = [
    ("number", "案件编号"),
    ("title", "案件名称"),
    ("agency", "办案机构"),
    ("region_code", "区划代码"),
    ("domain", "专项领域"),
    ("offence", "涉嫌罪名"),
    ("status", "状态"),
    ("screening", "筛查结果"),
    ("lead_received_at", "线索收到时间"),
    ("filing_due_at", "立案决定期限"),
    ("decision_due_at", "处罚决定期限"),
    ("fine_amount", "罚款金额"),
]
IMPORT_METRICS = [
    "sales_amount_yuan",
    "goods_value_yuan",
    "illegal_business_amount_yuan",
    "illegal_gains_yuan",
    "trademark_kinds",
    "marks_count",
    "copies_count",
    "loss_to_right_holder_yuan",
    "prior_penalty_within_2y",
]
IMPORT_COLUMNS = [
    ("title", "案件名称*"),
    ("domain", "专项领域*"),
    ("channel", "渠道"),
    ("product_category", "产品类别"),
    ("offence", "涉嫌罪名代码"),
    ("conduct_date", "违法行为日期"),
    ("lead_received_at", "线索收到日期"),
    ("region_code", "区划代码"),
    ("right_holder", "权利人"),
    ("facts_text", "案情简述"),
    ("party_kind", "当事人类型"),
    ("party_name", "当事人名称"),
    ("party_uscc", "统一社会信用代码"),
    ("party_resident_id", "公民身份号码"),
    *[(m, m) for m in IMPORT_METRICS],
]


def _row(case: Case) -> list[Any]:
    return [
        case.number,
        case.title,
        case.agency.name,
        case.region_code,
        case.get_domain_display(),
        case.offence,
        case.get_status_display(),
        case.get_screening_outcome_display(),
        timezone.localtime(case.lead_received_at).strftime("%Y-%m-%d %H:%M"),
        timezone.localtime(case.filing_due_at).strftime("%Y-%m-%d") if case.filing_due_at else "",
        timezone.localtime(case.decision_due_at).strftime("%Y-%m-%d") if case.decision_due_at else "",
        case.fine_amount if case.fine_amount is not None else "",
    ]


def export_response(queryset: QuerySet[Case], kind: str) -> HttpResponse | StreamingHttpResponse:
    rows = (_row(case) for case in queryset[:EXPORT_LIMIT].iterator(chunk_size=2000))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    header = [label for _key, label in EXPORT_COLUMNS]
    if kind == "csv":
        return csv_response(header=header, rows=rows, filename=f"cases-{stamp}.csv")
    return xlsx_response(sheet="案件", header=header, rows=rows, filename=f"cases-{stamp}.xlsx")


def template_response() -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "案件台账"
    sheet.append([label for _key, label in IMPORT_COLUMNS])
    sheet.append(
        [
            "某商贸公司销售假冒运动鞋案",
            "trademark",
            "offline_market",
            "运动鞋",
            "sell_goods_with_counterfeit_trademark",
            "2026-03-01",
            "2026-03-10",
            "110105",
            "某体育用品公司",
            "现场查获假冒运动鞋",
            "enterprise",
            "某商贸有限公司",
            "91350100M000100Y43",
            "",
            62000,
            0,
            "",
            "",
            1,
            "",
            "",
            "",
            False,
        ]
    )
    help_sheet = workbook.create_sheet("说明")
    help_sheet.append(["字段", "取值"])
    help_sheet.append(["专项领域", " / ".join(CampaignDomain.values)])
    help_sheet.append(["渠道", " / ".join(Channel.values)])
    help_sheet.append(["当事人类型", " / ".join(PartyKind.values)])
    help_sheet.append(["日期", "YYYY-MM-DD"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="case-ledger-template.xlsx"'
    return response


@dataclass
class RowError:
    row: int
    messages: list[str]


@dataclass
class ImportReport:
    rows: int = 0
    imported: int = 0
    errors: list[RowError] = field(default_factory=list)
    fatal: str = ""


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip())


def _parse_row(values: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    problems: list[str] = []
    data: dict[str, Any] = {}
    for key in ("title", "product_category", "right_holder", "facts_text", "offence", "region_code"):
        value = values.get(key)
        if value not in (None, ""):
            data[key] = str(value).strip()
    if not data.get("title"):
        problems.append(_("缺少案件名称"))
    domain = str(values.get("domain") or "").strip()
    if domain not in CampaignDomain.values:
        problems.append(_("专项领域无效：%(v)s") % {"v": domain})
    data["domain"] = domain
    channel = str(values.get("channel") or "offline_market").strip()
    if channel not in Channel.values:
        problems.append(_("渠道无效：%(v)s") % {"v": channel})
    data["channel"] = channel
    try:
        data["conduct_date"] = _date(values.get("conduct_date"))
        lead = _date(values.get("lead_received_at"))
        if lead:
            data["lead_received_at"] = dt.datetime.combine(lead, dt.time(9), tzinfo=timezone.get_current_timezone())
    except ValueError:
        problems.append(_("日期格式应为 YYYY-MM-DD"))
    facts: dict[str, Any] = {}
    for metric in IMPORT_METRICS:
        value = values.get(metric)
        if value in (None, ""):
            continue
        if isinstance(value, bool) or str(value).lower() in {"true", "false", "是", "否"}:
            facts[metric] = value if isinstance(value, bool) else str(value).lower() in {"true", "是"}
            continue
        try:
            facts[metric] = float(Decimal(str(value)))
        except InvalidOperation:
            problems.append(_("%(m)s 应为数字") % {"m": metric})
    data["facts"] = facts
    parties: list[dict[str, Any]] = []
    if values.get("party_name"):
        parties.append(
            {
                "kind": str(values.get("party_kind") or PartyKind.ENTERPRISE).strip(),
                "name": str(values["party_name"]).strip(),
                "uscc": str(values.get("party_uscc") or "").strip(),
                "resident_id": str(values.get("party_resident_id") or "").strip(),
            }
        )
    if problems:
        raise ValidationError(problems)
    return data, parties


class _RollbackAll(Exception):
    pass


@dataclass
class LedgerRows:
    """The rows of an uploaded ledger, read but not yet imported."""

    keys: list[str]
    rows: list[tuple[int, tuple[Any, ...]]]  # (spreadsheet row number, values)


def read_ledger(upload: IO[bytes]) -> LedgerRows | str:
    """The ledger's rows, or why it cannot be imported (unreadable, wrong header, too many rows).

    At most IPSHIELD_IMPORT_MAX_ROWS rows are read: a 1 MB file of 100,000 rows held a worker
    for 12 s before; now it is refused after reading one row more than the limit.
    """
    limit = int(settings.IPSHIELD_IMPORT_MAX_ROWS)
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        iterator = sheet.iter_rows(values_only=True)
        header = [str(h or "").strip() for h in next(iterator, [])]
        labels = {label: key for key, label in IMPORT_COLUMNS}
        keys = [labels.get(h, h) for h in header]
        if "title" not in keys or "domain" not in keys:
            return str(_("表头与模板不一致，请下载模板后填写。"))
        rows: list[tuple[int, tuple[Any, ...]]] = []
        for index, raw in enumerate(iterator, start=2):
            if raw is None or all(v in (None, "") for v in raw):
                continue
            rows.append((index, tuple(raw)))
            if len(rows) > limit:
                return str(_("台账超过 %(n)s 行，请拆分为多个文件后分别导入。") % {"n": limit})
    except Exception:
        return str(_("无法读取该文件，请上传由模板填写的 .xlsx 文件。"))
    return LedgerRows(keys, rows)


def import_rows(
    *,
    actor: Any,
    ledger: LedgerRows,
    import_valid_rows: bool,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import read rows: nothing is written when any row is invalid, unless import_valid_rows."""
    report = ImportReport()
    total = len(ledger.rows)
    try:
        with transaction.atomic():
            for done, (index, raw) in enumerate(ledger.rows, start=1):
                report.rows += 1
                values = dict(zip(ledger.keys, raw, strict=False))
                try:
                    with transaction.atomic():
                        data, parties = _parse_row(values)
                        case_create(actor=actor, data=data, parties=parties)
                    report.imported += 1
                except ValidationError as exc:
                    report.errors.append(RowError(index, _flatten(exc)))
                if progress is not None and (done % 50 == 0 or done == total):
                    progress(done, total)
            if report.errors and not import_valid_rows:
                raise _RollbackAll
    except _RollbackAll:
        report.imported = 0
    return report


def import_ledger(*, actor: Any, upload: IO[bytes], import_valid_rows: bool) -> ImportReport:
    """Read and import a ledger in one go (small files; large ones go to the task layer)."""
    ledger = read_ledger(upload)
    if isinstance(ledger, str):
        return ImportReport(fatal=ledger)
    return import_rows(actor=actor, ledger=ledger, import_valid_rows=import_valid_rows)


def report_summary(report: ImportReport) -> str:
    return str(
        _("共 %(rows)s 行，导入 %(imported)s 个案件，%(errors)s 行有错误。")
        % {"rows": report.rows, "imported": report.imported, "errors": len(report.errors)}
    )


def _flatten(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [f"{k}: {m}" for k, msgs in exc.message_dict.items() for m in msgs]
    return list(exc.messages)


def report_json(report: ImportReport) -> str:
    return json.dumps(
        {
            "rows": report.rows,
            "imported": report.imported,
            "errors": [{"row": e.row, "messages": e.messages} for e in report.errors],
        },
        ensure_ascii=False,
    )
