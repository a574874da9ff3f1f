"""Real browser: one case from proposal to judgment, each step by the user who owns it."""

import io

import pytest
from pypdf import PdfReader

from ipshield.core.testing import browser_login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logout(page):
    page.click("text=退出")
    page.wait_for_selector("text=工作人员登录")


def _act(page, url, action, reason=None):
    page.goto(url)
    if reason is not None:
        page.fill(f"#reason-{action}", reason)
    page.click(f"[data-testid=action-{action}]")
    page.wait_for_selector(".messages")


def _step(page, url, kind, person, result=""):
    page.goto(url)
    page.click("text=登记环节")
    page.select_option("#id_kind", kind)
    page.fill("#id_person_name", person)
    page.fill("#id_result", result)
    page.click("form[action$='/steps/'] button[type=submit]")
    page.wait_for_selector(".messages")


def test_case_from_proposal_to_judgment(page, cast, filed_case):
    browser_login(page, "officer.bj")
    page.goto(page.base_url + f"/cases/{filed_case.pk}/")
    page.click("[data-testid=propose-transfer]")
    page.check(f"input[name=group_members][value='{cast['officer2'].pk}']")
    page.fill("#id_report", "销售金额8万元，超过5万元追诉标准。")
    page.click("[data-testid=propose-submit]")
    assert page.inner_text("[data-testid=transfer-status]") == "已提请移送"
    assert "当前环节期限" in page.inner_text("[data-testid=transfer-deadline]")
    url = page.url
    _logout(page)

    browser_login(page, "head.bj")
    _act(page, url, "approve")
    assert page.inner_text("[data-testid=transfer-status]") == "负责人已批准"
    _logout(page)

    browser_login(page, "officer.bj")
    _act(page, url, "send")
    assert page.inner_text("[data-testid=transfer-status]") == "已移送公安机关"
    pdf = page.request.get(page.base_url + page.get_attribute("[data-testid=doc-transfer_letter]", "href"))
    assert pdf.headers["content-type"] == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.body())).pages[0].extract_text().replace("\n", "")
    assert "涉嫌犯罪案件移送书" in text
    assert "北京市公安局" in text or cast["police"].agency.name in text
    assert "某公司销售假冒白酒案" in text
    _logout(page)

    browser_login(page, "police.bj")
    page.goto(page.base_url + "/work/")
    assert page.is_visible("[data-queue=transfers_police_pending] >> text=1")
    _act(page, url, "refuse_case", "现有证据不能证明销售金额")
    assert page.inner_text("[data-testid=transfer-status]") == "公安机关不予立案"
    _logout(page)

    browser_login(page, "officer.bj")
    _act(page, url, "request_reconsideration", "进货单和销售账册证明销售金额8万元")
    assert page.inner_text("[data-testid=transfer-status]") == "已提请复议"
    _logout(page)

    browser_login(page, "police.bj")
    page.goto(url)
    page.fill("#ccn", "京公刑〔2025〕12号")
    page.click("[data-testid=action-accept]")
    assert page.inner_text("[data-testid=transfer-status]") == "公安机关已立案"
    _step(page, url, "detention", "张三", "刑事拘留")
    _logout(page)

    browser_login(page, "proc.bj")
    _step(page, url, "prosecuted", "张三", "以销售假冒注册商标的商品罪提起公诉")
    _logout(page)

    browser_login(page, "judge.bj")
    _step(page, url, "judged", "张三", "判处有期徒刑一年，并处罚金")
    assert "判处有期徒刑一年" in page.inner_text("body")
    assert "涉案人员 1 人" in page.inner_text("body")
    screenshot(page, "transfer-judged")
    _logout(page)

    browser_login(page, "officer.sh")
    response = page.goto(url)
    assert response.status == 404
