"""累计计算 and 二年内再犯 across archive records merged as one party (issue 11 §1: "matched by USCC,
resident ID, or archive records merged as one party")."""

import datetime as dt

import pytest

from ipshield.cases.models import Case
from ipshield.cases.services import case_create
from ipshield.credit.merging import match_decide
from ipshield.credit.models import EnterpriseMatch
from ipshield.credit.services import enterprise_for

pytestmark = pytest.mark.django_db

USCC = "91350100M000100Y43"
REGISTERED = "鑫盛鞋业有限公司"
SPELLED = "鑫盛鞋業有限公司"  # the same shop, written in traditional characters on a marketplace listing


@pytest.fixture
def fuzhou(make_user):
    officer = make_user("officer", "350100", username="officer.fz")
    return {
        "officer": officer,
        "other": make_user("officer", "350100", username="officer.fz.2"),
        "sh": make_user("officer", "310000", username="officer.sh.arc"),
    }


def _case(actor, amount, party, conduct=dt.date(2025, 9, 1)):
    return case_create(
        actor=actor,
        data={
            "title": "销售假冒运动鞋案",
            "domain": "trademark",
            "offence": "sell_goods_with_counterfeit_trademark",  # 销售金额 5万
            "conduct_date": conduct,
            "facts": {"sales_amount_yuan": amount},
        },
        parties=[party],
    )


def _keyless(name=SPELLED):
    return {"kind": "person", "name": name}


def _merge(actor):
    registered = enterprise_for(name=REGISTERED, uscc=USCC, region_code="350102")
    enterprise_for(name=SPELLED, region_code="350102")
    proposal = EnterpriseMatch.objects.get(first=registered)
    return match_decide(actor=actor, proposal=proposal, confirm=True, note="同一网店经营者")


def _outcomes(*cases):
    return [Case.objects.get(pk=c.pk).screening_outcome for c in cases]


def test_confirming_a_merge_sums_the_keyless_partys_cases_with_the_registered_ones(fuzhou):
    registered = _case(fuzhou["officer"], 30000, {"kind": "enterprise", "name": REGISTERED, "uscc": USCC})
    listing = _case(fuzhou["other"], 30000, _keyless())
    assert _outcomes(registered, listing) == ["below_threshold", "below_threshold"]  # a name alone sums nothing

    _merge(fuzhou["officer"])

    assert _outcomes(registered, listing) == ["suspected_crime", "suspected_crime"]
    listing.refresh_from_db()
    assert listing.cumulative_key == f"uscc:{USCC}"
    assert listing.cumulative["totals"] == {"sales_amount_yuan": 60000}
    assert sorted(c["id"] for c in listing.cumulative["cases"]) == sorted([registered.pk, listing.pk])


def test_a_later_case_under_the_merged_spelling_joins_at_once(fuzhou):
    registered = _case(fuzhou["officer"], 30000, {"kind": "enterprise", "name": REGISTERED, "uscc": USCC})
    _merge(fuzhou["officer"])
    later = _case(fuzhou["other"], 25000, _keyless())
    assert _outcomes(registered, later) == ["suspected_crime", "suspected_crime"]


def test_the_same_name_in_another_province_is_not_taken_for_the_merged_party(fuzhou):
    registered = _case(fuzhou["officer"], 30000, {"kind": "enterprise", "name": REGISTERED, "uscc": USCC})
    _merge(fuzhou["officer"])
    shanghai = _case(fuzhou["sh"], 30000, _keyless())
    unrelated = _case(fuzhou["other"], 30000, _keyless("另一家鞋店"))
    assert _outcomes(registered, shanghai, unrelated) == ["below_threshold"] * 3
    assert Case.objects.get(pk=shanghai.pk).cumulative_key == ""
