"""Real browser: a listed enterprise applies for credit repair from the portal, the listing agency's
officer approves it from the work queue, and the public query shows the removal; an officer
confirms that a traditional-character spelling is the same subject."""

import datetime as dt

import pytest
from django.utils import timezone

from ipshield.core.testing import browser_login, captcha_answer, screenshot
from ipshield.credit.models import BlacklistEntry, EnterpriseMatch, IntegrityEvent
from ipshield.credit.services import blacklist_list, enterprise_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
USCC = "91350100M000100Y43"


def test_credit_repair_from_application_to_removal(page, make_user, settings):
    settings.IPSHIELD_CAPTCHA = "on"
    officer = make_user("officer", "110000", username="officer.bj")
    head = make_user("agency_head", agency=officer.agency, username="head.bj")
    enterprise = enterprise_for(name="某某商贸有限公司", uscc=USCC, region_code="110105")
    blacklist_list(
        actor=head,
        enterprise=enterprise,
        legal_basis="两年内两次售假",
        planned_end=timezone.localdate() + dt.timedelta(900),
    )
    page.goto(page.base_url + "/")
    page.click("[data-testid=tile-repair]")
    page.fill("#uscc", USCC)
    page.fill("#applicant", "王经理")
    page.fill("#contact", "13912345678")
    page.fill("#statement", "已整改")
    page.fill("#captcha_answer", captcha_answer(page))
    page.click("form[data-testid=repair-form] button[type=submit]")
    assert "至少20字" in page.inner_text("[data-testid=repair-errors]")
    assert page.input_value("#applicant") == "王经理"  # nothing typed is lost
    page.fill("#statement", "已缴清罚款，销毁全部假冒商品，建立进货查验制度并接受回访检查。")
    page.fill("#captcha_answer", captcha_answer(page))
    page.click("form[data-testid=repair-form] button[type=submit]")
    receipt = page.wait_for_selector("[data-testid=repair-receipt]")
    assert officer.agency.name in receipt.inner_text()
    screenshot(page, "credit-repair-receipt")

    browser_login(page, "officer.bj")
    page.click("[data-queue=credit_repair_pending]")
    page.click("[data-testid=repair-list] a")
    page.fill("#reason", "已履行处罚决定，整改到位")
    screenshot(page, "credit-repair-decide")
    page.click("[data-testid=repair-approve]")
    page.wait_for_selector(".messages")
    assert page.inner_text("[data-testid=repair-status]") == "准予修复"
    assert BlacklistEntry.objects.get().removed_on == timezone.localdate()
    page.goto(page.base_url + f"/credit/?q={USCC}")
    result = page.inner_text("[data-testid=credit-result]")
    assert "移出失信黑名单：信用修复：已履行处罚决定，整改到位" in result
    assert not page.is_visible("[data-testid=listed]")


def test_an_officer_confirms_a_traditional_spelling_is_the_same_subject(page, make_user):
    make_user("officer", "110000", username="officer.bj")
    registered = enterprise_for(name="恒远商贸有限公司", uscc=USCC, region_code="110105")
    seller = enterprise_for(name="恆遠商貿有限責任公司", region_code="110105")
    IntegrityEvent.objects.create(enterprise=seller, kind="penalty", occurred_on="2026-03-01", summary="网店售假罚款")
    browser_login(page, "officer.bj")
    page.click("[data-queue=credit_matches_proposed]")
    row = page.wait_for_selector("[data-testid=match-row]")
    assert "繁体/简体不同" in row.inner_text()
    assert "90" in row.inner_text()
    screenshot(page, "credit-matches")
    page.click("[data-testid=match-confirm]")
    page.wait_for_selector(".messages")
    assert EnterpriseMatch.objects.get().status == "confirmed"
    page.goto(page.base_url + f"/credit/enterprises/{seller.pk}/")  # leads to the surviving record
    assert page.inner_text("h1") == registered.name
    assert "网店售假罚款" in page.inner_text("main")
    assert "已确认合并" in page.inner_text("[data-testid=enterprise-matches]")
    screenshot(page, "credit-enterprise")
