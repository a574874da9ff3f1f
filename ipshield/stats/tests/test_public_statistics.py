"""The public statistics page: the year's aggregates, nationwide and per province, nothing else."""

import pytest

from ipshield.stats.tests.test_reports_drill_down import beijing  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_anyone_reads_the_years_headlines_and_no_record_is_named(client, beijing):  # noqa: F811
    response = client.get("/statistics/")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'data-testid="headline-filed">5<' in text  # four Beijing cases and one in Shanghai
    assert 'data-testid="headline-transferred">1<' in text
    assert "北京市" in text
    assert "上海市" in text
    for case_number in beijing["officer"].agency.cases.values_list("number", flat=True):
        assert case_number not in text
    assert "110105案件" not in text


@pytest.mark.parametrize("year", ["abc", "1999", "99999999999999999999", "2026\x00"])
def test_a_strange_year_shows_this_year(client, beijing, year):  # noqa: F811
    response = client.get("/statistics/", {"year": year})
    assert response.status_code in {200, 400}
