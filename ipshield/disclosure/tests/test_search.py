"""The public search finds exactly the decisions whose text contains the term, on either database,
whatever the term's length (1–2 characters use another index than 3+), and counts stay cheap."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipshield.cases.services import case_create
from ipshield.core.pagination import bounded_count
from ipshield.disclosure.models import Disclosure, DisclosureStatus
from ipshield.disclosure.selectors import public_disclosures
from ipshield.disclosure.services import search_text_of

pytestmark = pytest.mark.django_db

TEXTS = [
    "张某销售假冒NIKE运动鞋，货值12万元",
    "某商贸有限公司销售假冒白酒“茅台”100% 纯粮",
    "李某侵犯著作权，盗版软件 O'Reilly 教程_下载",
    "王某生产伪劣农药（草甘膦）",
    "",
]


@pytest.fixture
def decisions(officer):
    made = []
    for number, facts in enumerate(TEXTS, start=1):
        case = case_create(actor=officer, data={"title": f"案{number}", "domain": "trademark"})
        d = Disclosure(
            agency=officer.agency,
            case=case,
            domain="trademark",
            region_code=case.region_code,
            decision_number=f"京罚〔2026〕{number}号",
            subject="当事人",
            facts=facts,
            penalty="罚款",
            performance="十五日内",
            agency_name="某局",
            decided_on=dt.date(2026, 1, number),
            status=DisclosureStatus.PUBLISHED,
            due_at=timezone.now(),
            published_at=timezone.now(),
        )
        d.search_text = search_text_of(d)
        d.save()
        made.append(d)
    return made


def found(term: str) -> set[int]:
    return set(public_disclosures({"q": term}).values_list("pk", flat=True))


def expected(decisions: list[Disclosure], term: str) -> set[int]:
    term = term.strip()
    return {d.pk for d in decisions if term.upper() in d.search_text.upper()}


@pytest.mark.parametrize(
    "term",
    ["鞋", "白酒", "假冒", "运动鞋", "假冒白酒", "nike", "NI", "Ni", "100%", "_下", "O'Reilly", "O'", "“茅", "（草",
     "草甘膦）", '"', "AND", "NEAR(", "*", "\\", "某", "京罚〔2026〕3号", "不存在的词", "假冒 白酒"],
)  # fmt: skip
def test_every_term_length_finds_exactly_the_substring_matches(decisions, term):
    assert found(term) == expected(decisions, term)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_substring_of_a_decision_finds_it(decisions, data):
    text = data.draw(st.sampled_from([d.search_text for d in decisions if d.facts]))
    start = data.draw(st.integers(0, len(text) - 1))
    length = data.draw(st.integers(1, 6))
    term = text[start : start + length].strip()
    if term:
        assert found(term) == expected(decisions, term)


def test_a_corrected_text_is_searched_as_corrected(decisions, officer):
    from ipshield.disclosure.services import disclosure_change

    disclosure_change(actor=officer, disclosure=decisions[3], note="经复议变更", facts="王某生产伪劣化肥")
    assert decisions[3].pk not in found("农药")
    assert decisions[3].pk in found("化肥")
    assert decisions[3].pk in found("伪劣化肥")


def test_large_counts_are_bounded(decisions):
    queryset = public_disclosures({})
    assert bounded_count(queryset, exact_up_to=10) == (5, True)
    count, exact = bounded_count(queryset, exact_up_to=2)
    if connection.vendor == "postgresql":
        assert (count >= 3, exact) == (True, False)
    else:
        assert (count, exact) == (5, True)


def test_the_api_says_whether_the_count_is_exact(client, decisions):
    body = client.get("/api/v1/public/disclosures", {"q": "假冒"}).json()
    assert (body["count"], body["count_exact"]) == (2, True)
    page = client.get("/disclosures/", {"q": "假冒"}).content.decode()
    assert "共 2 件" in page


def test_the_search_indexes_exist():
    """The migration skips an index the database refuses; on CI's databases none may be missing."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'disclosure_disclosure' "
                "AND indexname IN ('disclosure_search_grams', 'disclosure_search_trgm') ORDER BY 1"
            )
            assert [row[0] for row in cursor.fetchall()] == ["disclosure_search_grams", "disclosure_search_trgm"]
            cursor.execute(
                "SELECT attstorage FROM pg_attribute "
                "WHERE attrelid = 'disclosure_disclosure'::regclass AND attname = 'search_grams'"
            )
            assert cursor.fetchone()[0] == "e"  # long rows keep the grams out of line, uncompressed
        else:
            assert "disclosure_disclosure_fts" in connection.introspection.table_names()
            cursor.execute(
                "SELECT count(*) FROM disclosure_disclosure_fts WHERE disclosure_disclosure_fts MATCH ?", ['"运动鞋"']
            )
            assert cursor.fetchone()[0] == 0
