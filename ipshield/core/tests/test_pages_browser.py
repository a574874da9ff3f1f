"""Real browser: two roles log in and see their own work; the language switch; the public portal."""

import pytest

from ipshield.core.testing import browser_login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_and_procurator_see_their_own_home(page, make_user):
    officer = make_user("officer", "110000", username="officer.beijing")
    make_user("procurator", "110000", username="procurator.beijing")
    browser_login(page, officer.username)
    assert page.inner_text("h1") == "我的工作"
    assert "执法人员" in page.inner_text("[data-testid=who]")
    officer_queues = page.eval_on_selector_all("[data-queue]", "els => els.map(e => e.dataset.queue)")
    assert "cases_due_soon" in officer_queues
    assert "cases_penalty_instead_of_transfer" not in officer_queues
    assert page.is_visible("nav >> text=案件")
    screenshot(page, "home-officer")
    page.click("text=退出")
    page.wait_for_selector("text=工作人员登录")

    browser_login(page, "procurator.beijing")
    assert "检察" in page.inner_text("[data-testid=who]")
    procurator_queues = page.eval_on_selector_all("[data-queue]", "els => els.map(e => e.dataset.queue)")
    assert "cases_penalty_instead_of_transfer" in procurator_queues
    assert "cases_due_soon" not in procurator_queues
    screenshot(page, "home-procurator")


def test_language_switch_to_english_and_back(page, make_user):
    make_user("officer", "110000", username="officer.beijing")
    browser_login(page, "officer.beijing")
    page.click("[data-testid=lang-en]")
    page.wait_for_selector("[data-testid=lang-zh]")
    assert page.inner_text("h1") == "My work"
    assert "Officer" in page.inner_text("[data-testid=who]")
    screenshot(page, "home-officer-en")
    page.click("[data-testid=lang-zh]")
    page.wait_for_selector("[data-testid=lang-en]")
    assert page.inner_text("h1") == "我的工作"


def test_public_portal_and_screening_page_need_no_account(page):
    page.goto(page.base_url + "/")
    assert "打击侵犯知识产权和制售假冒伪劣商品" in page.inner_text("h1")
    page.click("text=立案追诉标准查询")
    page.select_option("#id_offence", "sell_goods_with_counterfeit_trademark")
    # Wait for the swap itself: the previous offence may read the same metric.
    page.wait_for_selector("[data-fields-for=sell_goods_with_counterfeit_trademark]", state="attached")
    page.fill("#id_conduct_date", "2025-08-01")
    page.fill("input[name=fact__sales_amount_yuan]", "50000")
    page.click("form[data-testid=screening-form] button[type=submit]")
    result = page.wait_for_selector("[data-testid=screening-result]")
    assert result.get_attribute("data-outcome") == "suspected_crime"
    assert "法释〔2025〕5号" in result.inner_text()
    screenshot(page, "public-screening")
