"""Every figure of every report equals the `count` of the list it links to, for the national and a
provincial coordinator; another province sees none of it (issue 12: "a test proves a figure equals
the count of its drill-down list for every report")."""

import datetime as dt

import pytest

from ipshield.cases.services import case_create, case_transition
from ipshield.stats.reports import REPORTS, CountColumn
from ipshield.transfers.sample_evidence import attach_required_evidence
from ipshield.transfers.services import transfer_act, transfer_propose

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


@pytest.fixture
def beijing(make_user):
    officer = make_user("officer", "110000", username="officer.bj.stats")
    people = {
        "officer": officer,
        "officer2": make_user("officer", agency=officer.agency, username="officer2.bj.stats"),
        "head": make_user("agency_head", agency=officer.agency, username="head.bj.stats"),
        "police": make_user("police", "110000", username="police.bj.stats"),
        "coordinator": make_user("coordinator", "110000", username="coord.bj.stats"),
        "national": make_user("coordinator", "000000", username="coord.cn.stats"),
        "sh_officer": make_user("officer", "310000", username="officer.sh.stats"),
        "sh_coordinator": make_user("coordinator", "310000", username="coord.sh.stats"),
    }
    cases = []
    for region, amount, domain in [
        ("110105", 80000, "trademark"),  # Chaoyang: suspected, transferred
        ("110105", 10000, "trademark"),
        ("110108", 20000, "copyright"),  # Haidian
        ("110000", 30000, "trademark"),  # the province itself (本级)
    ]:
        case = case_create(
            actor=officer,
            data={
                "title": f"{region}案件",
                "domain": domain,
                "region_code": region,
                "offence": "sell_goods_with_counterfeit_trademark",
                "conduct_date": TODAY - dt.timedelta(days=30),
                "facts": {"sales_amount_yuan": amount},
            },
        )
        cases.append(case_transition(actor=officer, case=case, event="file"))
    decided = case_transition(actor=officer, case=cases[1], event="start_investigation")
    case_transition(
        actor=officer,
        case=decided,
        event="decide",
        data={
            "penalty_kinds": ["fine"],
            "fine_amount": 5000,
            "decision_number": "京罚〔2026〕9号",
            "amount_involved": "86000.00",
            "dens_destroyed": 2,
        },
    )
    attach_required_evidence(cases[0], officer)
    transfer = transfer_propose(
        actor=officer, case=cases[0], group_member_ids=[officer.pk, people["officer2"].pk], report="达到追诉标准"
    )
    transfer = transfer_act(actor=people["head"], transfer=transfer, action="approve")
    transfer_act(actor=officer, transfer=transfer, action="send")
    shanghai = case_create(
        actor=people["sh_officer"],
        data={"title": "上海案件", "domain": "trademark", "region_code": "310101"},
    )
    case_transition(actor=people["sh_officer"], case=shanghai, event="file")
    return people


