"""The dashboard: every figure on it (totals, map regions, rankings) equals the count of the list it
links to, read through the API with the same filters; the totals add up; exports open."""

import io
from urllib.parse import urlsplit

import pytest
from openpyxl import load_workbook

from ipshield.stats.dashboard import dashboard, light, month_starts, totals_windows
from ipshield.stats.tests.test_reports_drill_down import TODAY, beijing  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db
API_OF_PAGE = {"/cases/": "/api/v1/cases", "/transfers/": "/api/v1/transfers"}


def _count_behind(client, page_link):
    parts = urlsplit(page_link)
    response = client.get(f"{API_OF_PAGE[parts.path]}?{parts.query}&page_size=1")
    assert response.status_code == 200, (page_link, response.content)
    return response.json()["count"]


def _figures(board):
    for total in board["totals"]:
        for cell in total["cells"]:
            yield f"{total['key']}/{cell['window']}", cell["value"], cell["page"]
    for region in board["regions"]:
        if region["page"]:
            yield f"region {region['code']}", region["value"], region["page"]
    for ranking in board["rankings"]:
        for item in ranking["items"]:
            yield f"{ranking['key']} {item['label']}", item["value"], item["page"]


@pytest.mark.parametrize(("who", "region"), [("national", "000000"), ("national", "110000"), ("coordinator", "110000")])
def test_every_dashboard_figure_equals_the_count_of_its_records(api, beijing, who, region):  # noqa: F811
    user = beijing[who]
    board = dashboard(user, region=region, indicator="filed")
    client = api(user)
    figures = list(_figures(board))
    assert len(figures) > 20
    for name, value, link in figures:
        assert _count_behind(client, link) == value, name
    filed = next(t for t in board["totals"] if t["key"] == "filed")
    assert (
        {c["window"]: c["value"] for c in filed["cells"]}["all"] == 5 if who == "national" and region == "000000" else 4
    )


def test_the_map_rows_sum_to_the_regions_total_and_name_every_district(beijing):  # noqa: F811
    board = dashboard(beijing["coordinator"], region="110000", indicator="filed")
    assert board["map"] == "110000"
    by_code = {r["code"]: r["value"] for r in board["regions"]}
    assert by_code["110105"] == 2
    assert by_code["110108"] == 1
    assert len(by_code) == 16
    national = dashboard(beijing["national"], region="000000", indicator="filed")
    assert national["map"] == "100000"
    assert {r["code"]: r["value"] for r in national["regions"]}["310000"] == 1
    assert national["regions"][0]["code"] == "110000"  # ranked by the indicator


def test_another_province_sees_zeros_on_beijings_dashboard(beijing):  # noqa: F811
    board = dashboard(beijing["sh_coordinator"], region="110000", indicator="filed")
    assert all(r["value"] == 0 for r in board["regions"])
    assert all(c["value"] == 0 for t in board["totals"] for c in t["cells"])
    assert all(not r["items"] for r in board["rankings"])


def test_trend_covers_24_months_and_this_months_cases():
    months = month_starts(TODAY, 24)
    assert len(months) == 24
    assert months[-1] == TODAY.replace(day=1)
    assert months[0] < months[-1]


def test_windows_compare_with_the_same_days_a_year_earlier():
    import datetime as dt

    windows = {w.key: w for w in totals_windows(dt.date(2026, 8, 15))}
    assert windows["quarter"].start == dt.date(2026, 7, 1)
    assert windows["quarter"].last_year_end == dt.date(2025, 8, 15)
    leap = {w.key: w for w in totals_windows(dt.date(2028, 2, 29))}
    assert leap["month"].last_year_end == dt.date(2027, 2, 28)


@pytest.mark.parametrize(
    ("value", "regional", "national", "colour"),
    [
        (5, 5, 4, "blue"),  # meets both
        (4.5, 5, 4, "yellow"),  # meets the national average only
        (3, 5, 4, "red"),  # meets neither
        (3, None, 2, "blue"),  # only one average known, met
        (None, 5, 4, "grey"),
        (3, None, None, "grey"),
    ],
)
def test_traffic_light_counts_the_averages_met(value, regional, national, colour):
    assert light(value, regional, national) == colour


@pytest.mark.parametrize("export", ["regions", "trend", "totals", "rankings"])
def test_each_dashboard_table_exports_to_excel(client, beijing, export):  # noqa: F811
    client.force_login(beijing["coordinator"])
    response = client.get("/stats/dashboard/", {"export": export})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) >= 2


@pytest.mark.parametrize(
    "query",
    [
        {"region": "12345\x00"},
        {"region": "999999"},
        {"indicator": "nope"},
        {"domain": "x" * 5000},
        {"region": "1" * 400},
    ],
)
def test_bad_dashboard_input_is_a_422_page(client, beijing, query):  # noqa: F811
    client.force_login(beijing["coordinator"])
    assert client.get("/stats/dashboard/", query).status_code in {400, 422}  # NUL bytes: 400 before any view


def test_a_bank_and_an_auditor_have_no_dashboard(client, make_user):
    for role in ("bank", "auditor"):
        user = make_user(role, "110000")
        client.force_login(user)
        assert client.get("/stats/dashboard/").status_code == 403


def test_a_regional_readers_dashboard_is_a_snapshot_refreshed_in_the_background(beijing):  # noqa: F811
    import datetime as dt

    from django.core.cache import cache
    from django.utils import timezone

    from ipshield.cases.services import case_create, case_transition
    from ipshield.stats.dashboard import DASHBOARD_FRESH_SECONDS, _snapshot_key, dashboard_for, regional_scope

    coordinator = beijing["coordinator"]
    assert regional_scope(coordinator) == "110000"
    assert regional_scope(beijing["officer"]) is None  # an agency's own records: computed for it alone
    first = dashboard_for(coordinator, region="110000", indicator="filed")
    case = case_create(actor=beijing["officer"], data={"title": "新案", "domain": "trademark", "region_code": "110105"})
    case_transition(actor=beijing["officer"], case=case, event="file")
    second = dashboard_for(coordinator, region="110000", indicator="filed")
    assert second["generated_at"] == first["generated_at"]  # the snapshot, as its time says
    key = _snapshot_key("110000", "110000", "filed", "", "zh-hans")
    aged = {**second, "generated_at": timezone.now() - dt.timedelta(seconds=DASHBOARD_FRESH_SECONDS + 1)}
    cache.set(key, aged)
    dashboard_for(coordinator, region="110000", indicator="filed")  # old: refreshed by the task layer
    fresh = dashboard_for(coordinator, region="110000", indicator="filed")
    filed = {c["window"]: c["value"] for c in next(t for t in fresh["totals"] if t["key"] == "filed")["cells"]}
    assert filed["all"] == 5
    # The national coordinator's snapshot of Beijing is its own and agrees.
    national = dashboard_for(beijing["national"], region="110000", indicator="filed")
    assert {r["code"]: r["value"] for r in national["regions"]} == {r["code"]: r["value"] for r in fresh["regions"]}


def test_a_procurator_with_a_transfer_copied_from_outside_is_not_a_regional_reader(beijing, make_user):  # noqa: F811
    from ipshield.stats.dashboard import regional_scope
    from ipshield.transfers.models import Transfer

    procurator = make_user("procurator", "310000", username="proc.sh.stats")
    assert regional_scope(procurator) == "310000"
    Transfer.objects.update(procuratorate=procurator.agency)  # Beijing's transfer copied to Shanghai
    assert regional_scope(procurator) is None
