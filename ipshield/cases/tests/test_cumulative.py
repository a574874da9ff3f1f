"""累计计算 (法释〔2025〕5号 art.29) and 二年内再犯 on the platform's own records."""

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection

from ipshield.cases.models import Case
from ipshield.cases.services import case_create, case_transition, case_update, party_add

pytestmark = pytest.mark.django_db

USCC = "91350100M000100Y43"
OTHER_USCC = "91110108MA01ABCD5T"
OFFENCE = "sell_goods_with_counterfeit_trademark"  # 销售金额 5万 (法释〔2025〕5号 art.5)


def _case(actor, amount, *, uscc=USCC, conduct=dt.date(2025, 9, 1), party=None, offence=OFFENCE):
    party = party if party is not None else {"kind": "enterprise", "name": "某商贸有限公司", "uscc": uscc}
    return case_create(
        actor=actor,
        data={
            "title": "销售假冒商品案",
            "domain": "trademark",
            "offence": offence,
            "conduct_date": conduct,
            "facts": {"sales_amount_yuan": amount},
        },
        parties=[party] if party else [],
    )


def _decide(actor, case, number, at=None):
    for event in ("file", "start_investigation"):
        case = case_transition(actor=actor, case=case, event=event)
    data = {
        "penalty_kinds": ["fine"],
        "fine_amount": 10000,
        "decision_number": number,
        "penalty_basis": "商标法第六十条",
    }
    return case_transition(actor=actor, case=case, event="decide", data={**data, **({"decided_at": at} if at else {})})


@pytest.fixture
def officers(make_user):
    return {
        "bj": make_user("officer", "110000", username="officer.bj.cum"),
        "sh": make_user("officer", "310000", username="officer.sh.cum"),
    }


def test_two_split_cases_of_one_party_in_two_regions_are_both_suspected_and_name_each_other(officers, api):
    beijing = _case(officers["bj"], 30000)
    assert Case.objects.get(pk=beijing.pk).screening_outcome == "below_threshold"
    shanghai = _case(officers["sh"], 30000)
    for case in (beijing, shanghai):
        case.refresh_from_db()
        assert case.own_outcome == "below_threshold"
        assert case.screening_outcome == "suspected_crime"
        assert case.cumulative_outcome == "suspected_crime"
        assert case.cumulative["totals"] == {"sales_amount_yuan": 60000}
        assert sorted(c["id"] for c in case.cumulative["cases"]) == sorted([beijing.pk, shanghai.pk])
        assert "法释〔2025〕5号" in case.cumulative["rule"]["source"]
    body = api(officers["bj"]).get(f"/api/v1/cases/{beijing.pk}").json()
    assert body["screening_outcome"] == "suspected_crime"
    cumulative = body["screening"]["cumulative"]
    assert body["screening"]["outcome"] == "suspected_crime"
    assert body["screening"]["basis"] == "cumulative"
    assert body["screening"]["own_outcome"] == "below_threshold"
    assert cumulative["totals"] == {"sales_amount_yuan": 60000}
    # the Shanghai case is named by its agency and counted, never shown to Beijing
    assert [c["number"] for c in cumulative["cases"]] == [beijing.number]
    assert cumulative["others"] == [{"agency": shanghai.agency.name, "count": 1}]
    assert shanghai.number not in str(body)


def test_different_parties_and_parties_without_a_key_are_never_summed(officers):
    first = _case(officers["bj"], 30000)
    second = _case(officers["sh"], 30000, uscc=OTHER_USCC)
    nameless = _case(officers["bj"], 30000, party={"kind": "person", "name": "无名氏"})
    alone = _case(officers["sh"], 30000, party={})
    for case in (first, second, nameless, alone):
        case.refresh_from_db()
        assert case.screening_outcome == "below_threshold"
        assert case.cumulative == {}


def test_other_offences_are_never_summed(officers):
    _case(officers["bj"], 30000)
    other = _case(officers["sh"], 30000, offence="counterfeit_registered_trademark")
    other.refresh_from_db()
    assert other.cumulative == {}


def test_a_decided_case_leaves_the_sum_and_keeps_its_own_record(officers):
    beijing = _case(officers["bj"], 30000)
    shanghai = _case(officers["sh"], 30000)
    _decide(officers["sh"], shanghai, "沪市监罚〔2025〕1号")
    beijing.refresh_from_db()
    assert beijing.screening_outcome == "below_threshold"
    assert beijing.cumulative == {}
    shanghai.refresh_from_db()
    assert shanghai.cumulative_outcome == "suspected_crime"  # 以罚代刑 stays visible


def test_a_figure_edit_resums_the_group(officers):
    beijing = _case(officers["bj"], 30000)
    shanghai = _case(officers["sh"], 30000)
    case_update(actor=officers["sh"], case=shanghai, data={"facts": {"sales_amount_yuan": 10000}})
    beijing.refresh_from_db()
    assert beijing.cumulative["totals"] == {"sales_amount_yuan": 40000}
    assert beijing.cumulative_outcome == "near"  # 80 % of 5万
    assert beijing.screening_outcome == "below_threshold"
    case_update(actor=officers["sh"], case=shanghai, data={"offence": "counterfeit_registered_trademark"})
    beijing.refresh_from_db()
    assert beijing.cumulative == {}


