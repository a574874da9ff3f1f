"""二年内再犯 from a criminal judgment recorded on the platform (rule data aggregation.repeat_within_2y)."""

import datetime as dt

import pytest

from ipshield.cases.models import Case
from ipshield.cases.services import case_create
from ipshield.transfers.criminal_steps import criminal_step_record
from ipshield.transfers.tests.conftest import walk

pytestmark = pytest.mark.django_db

ZHANG = {"kind": "person", "name": "张三", "resident_id": "11010519491231002X"}


def _accepted(cast, proposed):
    t = walk(proposed, [("head", "approve", {}, 2), ("officer", "send", {}, 5)], cast)
    t = walk(t, [("police", "receive", {"manifest_hash": t.manifest_hash}, 6), ("police", "accept", {}, 30)], cast)
    return t


def _judge(cast, transfer, on):
    party = transfer.case.parties.get()
    # The court sees the transfer once the procuratorate has prosecuted.
    criminal_step_record(
        actor=cast["procurator"],
        transfer=transfer,
        kind="prosecuted",
        person_name=party.name,
        party_id=party.pk,
        occurred_on=on,
    )
    return criminal_step_record(
        actor=cast["judge"],
        transfer=transfer,
        kind="judged",
        person_name=party.name,
        party_id=party.pk,
        occurred_on=on,
        result="（2025）京0105刑初88号 判处有期徒刑一年",
    )


def _new_case(cast, amount, conduct, party=ZHANG):
    return case_create(
        actor=cast["sh_officer"],
        data={
            "title": "再次销售假冒商品案",
            "domain": "trademark",
            "offence": "sell_goods_with_counterfeit_trademark",
            "conduct_date": conduct,
            "facts": {"sales_amount_yuan": amount},
        },
        parties=[party],
    )


def test_a_judgment_makes_later_conduct_within_two_years_a_repeat_and_is_named(cast, proposed):
    _judge(cast, _accepted(cast, proposed), dt.date(2025, 6, 1))
    repeat = _new_case(cast, 35000, dt.date(2025, 12, 1))  # 3万 instead of 5万 after a punishment
    repeat.refresh_from_db()
    assert repeat.own_outcome == "suspected_crime"
    assert repeat.prior_penalty["kind"] == "judgment"
    assert repeat.prior_penalty["decided_on"] == "2025-06-01"
    explanation = repeat.screenings.first().result["explanations"]
    assert "二年内受过刑事处罚" in explanation["zh-hans"]
    assert "（2025）京0105刑初88号" in explanation["zh-hans"]
    assert "Criminally punished within two years" in explanation["en"]


def test_a_judgment_of_another_person_or_outside_two_years_is_not_a_repeat(cast, proposed):
    _judge(cast, _accepted(cast, proposed), dt.date(2025, 6, 1))
    other = _new_case(cast, 35000, dt.date(2025, 12, 1), party={**ZHANG, "resident_id": "110105198001010016"})
    late = _new_case(cast, 35000, dt.date(2027, 6, 2))
    before = _new_case(cast, 35000, dt.date(2025, 5, 1))  # conduct before the judgment
    for case in (other, late, before):
        case.refresh_from_db()
        assert case.prior_penalty == {}
        assert case.own_outcome == "below_threshold"


def test_a_judgment_recorded_late_rescreens_the_partys_open_cases_at_once(cast, proposed):
    transfer = _accepted(cast, proposed)
    open_case = _new_case(cast, 35000, dt.date(2025, 9, 1))
    assert Case.objects.get(pk=open_case.pk).own_outcome == "below_threshold"
    _judge(cast, transfer, dt.date(2025, 6, 1))  # judged before the new conduct, entered after it
    open_case.refresh_from_db()
    assert open_case.screening_outcome == "suspected_crime"
    assert open_case.prior_penalty["kind"] == "judgment"
