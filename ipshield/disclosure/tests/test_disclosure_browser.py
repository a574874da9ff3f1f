"""Real browser: a published decision is in the public search at once, masked; a blacklisted
enterprise shows as listed in the public query and in the bank feed, and its removal in both."""

import datetime as dt

import pytest
from django.utils import timezone

from ipshield.core.testing import browser_login, browser_verify, screenshot
from ipshield.credit.models import Enterprise
from ipshield.disclosure.models import Disclosure

from .test_disclosure import decided, people  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_publish_then_find_it_masked(page, decided):  # noqa: F811
    browser_login(page, "officer.bj")
    page.goto(page.base_url + f"/disclosures/review/{decided.pk}/")
    page.click("[data-testid=disclosure-publish]")
    page.wait_for_selector(".messages")
    assert page.inner_text("[data-testid=disclosure-status]") == "已公开"
    page.click("text=退出")
    page.goto(page.base_url + "/")
    page.click("[data-testid=tile-disclosures]")
    page.fill("#q", "白酒")
    page.click("form[data-testid=disclosure-search] button[type=submit]")
    item = page.wait_for_selector("[data-testid=disclosure-item]")
    text = item.inner_text()
    assert "京市监罚〔2024〕88号" in text
    assert "11010519491231002X" not in page.content()
    assert "110105********002X" in text
    screenshot(page, "disclosure-search")


def test_blacklist_listing_and_removal_in_public_query_and_bank_feed(page, people, make_user):  # noqa: F811
    make_user("bank", "110000", username="bank.bj")
    enterprise = Enterprise.objects.create(
        uscc="91350100M000100Y43", name="某某商贸有限公司", name_key="某某商贸有限公司", region_code="110105"
    )
    browser_login(page, "head.bj")
    browser_verify(page, people["head"])
    page.goto(page.base_url + f"/credit/enterprises/{enterprise.pk}/")
    page.fill("#lb", "两次以上销售假冒注册商标商品受行政处罚")
    page.fill("#pe", (timezone.localdate() + dt.timedelta(days=3 * 365)).isoformat())
    page.click("[data-testid=blacklist-list]")
    page.wait_for_selector(".messages")
    page.goto(page.base_url + "/credit/?q=91350100M000100Y43")
    assert page.is_visible("[data-testid=listed]")
    token = page.request.post(
        page.base_url + "/api/v1/auth/token", data={"username": "bank.bj", "password": "correct-horse-battery"}
    ).json()["token"]
    feed = page.request.get(
        page.base_url + "/api/v1/credit/feed?since=0", headers={"Authorization": f"Bearer {token}"}
    ).json()
    assert [(i["action"], i["listed"]) for i in feed["items"]] == [("listed", True)]
    screenshot(page, "credit-listed")

    page.goto(page.base_url + f"/credit/enterprises/{enterprise.pk}/")
    page.fill("input[name=reason]", "信用修复申请已批准")
    page.click("[data-testid=blacklist-remove]")
    page.wait_for_selector(".messages")
    page.goto(page.base_url + "/credit/?q=91350100M000100Y43")
    page.wait_for_selector("[data-testid=credit-result]")
    assert not page.is_visible("[data-testid=listed]")
    after = page.request.get(
        page.base_url + f"/api/v1/credit/feed?since={feed['next_cursor']}", headers={"Authorization": f"Bearer {token}"}
    ).json()
    assert [(i["action"], i["listed"]) for i in after["items"]] == [("removed", False)]
    assert Disclosure.objects.count() == 0