def test_a_party_added_later_joins_the_group(officers):
    beijing = _case(officers["bj"], 30000)
    shanghai = _case(officers["sh"], 30000, party={})
    party_add(actor=officers["sh"], case=shanghai, data={"kind": "enterprise", "name": "某商贸公司", "uscc": USCC})
    beijing.refresh_from_db()
    assert beijing.screening_outcome == "suspected_crime"


def test_a_party_with_two_identifiers_is_refused(officers):
    with pytest.raises(ValidationError):
        _case(
            officers["bj"],
            30000,
            party={"kind": "enterprise", "name": "某公司", "uscc": USCC, "resident_id": "11010519491231002X"},
        )
    assert not Case.objects.exists()


def test_a_penalty_recorded_on_the_platform_makes_the_next_conduct_a_repeat(officers):
    """Art.214 within two years of a penalty for 213-215 conduct: 3万 instead of 5万 (法释〔2025〕5号)."""
    earlier = _case(officers["sh"], 20000, conduct=dt.date(2025, 1, 10))
    _decide(officers["sh"], earlier, "沪市监罚〔2025〕7号", at=dt.datetime(2025, 3, 1, 10, tzinfo=dt.UTC))
    repeat = _case(officers["bj"], 35000, conduct=dt.date(2025, 10, 1))
    repeat.refresh_from_db()
    assert repeat.screening_outcome == "suspected_crime"
    assert repeat.prior_penalty["decision_number"] == "沪市监罚〔2025〕7号"
    explanation = repeat.screenings.first().result["explanations"]
    assert "沪市监罚〔2025〕7号" in explanation["zh-hans"]
    assert "2025-03-01" in explanation["en"]
    # conduct more than two years after the decision is not a repeat
    late = _case(officers["bj"], 35000, conduct=dt.date(2027, 6, 1), uscc=USCC)
    late.refresh_from_db()
    assert late.prior_penalty == {}


def test_the_case_page_names_the_sum_and_hides_what_the_reader_may_not_see(client, officers):
    beijing = _case(officers["bj"], 30000)
    shanghai = _case(officers["sh"], 30000)
    client.force_login(officers["bj"])
    html = client.get(f"/cases/{beijing.pk}/").content.decode()
    assert "涉嫌犯罪（累计计算），应当移送" in html
    assert "销售金额（元） 60,000" in html
    assert beijing.number in html
    assert shanghai.number not in html
    assert f"{shanghai.agency.name}：1 件（无权查看内容）" in html
    english = client.get(f"/cases/{beijing.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Suspected crime (cumulative)" in english
    assert "content not visible to you" in english


def test_the_split_case_queue_lists_a_party_whose_small_cases_add_up(client, officers, make_user):
    beijing = _case(officers["bj"], 30000)
    shanghai = _case(officers["sh"], 30000)
    _case(officers["bj"], 10000, uscc=OTHER_USCC)  # alone: not a lead
    procurator = make_user("procurator", "110000", username="proc.bj.split")
    client.force_login(procurator)
    home = client.get("/work/")
    assert {q.key: q.count for q in home.context["queues"]}["cases_split"] == 1
    html = client.get("/cases/split/").content.decode()
    assert html.count('data-testid="split-group"') == 1
    assert "某商贸有限公司" in html
    assert beijing.number in html
    assert shanghai.number not in html  # a Beijing procurator sees Shanghai's case as a count
    assert shanghai.agency.name in html
    export = client.get("/cases/split/", {"export": "csv"})
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert beijing.number in text
    assert shanghai.number not in text
    sh_procurator = make_user("procurator", "310000", username="proc.sh.split")
    client.force_login(sh_procurator)
    assert shanghai.number in client.get("/cases/split/").content.decode()
    for role in ("officer", "police", "judge"):
        client.force_login(make_user(role, "110000", username=f"{role}.split"))
        assert client.get("/cases/split/").status_code == 403


@pytest.mark.concurrency
@pytest.mark.django_db(transaction=True)
def test_two_members_edited_at_once_leave_a_sum_of_both_edits(officers):
    """Each edit re-sums the group with the group's rows locked: the last to commit sees the other's figure."""
    beijing = _case(officers["bj"], 30000)
    shanghai = _case(officers["sh"], 30000)
    barrier = threading.Barrier(2)
    errors = []

    def edit(actor, case, amount):
        try:
            barrier.wait()
            case_update(actor=actor, case=case, data={"facts": {"sales_amount_yuan": amount}})
        except Exception as exc:
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [
        threading.Thread(target=edit, args=(officers["bj"], beijing, 10000)),
        threading.Thread(target=edit, args=(officers["sh"], shanghai, 20000)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for case in (beijing, shanghai):
        case.refresh_from_db()
        assert case.cumulative["totals"] == {"sales_amount_yuan": 30000}, case.cumulative
        assert case.screening_outcome == "below_threshold"


@pytest.mark.concurrency
@pytest.mark.django_db(transaction=True)
def test_the_first_two_cases_of_a_party_created_at_once_still_find_each_other(officers):
    barrier = threading.Barrier(2)
    errors = []

    def create(actor):
        try:
            barrier.wait()
            _case(actor, 30000)
        except Exception as exc:
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=create, args=(officers[k],)) for k in ("bj", "sh")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert list(Case.objects.values_list("screening_outcome", flat=True)) == ["suspected_crime", "suspected_crime"]
