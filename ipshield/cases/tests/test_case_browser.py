"""Real browser: an officer records a case whose figures cross a threshold and sees the banner."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from ipshield.cases.services import case_create
from ipshield.core.models import User
from ipshield.core.testing import browser_login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_case_crossing_a_threshold_shows_the_banner_and_explanation(page, make_user):
    make_user("officer", "110000", username="officer.beijing")
    browser_login(page, "officer.beijing")
    page.click("nav >> text=案件")
    page.click("[data-testid=new-case]")
    page.fill("#id_title", "某商贸公司销售假冒运动鞋案")
    page.select_option("#id_domain", "trademark")
    page.select_option("#id_offence", "sell_goods_with_counterfeit_trademark")
    page.wait_for_selector("[data-fields-for=sell_goods_with_counterfeit_trademark]", state="attached")
    page.fill("#id_conduct_date", "2025-09-01")
    page.fill("input[name=fact__sales_amount_yuan]", "62000")
    # inline validation of a bad USCC, in Chinese, before saving
    page.select_option("#id_party-kind", "enterprise")
    page.fill("#id_party-name", "某商贸有限公司")
    page.fill("#id_party-uscc", "91350100M000100Y44")
    page.press("#id_party-uscc", "Tab")
    page.wait_for_selector("#err-party-uscc:has-text('校验位不正确')")
    page.fill("#id_party-uscc", "91350100M000100Y43")
    page.press("#id_party-uscc", "Tab")
    expect(page.locator("#err-party-uscc")).to_have_text("")
    screenshot(page, "case-form")
    page.click("[data-testid=save-case]")
    banner = page.wait_for_selector("[data-testid=crime-banner]")
    text = banner.inner_text()
    assert "涉嫌犯罪，应当移送" in text
    assert "62,000 >= 50,000" in text
    assert "法释〔2025〕5号" in text
    screenshot(page, "case-detail-suspected")

    page.click("nav >> text=案件")
    page.select_option("#id_screening", "suspected_crime")
    page.wait_for_selector("[data-testid=case-count]:has-text('共 1 个案件')")
    screenshot(page, "case-list")


def test_two_split_cases_become_suspected_together_and_name_each_other(page, make_user):
    """Beijing recorded 3万 against a company; Shanghai records another 3万: both are suspected
    by the sum, each page names the other by its agency (and by number where the reader may see it)."""
    beijing_officer = make_user("officer", "110000", username="officer.beijing")
    make_user("officer", "310000", username="officer.shanghai")
    beijing = case_create(
        actor=beijing_officer,
        data={
            "title": "北京某店销售假冒运动鞋案",
            "domain": "trademark",
            "offence": "sell_goods_with_counterfeit_trademark",
            "conduct_date": dt.date(2025, 9, 1),
            "facts": {"sales_amount_yuan": 30000},
        },
        parties=[{"kind": "enterprise", "name": "某商贸有限公司", "uscc": "91350100M000100Y43"}],
    )
    browser_login(page, "officer.shanghai")
    page.goto(page.base_url + "/cases/new/")
    page.fill("#id_title", "上海某店销售假冒运动鞋案")
    page.select_option("#id_domain", "trademark")
    page.select_option("#id_offence", "sell_goods_with_counterfeit_trademark")
    page.wait_for_selector("[data-fields-for=sell_goods_with_counterfeit_trademark]", state="attached")
    page.fill("#id_conduct_date", "2025-10-01")
    page.fill("input[name=fact__sales_amount_yuan]", "30000")
    page.select_option("#id_party-kind", "enterprise")
    page.fill("#id_party-name", "某商贸有限公司")
    page.fill("#id_party-uscc", "91350100M000100Y43")
    page.click("[data-testid=save-case]")
    banner = page.wait_for_selector("[data-testid=crime-banner]")
    text = banner.inner_text()
    assert "涉嫌犯罪（累计计算），应当移送" in text
    assert "60,000" in text
    # Beijing's case: its agency and a count, not its content
    assert beijing.agency.name in page.inner_text("[data-testid=cumulative-other]")
    assert beijing.number not in page.content()
    screenshot(page, "case-cumulative-shanghai")
    page.click("text=退出")
    page.wait_for_selector("text=工作人员登录")

    browser_login(page, "officer.beijing")
    page.goto(page.base_url + f"/cases/{beijing.pk}/")
    text = page.inner_text("[data-testid=crime-banner]")
    assert "涉嫌犯罪（累计计算）" in text
    shanghai_agency = User.objects.get(username="officer.shanghai").agency
    assert shanghai_agency.name in page.inner_text("[data-testid=cumulative-other]")
    page.click("[data-testid=lang-en]")
    page.wait_for_selector("[data-testid=lang-zh]")
    assert "Suspected crime (cumulative)" in page.inner_text("[data-testid=crime-banner]")
    screenshot(page, "case-cumulative-beijing-en")
