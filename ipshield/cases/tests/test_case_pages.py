"""Case pages: create with inline errors, filters, exports, ledger import (all-or-nothing)."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from ipshield.cases.ledger import IMPORT_COLUMNS
from ipshield.cases.models import Case

from .conftest import SUSPECTED_FACTS

pytestmark = pytest.mark.django_db


def test_create_form_shows_field_errors_and_writes_nothing(client, officer):
    client.force_login(officer)
    response = client.post(
        "/cases/new/",
        {
            "title": "",
            "domain": "trademark",
            "channel": "offline_market",
            "region_code": "999999",
            "offence": "counterfeit_registered_trademark",
            "party-kind": "enterprise",
            "party-name": "某公司",
            "party-uscc": "91350100M000100Y44",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "未知的行政区划代码" in html
    assert "须填写违法行为日期" in html
    assert Case.objects.count() == 0


def test_create_form_records_a_screened_case(client, officer):
    client.force_login(officer)
    response = client.post(
        "/cases/new/",
        {
            "title": "某公司假冒商标案",
            "domain": "trademark",
            "channel": "offline_market",
            "region_code": "110105",
            "offence": "counterfeit_registered_trademark",
            "conduct_date": "2025-09-01",
            "fact__illegal_business_amount_yuan": "60000",
            "fact__prior_penalty_within_2y": "unknown",
            "party-kind": "person",
            "party-name": "张三",
            "party-resident_id": "11010519491231002X",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    case = Case.objects.get()
    assert case.facts == {"illegal_business_amount_yuan": 60000.0}
    detail = client.get(response["Location"]).content.decode()
    assert "涉嫌犯罪，应当移送" in detail
    assert "110105********002X" in detail
    assert "11010519491231002X" not in detail


def test_inline_validation_endpoint(client, officer):
    client.force_login(officer)
    bad = client.post("/cases/validate/", {"field": "party-uscc", "party-uscc": "91350100M000100Y44"})
    assert "校验位不正确" in bad.content.decode()
    good = client.post("/cases/validate/", {"field": "party-uscc", "party-uscc": "91350100M000100Y43"})
    assert good.content == b""
    assert client.post("/cases/validate/", {"field": "password"}).status_code == 400


def test_fact_fields_follow_the_offence(client, officer):
    client.force_login(officer)
    html = client.get("/screening/fields/?offence=copyright_infringement").content.decode()
    assert 'name="fact__clicks_count"' in html
    assert 'name="fact__sales_amount_yuan"' not in html


def test_fact_fields_keep_a_figure_the_new_offence_also_reads(client):
    html = client.get(
        "/screening/fields/?offence=sell_goods_with_counterfeit_trademark&fact__sales_amount_yuan=62000"
        "&fact__clicks_count=9"
    ).content.decode()
    assert 'name="fact__sales_amount_yuan"' in html
    assert 'value="62000"' in html
    assert "fact__clicks_count" not in html


def test_list_filters(client, officer, new_case):
    client.force_login(officer)
    suspected = new_case(title="白酒案", facts=SUSPECTED_FACTS)
    below = new_case(title="箱包案")
    html = client.get("/cases/?screening=suspected_crime").content.decode()
    assert suspected.number in html
    assert below.number not in html
    html = client.get("/cases/?q=箱包").content.decode()
    assert below.number in html
    assert suspected.number not in html
    html = client.get("/cases/?queue=suspected_not_transferred").content.decode()
    assert suspected.number in html


def test_xlsx_export(client, officer, new_case):
    case = new_case()
    client.force_login(officer)
    response = client.get("/cases/?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "案件编号"
    assert rows[1][0] == case.number


def _ledger(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([label for _key, label in IMPORT_COLUMNS])
    keys = [key for key, _label in IMPORT_COLUMNS]
    for row in rows:
        sheet.append([row.get(k) for k in keys])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "ledger.xlsx"
    return buffer


GOOD = {
    "title": "导入案件一",
    "domain": "trademark",
    "offence": "sell_goods_with_counterfeit_trademark",
    "conduct_date": "2025-08-01",
    "sales_amount_yuan": 60000,
    "party_kind": "enterprise",
    "party_name": "某公司",
    "party_uscc": "91350100M000100Y43",
}
BAD = {**GOOD, "title": "导入案件二", "domain": "nonsense", "party_uscc": "91350100M000100Y44"}


def test_import_with_an_invalid_row_imports_nothing_and_reports_rows(client, officer):
    client.force_login(officer)
    response = client.post("/cases/import/", {"file": _ledger([GOOD, BAD])})
    report = response.context["report"]
    assert report.imported == 0
    assert [e.row for e in report.errors] == [3]
    assert "nonsense" in " ".join(report.errors[0].messages)
    assert Case.objects.count() == 0


def test_import_valid_rows_when_asked(client, officer):
    client.force_login(officer)
    response = client.post("/cases/import/", {"file": _ledger([GOOD, BAD]), "import_valid_rows": "on"})
    assert response.context["report"].imported == 1
    case = Case.objects.get()
    assert case.screening_outcome == "suspected_crime"
    assert case.parties.get().uscc == "91350100M000100Y43"


def test_import_of_a_non_excel_file_is_a_clear_error(client, officer):
    client.force_login(officer)
    upload = io.BytesIO(b"not excel")
    upload.name = "x.xlsx"
    response = client.post("/cases/import/", {"file": upload})
    assert "无法读取该文件" in response.content.decode()


def test_template_download(client, officer):
    client.force_login(officer)
    response = client.get("/cases/import/?template=1")
    assert load_workbook(io.BytesIO(response.content)).active["A1"].value == "案件名称*"


def test_edit_form_keeps_the_date_in_the_date_picker(client, officer, new_case):
    case = new_case()
    client.force_login(officer)
    html = client.get(f"/cases/{case.pk}/edit/").content.decode()
    assert 'type="date"' in html
    assert 'value="2025-09-01"' in html  # ISO, which <input type=date> requires in every language


def test_a_new_lead_says_what_to_do_next(client, officer, new_case, make_user):
    case = new_case(facts=SUSPECTED_FACTS)
    client.force_login(officer)
    html = client.get(f"/cases/{case.pk}/").content.decode()
    assert "下一步：审查线索" in html
    assert "立案后才能" in html
    assert 'data-testid="propose-transfer"' not in html  # a lead cannot be proposed yet
    english = client.get(f"/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Next: review the lead" in english
    client.force_login(make_user("procurator", "110000", username="proc.next"))
    assert "下一步" not in client.get(f"/cases/{case.pk}/").content.decode()  # advice is for the handler


ASSERTED = {
    "title": "某公司再次假冒商标案",
    "domain": "trademark",
    "channel": "offline_market",
    "region_code": "110105",
    "offence": "counterfeit_registered_trademark",
    "conduct_date": "2025-09-01",
    "fact__illegal_business_amount_yuan": "35000",  # 3万 only after a penalty within two years
    "fact__prior_penalty_within_2y": "true",
    "party-kind": "person",
    "party-name": "张三",
    "party-resident_id": "11010519491231002X",
}


def test_a_prior_penalty_asserted_from_outside_records_needs_its_record_and_is_quoted(client, officer):
    client.force_login(officer)
    refused = client.post("/cases/new/", ASSERTED)
    assert refused.status_code == 200
    assert "请写明平台外的处罚记录" in refused.content.decode()
    assert not Case.objects.exists()

    note = "河北省石家庄市市场监管局 冀石市监罚〔2024〕31号，2024-11-05"
    created = client.post("/cases/new/", {**ASSERTED, "prior_penalty_note": note})
    assert created.status_code == 302, created.content.decode()[:2000]
    case = Case.objects.get()
    assert (case.prior_penalty_note, case.screening_outcome) == (note, "suspected_crime")
    result = case.screenings.first().result
    assert result["prior_penalty_asserted"] == {"note": note}
    assert f"办案人员依平台外记录认定（{note}）" in result["explanations"]["zh-hans"]
    assert "asserted by the officer from outside records" in result["explanations"]["en"]
    assert note in client.get(created["Location"]).content.decode()


def test_the_note_is_dropped_when_the_offence_has_no_repeat_rule(client, officer):
    client.force_login(officer)
    data = {**ASSERTED, "offence": "", "conduct_date": "", "prior_penalty_note": "某记录"}
    data.pop("fact__prior_penalty_within_2y")
    data.pop("fact__illegal_business_amount_yuan")
    assert client.post("/cases/new/", data).status_code == 302
    assert Case.objects.get().prior_penalty_note == ""
