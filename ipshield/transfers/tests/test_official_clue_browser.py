"""Real browser: an officer reports a clue about officials from the case page; the procuratorate
finds it on its home page, receives it and records what it did before the deadline."""

import pytest

from ipshield.core.testing import browser_login, screenshot
from ipshield.transfers.models import OfficialClue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_clue_goes_from_the_case_page_to_the_procuratorate_and_back(page, cast, filed_case):
    browser_login(page, "officer.bj")
    page.goto(page.base_url + f"/cases/{filed_case.pk}/")
    page.click("[data-testid=report-clue]")
    page.select_option("#id_kind", "commercial_bribery")
    page.fill("#id_officials", "某区市场监管所 李某")
    page.click("[data-testid=clue-submit]")
    assert "请写明线索内容" in page.inner_text("main")  # nothing sent without what was found
    page.fill("#id_description", "账册记有每月向李某支付“公关费”2万元。")
    page.click("[data-testid=clue-submit]")
    assert page.inner_text("[data-testid=clue-status]") == "已移送，待检察院接收"
    assert "剩余" in page.inner_text("[data-testid=clue-deadline]")
    page.click("text=退出")

    browser_login(page, "proc.bj")
    page.goto(page.base_url + "/work/")
    page.click("[data-queue=official_clues_open]")
    page.click("[data-testid=clue-row] a")
    page.click("[data-testid=clue-receive]")
    assert page.inner_text("[data-testid=clue-status]") == "检察院已接收，审查中"
    page.select_option("#id_decision", "forward_supervisory")
    page.fill("#id_note", "已移送区监察委员会")
    page.click("[data-testid=clue-decide]")
    assert "移送监察机关" in page.inner_text("[data-testid=clue-decision]")
    assert "按期处理" in page.inner_text("[data-testid=clue-deadline]")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.base_url}])
    page.set_viewport_size({"width": 390, "height": 900})
    page.reload()
    assert "Passed to the supervisory commission" in page.inner_text("[data-testid=clue-decision]")
    screenshot(page, "official-clue-decided-en-390")
    assert OfficialClue.objects.get().decision == "forward_supervisory"
