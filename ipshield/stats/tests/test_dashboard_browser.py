"""Real browser: the national coordinator clicks a province on the map and lands on its dashboard,
drills from a figure to its cases; the provincial coordinator sees its districts in both languages,
at desktop and phone width, and exports the quarter's table."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from ipshield.core.testing import browser_login, screenshot
from ipshield.stats.testing import make_alert
from ipshield.stats.tests.test_reports_drill_down import TODAY, beijing  # noqa: F401 - the fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _map_ready(page):
    page.wait_for_selector("#map-chart[data-ready=true]", timeout=15000)


def _click_region(page, code):
    """Click where the region lies on the map, as a person would; once the page has settled (fonts and
    layout), and again if the first click landed while the chart was still moving."""
    page.wait_for_load_state("networkidle")
    for _attempt in range(3):
        page.evaluate("document.getElementById('map-chart').scrollIntoView({block: 'center'})")
        page.wait_for_timeout(300)
        point = page.evaluate(f"window.ipshieldMap.pixelOf('{code}')")
        assert point is not None
        page.mouse.click(point["x"], point["y"])
        try:
            page.wait_for_url(f"**region={code}**", timeout=5000)
            return
        except PlaywrightTimeout:  # not yet navigated: try again
            continue
    raise AssertionError(f"clicking {code} on the map did not open its dashboard")


def test_the_national_coordinator_clicks_beijing_on_the_map_and_drills_to_its_cases(page, beijing, settings):  # noqa: F811
    settings.IPSHIELD_2FA = "optional"
    make_alert("110000", subject="北京演示预警", rule="weak_linkage", level="orange")
    browser_login(page, "coord.cn.stats")
    page.click("nav >> text=统计")
    _map_ready(page)
    assert page.locator("[data-testid=total-filed-all]").inner_text() == "5"
    screenshot(page, "dashboard-national-zh")
    _click_region(page, "110000")  # a person's click on Beijing's outline
    _map_ready(page)
    assert "北京市" in page.inner_text("[data-testid=dashboard-crumbs]")
    assert "两法衔接薄弱 · 北京演示预警" in page.inner_text("[data-testid=dashboard-alerts]")  # Beijing's open warning
    assert page.locator("[data-testid=dashboard-alerts] li").count() == 1
    page.click("[data-testid=total-filed-all]")
    assert "共 4 个案件" in page.inner_text("[data-testid=case-count]")


def test_the_provincial_coordinator_reads_its_districts_in_both_languages_and_exports_the_quarter(
    page,
    beijing,  # noqa: F811
    settings,
):
    settings.IPSHIELD_2FA = "optional"
    browser_login(page, "coord.bj.stats")
    page.goto(f"{page.base_url}/stats/dashboard/")
    _map_ready(page)
    assert page.locator("[data-testid=drill-110105]").inner_text() == "朝阳区"
    page.click("[data-toggle-table=map-table]")  # the chart's table instead of the map
    assert page.locator("#map-table").is_visible()
    screenshot(page, "dashboard-beijing-zh")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.base_url}])
    page.set_viewport_size({"width": 390, "height": 900})
    page.reload()
    _map_ready(page)
    assert "Transfer rate" in page.inner_text("[data-testid=regions-table]")
    assert "Year on year" in page.inner_text("[data-testid=dashboard-totals]")
    screenshot(page, "dashboard-beijing-en-390")
    quarter = TODAY.replace(month=3 * ((TODAY.month - 1) // 3) + 1, day=1)
    page.goto(f"{page.base_url}/stats/?report=linkage&region=110000&start={quarter}&end={TODAY}")
    with page.expect_download() as download:
        page.click("[data-testid=stats-export]")
    assert download.value.suggested_filename == f"linkage-110000-{quarter:%Y%m%d}-{TODAY:%Y%m%d}.xlsx"