def _report(client, key, **params):
    response = client.get(f"/api/v1/stats/reports/{key}", data=params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize("key", sorted(REPORTS))
@pytest.mark.parametrize(("who", "region"), [("national", "000000"), ("national", "110000"), ("coordinator", "110000")])
def test_every_figure_equals_the_count_of_its_records(api, beijing, key, who, region):
    client = api(beijing[who])
    body = _report(client, key, region=region)
    checked = 0
    for row in body["rows"]:
        for column, cell in row["cells"].items():
            if cell["records"] is None:
                continue
            listed = client.get(cell["records"])
            assert listed.status_code == 200, (cell["records"], listed.content)
            # A count equals its list's count; a sum (罚没款) lists the records it added up.
            expected = cell["value"] if cell.get("records_count") is None else cell["records_count"]
            assert listed.json()["count"] == expected, (row["label"], column, cell)
            checked += 1
    assert checked >= len(body["rows"])


def test_the_linkage_report_counts_what_happened_in_beijing(api, beijing):
    coordinator = api(beijing["coordinator"])
    body = _report(coordinator, "linkage", region="110000")
    total = next(r for r in body["rows"] if r["key"] == "total")["cells"]
    assert {k: total[k]["value"] for k in ("filed", "decided", "suspected", "transferred")} == {
        "filed": 4,
        "decided": 1,
        "suspected": 1,
        "transferred": 1,
    }
    assert total["transfer_rate"]["value"] == 25.0
    own = next(r for r in body["rows"] if r["key"] == "110000-own")
    assert own["cells"]["filed"]["value"] == 1  # the provincial agency's case registered to the province itself
    copyright_only = _report(coordinator, "linkage", region="110000", domain="copyright")
    assert next(r for r in copyright_only["rows"] if r["key"] == "total")["cells"]["filed"]["value"] == 1
    national = _report(api(beijing["national"]), "linkage", region="000000")
    by_province = {r["key"]: r["cells"]["filed"]["value"] for r in national["rows"]}
    assert (by_province["110000"], by_province["310000"], by_province["total"]) == (4, 1, 5)
    assert body["definitions"]["transfer_rate"]


def test_another_province_sees_none_of_it_and_bad_parameters_are_422(api, beijing):
    body = _report(api(beijing["sh_coordinator"]), "linkage", region="110000")
    assert all(c["value"] in (0, None) for r in body["rows"] for c in r["cells"].values())
    client = api(beijing["coordinator"])
    for params in [
        {"region": "999999"},
        {"region": "11"},
        {"from": "2026-02-30"},
        {"from": "2026-05-01", "to": "2026-04-01"},
        {"from": "1900-01-01"},
        {"domain": "moon"},
        {"region": "11000\x00"},
    ]:
        assert client.get("/api/v1/stats/reports/linkage", data=params).status_code in {400, 422}, params
    assert client.get("/api/v1/stats/reports/nonsense").status_code == 404
    assert client.get("/api/v1/stats/reports").json()[0]["columns"][0]["drills_down"] is True


def test_columns_of_every_report_drill_down_or_say_they_are_rates():
    for report in REPORTS.values():
        for column in report.columns:
            assert isinstance(column, CountColumn) or column.numerator and column.denominator


def test_the_page_shows_the_table_and_every_figure_opens_its_list(client, beijing):
    import re

    client.force_login(beijing["coordinator"])
    page = client.get("/stats/", {"report": "linkage", "region": "110000"})
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-testid="stats-table"' in html
    assert "移送公安机关 ÷ 行政立案 × 100%" in html  # 口径 on the page
    links = re.findall(r'<a href="([^"]+)" data-testid="figure-([^"]+)">(\d+)</a>', html)
    assert links
    for href, _name, value in links:
        listed = client.get(href.replace("&amp;", "&")).content.decode()
        assert 'data-testid="drill-banner"' in listed
        count = re.search(r"共 (\d+) (?:个案件|件)", listed)
        assert count, href
        assert int(count.group(1)) == int(value), (href, value)
    export = client.get("/stats/", {"report": "linkage", "region": "110000", "export": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get("/stats/", {"report": "linkage", "region": "999999"}).status_code == 422
    assert client.get("/stats/", {"report": "nope"}).status_code == 422
    client.force_login(beijing["sh_officer"])
    assert client.get("/stats/").status_code == 200  # their own province, by default


def test_the_page_and_the_api_are_for_staff_with_content_only(client, make_user, api):
    bank = make_user("bank", "110000", username="bank.stats")
    client.force_login(bank)
    assert client.get("/stats/").status_code == 403
    assert api(bank).get("/api/v1/stats/reports/linkage").status_code == 403


def test_own_level_counts_only_the_regions_own_records(api, beijing):
    client = api(beijing["coordinator"])
    body = _report(client, "linkage", region="110000", level="own")
    [row] = body["rows"]
    assert row["cells"]["filed"]["value"] == 1  # the provincial agency's own case, not the districts'
    assert client.get(row["cells"]["filed"]["records"]).json()["count"] == 1


def test_agency_kind_narrows_every_figure_and_its_list(api, beijing, make_user):
    client = api(beijing["coordinator"])
    market = _report(client, "linkage", region="110000", agency_kind="market_regulation")
    copyright_office = _report(client, "linkage", region="110000", agency_kind="copyright")
    total = market["rows"][-1]["cells"]["filed"]
    assert total["value"] == 4
    assert client.get(total["records"]).json()["count"] == 4
    assert copyright_office["rows"][-1]["cells"]["filed"]["value"] == 0
    assert client.get(copyright_office["rows"][-1]["cells"]["transferred"]["records"]).json()["count"] == 0


@pytest.mark.parametrize("params", [{"level": "below"}, {"agency_kind": "bank\x00"}, {"level": 7}])
def test_bad_level_or_agency_kind_is_a_422(api, beijing, params):
    response = api(beijing["coordinator"]).get("/api/v1/stats/reports/linkage", data=params)
    assert response.status_code in {400, 422}


@pytest.fixture
def tips_in_beijing(make_user):
    from django.utils import timezone

    from ipshield.tips.services import reporter_rate, tip_act, tip_submit

    officer = make_user("officer", "110000", username="officer.bj.tips")
    coordinator = make_user("coordinator", "110000", username="coord.bj.tips")
    now = timezone.now()
    tips = []
    for index in range(4):
        tip, _passphrase = tip_submit(
            data={
                "domain": "trademark",
                "description": f"北京某店销售假冒运动鞋（统计测试{index}），价格明显低于市场价。",
                "address": "北京市朝阳区建国路88号",
                "target_name": f"统计测试店{index}",
                "anonymous": True,
            },
            now=now - dt.timedelta(days=3),
        )
        tips.append(tip)
    for tip in tips:
        tip.agency = officer.agency
        tip.save(update_fields=["agency"])
    accepted = tip_act(actor=officer, tip=tips[0], action="accept", now=now - dt.timedelta(days=2))
    concluded = tip_act(actor=officer, tip=accepted, action="conclude", data={"result": "经查属实，已立案查处。"})
    reporter_rate(tip=concluded, satisfaction=5)
    tip_act(actor=officer, tip=tips[1], action="reject", data={"reason": "举报内容不属于本机关职责。"})
    return {"officer": officer, "coordinator": coordinator}


def test_tips_report_figures_equal_their_lists_and_rates_follow(api, tips_in_beijing):
    client = api(tips_in_beijing["coordinator"])
    body = _report(client, "tips", region="110000")
    total = body["rows"][-1]["cells"]
    assert total["received"]["value"] == 4
    assert total["decided"]["value"] == 2
    assert total["accepted"]["value"] == 1
    assert total["concluded"]["value"] == 2  # the rejected one is concluded too (the reporter was told)
    assert total["satisfied"]["value"] == 1
    assert total["satisfaction_rate"]["value"] == 100.0
    for row in body["rows"]:
        for key, cell in row["cells"].items():
            if cell["records"]:
                assert client.get(cell["records"]).json()["count"] == cell["value"], (row["key"], key)
    page = api(tips_in_beijing["officer"])
    assert page.get(total["received"]["records"]).json()["count"] == 4  # the handling agency sees them too


def test_disclosure_report_counts_due_published_and_on_time(api, beijing):
    from ipshield.disclosure.models import Disclosure
    from ipshield.disclosure.services import disclosure_publish

    officer = beijing["officer"]
    case = case_create(
        actor=officer,
        data={"title": "公开统计案", "domain": "trademark", "region_code": "110105"},
        parties=[{"kind": "enterprise", "name": "北京某某商贸有限公司", "uscc": "91110105MA0000015F"}],
    )
    for event, data in [
        ("file", {}),
        ("start_investigation", {}),
        ("decide", {"penalty_kinds": ["fine"], "fine_amount": 3000, "decision_number": "京罚〔2026〕77号"}),
    ]:
        case = case_transition(actor=officer, case=case, event=event, data=data)
    client = api(beijing["coordinator"])
    before = _report(client, "disclosure", region="110000")["rows"][-1]["cells"]
    assert before["due"]["value"] == 1
    assert before["published"]["value"] == 0
    assert before["publish_rate"]["value"] == 0.0
    disclosure_publish(actor=beijing["head"], disclosure=Disclosure.objects.get())
    after = _report(client, "disclosure", region="110000")["rows"][-1]["cells"]
    assert (after["published"]["value"], after["on_time"]["value"]) == (1, 1)
    assert (after["publish_rate"]["value"], after["on_time_rate"]["value"]) == (100.0, 100.0)
    for key in ("due", "published", "on_time"):
        assert client.get(after[key]["records"]).json()["count"] == after[key]["value"]
    assert api(beijing["sh_coordinator"]).get(after["due"]["records"]).json()["count"] == 0


def test_each_figure_carries_last_year_and_the_period_before(api, beijing):
    from ipshield.stats.reports import Period

    client = api(beijing["coordinator"])
    body = _report(
        client, "linkage", region="110000", **{"from": TODAY.replace(day=1).isoformat(), "to": TODAY.isoformat()}
    )
    filed = body["rows"][-1]["cells"]["filed"]
    assert filed["value"] == 4
    assert filed["last_year"] == 0  # nothing a year ago: no 同比 is computed
    assert filed["yoy"] is None
    assert body["previous"]["to"] == (TODAY.replace(day=1) - dt.timedelta(days=1)).isoformat()
    quarter = Period(dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert quarter.previous() == Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert Period(dt.date(2024, 2, 29), dt.date(2024, 3, 5)).last_year() == Period(
        dt.date(2023, 2, 28), dt.date(2023, 3, 5)
    )
    assert Period(dt.date(2026, 3, 10), dt.date(2026, 3, 19)).previous() == Period(
        dt.date(2026, 2, 28), dt.date(2026, 3, 9)
    )


def test_change_is_a_rounded_per_cent():
    from ipshield.stats.reports import percent_change

    assert percent_change(15, 10) == 50.0
    assert percent_change(2, 3) == -33.3
    assert percent_change(5, 0) is None


def test_the_report_prints_to_pdf_with_its_figures(client, beijing):
    import io

    from pypdf import PdfReader

    client.force_login(beijing["coordinator"])
    response = client.get("/stats/", {"report": "linkage", "region": "110000", "export": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "两法衔接工作情况" in text
    assert "朝阳区" in text
    assert "统计口径" in text


def test_market_ip_table_rows_are_ip_types_and_sum_the_penalties(api, beijing):
    client = api(beijing["coordinator"])
    body = _report(client, "market_ip", region="110000")
    assert [row["key"] for row in body["rows"]] == ["trademark", "geographical_indication", "patent", "other", "total"]
    by_key = {row["key"]: row["cells"] for row in body["rows"]}
    # Three trademark-domain cases and one copyright case, all screened for a trademark offence:
    # the copyright-domain one is a trademark case by its offence.
    assert by_key["trademark"]["filed"]["value"] == 4
    assert by_key["other"]["filed"]["value"] == 0
    assert by_key["total"]["penalties"]["value"] == 0.5  # 5,000 yuan fine = 0.5 万元
    assert by_key["total"]["penalties"]["records_count"] == 1
    assert by_key["trademark"]["transferred"]["value"] == 1
    listed = client.get(by_key["trademark"]["transferred"]["records"]).json()
    assert listed["count"] == 1


def test_stages_count_cases_and_persons_and_every_figure_drills_down(api, beijing):
    from ipshield.transfers.criminal_steps import criminal_step_record
    from ipshield.transfers.models import Transfer

    transfer = Transfer.objects.get()
    police = beijing["police"]
    transfer = transfer_act(
        actor=police, transfer=transfer, action="receive", data={"manifest_hash": transfer.manifest_hash}
    )
    transfer = transfer_act(actor=police, transfer=transfer, action="accept")
    for name in ("张三", "李四"):
        criminal_step_record(actor=police, transfer=transfer, kind="detention", person_name=name, occurred_on=TODAY)
    client = api(beijing["coordinator"])
    body = _report(client, "linkage_stages", region="110000")
    total = body["rows"][-1]["cells"]
    assert total["sent"]["value"] == 1
    assert total["accepted"]["value"] == 1
    assert total["refused"]["value"] == 0
    assert total["detained"]["value"] == 2  # two persons in one case
    assert total["police_rate"]["value"] == 100.0
    chaoyang = next(r for r in body["rows"] if r["key"] == "110105")["cells"]
    assert chaoyang["detained"]["value"] == 2
    for row in body["rows"]:
        for key, cell in row["cells"].items():
            if cell["records"]:  # a count is its list's count; an average or sum says how many it read
                expected = cell["value"] if cell.get("records_count") is None else cell["records_count"]
                assert client.get(cell["records"]).json()["count"] == expected, (row["key"], key)
    outsider = api(beijing["sh_coordinator"])
    assert outsider.get(total["detained"]["records"]).json()["count"] == 0


def test_the_page_lists_behind_every_figure_count_the_same_as_the_api(client, beijing):
    """The page a figure links to (not only its API twin) shows exactly that many records."""
    import re

    client.force_login(beijing["coordinator"])
    for key in sorted(REPORTS):
        body = client.get(f"/api/v1/stats/reports/{key}", {"region": "110000"})
        assert body.status_code == 200
        for row in body.json()["rows"]:
            for column, cell in row["cells"].items():
                if not cell["records"] or not cell["value"]:
                    continue
                listed = client.get(_page_of(cell["records"]))
                assert listed.status_code == 200, (key, column, cell["records"])
                shown = re.search(r"共 ([0-9,]+) ", listed.content.decode())
                expected = cell["value"] if cell.get("records_count") is None else cell["records_count"]
                assert shown is not None, (key, column)
                assert int(shown.group(1).replace(",", "")) == expected, (key, row["key"], column)


def _page_of(records: str) -> str:
    path, _sep, query = records.partition("?")
    pages = {
        "/api/v1/cases": "/cases/",
        "/api/v1/transfers": "/transfers/",
        "/api/v1/tips": "/tips/",
        "/api/v1/disclosures": "/disclosures/review/",
        "/api/v1/criminal-steps": "/transfers/criminal-steps/",
    }
    return f"{pages[path]}?{query}"


@pytest.fixture
def paid_reward(beijing):
    """A Beijing tip that became a case with a fine, and the reporter's reward paid today."""
    from ipshield.tips.models import Tip
    from ipshield.tips.rewarding import reward_claim, reward_decide, reward_pay, reward_propose
    from ipshield.tips.services import tip_act, tip_submit, tip_to_case

    officer = beijing["officer"]
    tip, _ = tip_submit(
        data={
            "domain": "trademark",
            "description": "某商店销售假冒运动鞋。",
            "address": "北京市朝阳区建国路88号",
            "target_name": "某某体育用品店",
            "anonymous": False,
            "reporter": {"name": "王小明", "phone": "13912345678"},
        }
    )
    case = tip_to_case(actor=officer, tip=tip)
    for event, data in [
        ("file", {}),
        ("start_investigation", {}),
        ("decide", {"penalty_kinds": ["fine"], "fine_amount": 200000, "decision_number": "京罚〔2026〕10号"}),
    ]:
        case = case_transition(actor=officer, case=case, event=event, data=data)
    tip_act(actor=officer, tip=Tip.objects.get(pk=tip.pk), action="accept")
    concluded = tip_act(actor=officer, tip=Tip.objects.get(pk=tip.pk), action="conclude", data={"result": "已处罚"})
    reward = reward_decide(
        actor=beijing["head"], reward=reward_propose(actor=officer, tip=concluded, level=1), approve=True
    )
    reward_claim(tip=concluded)
    return reward_pay(actor=officer, reward=reward)


@pytest.mark.parametrize("who", ["national", "coordinator"])
def test_the_tips_report_counts_rewards_paid_and_their_amount(api, beijing, paid_reward, who):
    client = api(beijing[who])
    body = _report(client, "tips", region="110000")
    total = next(r for r in body["rows"] if r["key"] == "total")["cells"]
    assert total["rewarded"]["value"] == 1
    assert total["reward_amount"]["value"] == float(paid_reward.amount_yuan)  # 元
    assert total["reward_amount"]["records_count"] == 1
    listed = client.get(total["reward_amount"]["records"]).json()
    assert listed["count"] == 1
    assert listed["items"][0]["tracking_number"] == paid_reward.tip.tracking_number
    assert "奖励" in body["definitions"]["reward_amount"]
    elsewhere = _report(api(beijing["sh_coordinator"]), "tips", region="310000")
    assert next(r for r in elsewhere["rows"] if r["key"] == "total")["cells"]["rewarded"]["value"] == 0


def test_the_officer_workload_names_each_handling_officer_and_drills_to_their_cases(api, beijing):
    client = api(beijing["coordinator"])
    body = _report(client, "workload_officers", region="110000")
    assert body["row_kind"] == "officer"
    officer = beijing["officer"]
    row = next(r for r in body["rows"] if r["key"] == f"officer-{officer.pk}")
    assert officer.agency.name in row["label"]
    assert row["cells"]["filed"]["value"] == 4  # the four Beijing cases the officer registered
    assert row["cells"]["transferred"]["value"] == 1
    listed = client.get(row["cells"]["filed"]["records"]).json()
    assert listed["count"] == 4
    page = api(beijing["coordinator"]).get(row["cells"]["transferred"]["records"]).json()
    assert page["count"] == 1
    # The list page behind a figure names the officer in its banner.
    from django.test import Client

    from ipshield.core.testing import verify_second_factor

    browser = Client()
    verify_second_factor(browser, beijing["coordinator"])
    html = browser.get(f"/cases/?officer={officer.pk}&filed_from=2000-01-01").content.decode()
    assert "承办人" in html
    assert browser.get("/cases/?officer=abc").status_code == 422  # never "everything"
    assert api(beijing["sh_coordinator"]).get(row["cells"]["filed"]["records"]).json()["count"] == 0


def test_the_market_table_adds_up_the_amount_involved_and_dens_destroyed_of_decided_cases(api, beijing):
    body = _report(api(beijing["coordinator"]), "market_ip", region="110000")
    total = next(r for r in body["rows"] if r["key"] == "total")["cells"]
    assert total["amount_involved"]["value"] == 8.6  # 万元
    assert total["dens_destroyed"]["value"] == 2
    assert total["dens_destroyed"]["records_count"] == 1  # the one decided case behind both
    assert "涉案金额" in body["definitions"]["amount_involved"]


def test_the_stages_report_gives_the_average_days_of_each_stage_over_the_records_it_links(api, beijing):
    from django.utils import timezone

    from ipshield.cases.models import Case

    now = timezone.now()
    beijing_cases = Case.objects.filter(region_province="11").order_by("id")
    for index, case in enumerate(beijing_cases):  # filed 2, 4, 6, 8 days after the lead
        Case.objects.filter(pk=case.pk).update(
            lead_received_at=now - dt.timedelta(days=20), filed_at=now - dt.timedelta(days=18 - 2 * index)
        )
    decided = beijing_cases.filter(decided_at__isnull=False).get()
    Case.objects.filter(pk=decided.pk).update(
        decided_at=decided.filed_at + dt.timedelta(days=12) - dt.timedelta(days=1)
    )
    client = api(beijing["coordinator"])
    body = _report(client, "linkage_stages", region="110000")
    total = next(r for r in body["rows"] if r["key"] == "total")["cells"]
    assert total["filing_days"]["value"] == 5.0  # (2 + 4 + 6 + 8) / 4
    assert total["filing_days"]["records_count"] == 4
    assert total["decision_days"]["value"] == 11.0
    assert total["police_days"]["value"] is None  # no transfer accepted yet: no average, not 0
    assert client.get(total["filing_days"]["records"]).json()["count"] == 4
