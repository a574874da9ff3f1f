"""Real browser: a citizen reports with a photo; the routed officer accepts and replies; the
citizen sees the reply; an officer of another province gets 404."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from ipshield.core.testing import browser_login, captcha_answer, screenshot
from ipshield.core.tests.file_corpus import LEGITIMATE
from ipshield.tips.models import Tip

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PNG = LEGITIMATE["png photo"]()


def test_citizen_report_to_reply(page, tip_cast, tmp_path, settings):
    settings.IPSHIELD_CAPTCHA = "on"
    photo = tmp_path / "现场照片.png"
    photo.write_bytes(PNG)
    page.goto(page.base_url + "/")
    page.click("[data-testid=tile-report]")
    page.select_option("#id_domain", "trademark")
    page.fill("#id_description", "朝阳区某体育用品店销售假冒运动鞋，标价明显低于正品。")
    page.fill("#id_address", "北京市朝阳区建国路88号")
    page.fill("#id_target_name", "某某体育用品店")
    # Anonymous by default: no name or phone is asked; unticking asks for them.
    assert page.is_checked("#id_anonymous")
    assert not page.is_visible("#id_name")
    assert not page.is_visible("#id_phone")
    page.uncheck("#id_anonymous")
    assert page.is_visible("#id_name")
    page.check("#id_anonymous")
    assert not page.is_visible("#id_phone")
    # The region is chosen by name, province → prefecture → county.
    for select, code, shown in (
        ("#id_region_code", "110000", "北京市"),
        ("#id_region_code_2", "110100", "市辖区"),
        ("#id_region_code_3", "110105", "朝阳区"),
    ):
        chosen = _pick_region(page, select, code, shown)
    assert "北京市" in chosen.inner_text()
    page.set_input_files("#id_attachments", str(photo))
    page.fill("#id_captcha_answer", captcha_answer(page))
    screenshot(page, "tip-form")
    page.click("[data-testid=tip-submit]")
    page.wait_for_selector("[data-testid=receipt]")
    tracking = page.inner_text("[data-testid=tracking-number]")
    passphrase = page.inner_text("[data-testid=passphrase]")
    assert page.is_visible("[data-testid=receipt-download]")
    screenshot(page, "tip-receipt")
    tip = Tip.objects.get(tracking_number=tracking)
    assert tip.agency == tip_cast["officer"].agency
    assert tip.region_code == "110105"
    assert tip.anonymous
    page.click("[data-testid=receipt-status-link]")
    assert page.input_value("#id_tracking_number") == tracking  # carried over; the passphrase never is
    assert page.input_value("#id_passphrase") == ""

    browser_login(page, "officer.bj")
    page.goto(page.base_url + f"/tips/{tip.pk}/")
    assert "现场照片.png" in page.inner_text("body")
    page.click("[data-testid=tip-accept]")
    page.wait_for_selector(".messages")
    page.fill("#reply", "已派员核查，发现假冒运动鞋，已登记保存。")
    page.click("[data-testid=tip-reply]")
    page.wait_for_selector(".messages")
    assert page.inner_text("[data-testid=tip-state]") == "已受理"
    page.click("text=退出")
    page.wait_for_selector("text=工作人员登录")

    page.goto(page.base_url + "/tips/status/")
    page.fill("#id_tracking_number", tracking)
    page.fill("#id_passphrase", passphrase)
    page.click("form[data-testid=status-form] button[type=submit]")
    messages = page.inner_text("[data-testid=tip-messages]")
    assert "您的举报已受理" in messages
    assert "已派员核查" in messages
    screenshot(page, "tip-status")

    browser_login(page, "officer.sh")
    response = page.goto(page.base_url + f"/tips/{tip.pk}/")
    assert response.status == 404


def _pick_region(page, select, code, shown):
    """Choose one level of the picker and wait for htmx to redraw it with the choice named."""
    done = f"[data-testid=region-picker-region_code] .region-chosen:has-text('{shown}')"
    page.wait_for_selector(f"{select} option[value='{code}']", state="attached")
    page.select_option(select, code)
    try:
        return page.wait_for_selector(done, timeout=10_000)
    except PlaywrightTimeout:  # a change fired while htmx was still binding the new selects
        page.dispatch_event(select, "change")
        return page.wait_for_selector(done, timeout=30_000)
