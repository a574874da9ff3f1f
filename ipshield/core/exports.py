"""Spreadsheet downloads for officers' lists (Excel and CSV), one place for both.

Every text cell is neutralised against formula injection (CWE-1236): a value that starts with
`=`, `+`, `-`, `@`, a tab or a carriage return (a tip's target named `=HYPERLINK(...)` came out as a
live formula) is written with a leading apostrophe, which spreadsheets show as text. Numbers,
dates and booleans are written as they are.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")  # full-width forms too


def safe_cell(value: Any) -> Any:
    """A cell value no spreadsheet will evaluate: text that could start a formula gets a leading `'`."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | dt.date | dt.datetime):
        return value
    if isinstance(value, Decimal):
        return float(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _xlsx_value(value: Any) -> Any:
    cell = safe_cell(value)
    if isinstance(cell, dt.datetime) and cell.tzinfo is not None:
        return cell.replace(tzinfo=None)  # Excel has no time zones; values are already local
    return cell


def xlsx_response(*, sheet: str, header: Sequence[Any], rows: Iterable[Sequence[Any]], filename: str) -> HttpResponse:
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet[:31])  # Excel's limit on sheet names
    worksheet.append([str(h) for h in header])
    for row in rows:
        worksheet.append([_xlsx_value(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(*, header: Sequence[Any], rows: Iterable[Sequence[Any]], filename: str) -> StreamingHttpResponse:
    """A streamed UTF-8 CSV with a BOM (so that Excel opens Chinese text correctly)."""
    writer = csv.writer(_Echo())

    def stream() -> Iterator[str]:
        yield "\ufeff"
        yield writer.writerow([str(h) for h in header])
        for row in rows:
            yield writer.writerow([safe_cell(v) for v in row])

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def pdf_response(*, template: str, context: dict[str, Any], filename: str) -> HttpResponse:
    """A printed table or document: the template rendered by WeasyPrint (fonts shipped with the
    machine, nothing fetched), as a download."""
    from django.template.loader import render_to_string
    from weasyprint import HTML  # imported here: loading pango costs ~0.3 s at start-up

    html = render_to_string(template, context)
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
