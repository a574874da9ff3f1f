"""Real browser: a provincial coordinator opens the statistics, drills from a figure to its
records and exports the table."""

import pytest

from ipshield.core.testing import browser_login, screenshot
from ipshield.stats.tests.test_reports_drill_down import beijing  # noqa: F401 - the fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_drills_from_a_figure_to_its_cases_and_exports(page, beijing, settings):  # noqa: F811
    settings.IPSHIELD_2FA = "optional"
    browser_login(page, "coord.bj.stats")
    page.click("nav >> text=统计")
    page.click("text=统计报表")
    page.click("form.card button[type=submit]")
    figure = page.locator("[data-testid=figure-total-filed]")
    assert figure.inner_text() == "4"
    screenshot(page, "stats-linkage-zh")
    with page.expect_download() as download:
        page.click("[data-testid=stats-export]")
    assert download.value.suggested_filename.endswith(".xlsx")
    figure.click()
    assert "立案时间" in page.inner_text("[data-testid=drill-banner]")
    assert "共 4 个案件" in page.inner_text("[data-testid=case-count]")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.base_url}])
    page.set_viewport_size({"width": 390, "height": 900})
    page.go_back()
    page.reload()
    assert "Transfer rate" in page.inner_text("[data-testid=stats-table]")
    screenshot(page, "stats-linkage-en-390")
