"""Real browser: propose → head approves → send → police accept, each from their own login."""

import pytest

from ipshield.core.testing import browser_login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logout(page):
    page.click("text=退出")
    page.wait_for_selector("text=工作人员登录")


def test_transfer_from_case_page_to_police_acceptance(page, cast, filed_case):
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
    page.goto(url)
    page.click("[data-testid=action-approve]")
    assert page.inner_text("[data-testid=transfer-status]") == "负责人已批准"
    _logout(page)

    browser_login(page, "officer.bj")
    page.goto(url)
    page.click("[data-testid=action-send]")
    assert page.inner_text("[data-testid=transfer-status]") == "已移送公安机关"
    assert page.is_visible("[data-testid=doc-transfer_letter]")
    _logout(page)

    browser_login(page, "police.bj")
    page.goto(page.base_url + "/work/")
    assert page.is_visible("[data-queue=transfers_police_pending] >> text=1")
    page.goto(url)
    page.fill("#ccn", "京公刑〔2025〕12号")
    page.click("[data-testid=action-accept]")
    assert page.inner_text("[data-testid=transfer-status]") == "公安机关已立案"
    screenshot(page, "transfer-accepted")
    _logout(page)

    browser_login(page, "officer.sh")
    response = page.goto(url)
    assert response.status == 404
