"""累计计算 cost: re-summing a party whose 50 open cases sit in several agencies (target ≤ 20 ms),
and a case created with screening and summing against creating one alone (target ≤ 2×).

Run: make bench   (pytest-benchmark on the test database; figures are reported, never asserted)
"""

import datetime as dt
import itertools

import pytest

from ipshield.cases.cumulative import refresh_cumulative
from ipshield.cases.services import case_create

pytestmark = pytest.mark.django_db
USCC = "91350100M000100Y43"
_numbers = itertools.count()


def _case(actor, *, party: bool):
    return case_create(
        actor=actor,
        data={
            "title": f"案{next(_numbers)}",
            "domain": "trademark",
            "offence": "sell_goods_with_counterfeit_trademark",
            "conduct_date": dt.date(2025, 9, 1),
            "facts": {"sales_amount_yuan": 900},
        },
        parties=[{"kind": "enterprise", "name": "某商贸有限公司", "uscc": USCC}] if party else [],
    )


@pytest.fixture
def officers(make_user):
    return [make_user("officer", region, username=f"officer.{region}") for region in ("110000", "310000", "440000")]


def test_resum_a_party_with_50_open_cases(benchmark, officers):
    for index in range(50):
        _case(officers[index % 3], party=True)
    benchmark(refresh_cumulative, keys=[f"uscc:{USCC}"], offences=["sell_goods_with_counterfeit_trademark"])


def test_create_a_case_alone(benchmark, officers):
    benchmark(_case, officers[0], party=False)


def test_create_a_case_joining_a_party_with_10_open_cases(benchmark, officers):
    for index in range(10):
        _case(officers[index % 3], party=True)
    benchmark.pedantic(_case, args=(officers[0],), kwargs={"party": True}, rounds=10, iterations=1)


def test_create_a_case_with_a_party_and_no_other_case(benchmark, officers):
    """The common case: a key to sum by, nothing to sum with (what every create now pays)."""
    from ipshield.cases.models import Case

    def create_alone():
        case = _case(officers[0], party=True)
        Case.objects.filter(pk=case.pk).delete()  # keep the party alone for the next round

    benchmark(create_alone)
