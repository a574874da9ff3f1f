import datetime as dt

import pytest

from ipshield.cases.services import case_create, case_transition
from ipshield.core.choices import AgencyKind
from ipshield.core.deadlines import CHINA_TZ
from ipshield.transfers.sample_evidence import attach_required_evidence
from ipshield.transfers.services import transfer_act, transfer_propose

T0 = dt.datetime(2025, 3, 3, 9, 0, tzinfo=CHINA_TZ)  # a Monday


@pytest.fixture
def cast(make_user, make_agency):
    officer = make_user("officer", "110000", username="officer.bj")
    agency = officer.agency
    return {
        "officer": officer,
        "officer2": make_user("officer", agency=agency, username="officer2.bj"),
        "head": make_user("agency_head", agency=agency, username="head.bj"),
        "police": make_user("police", "110000", username="police.bj"),
        "procurator": make_user("procurator", "110000", username="proc.bj"),
        "judge": make_user("judge", "110000", username="judge.bj"),
        "coordinator": make_user("coordinator", "110000", username="coord.bj"),
        "sh_police": make_user("police", "310000", username="police.sh"),
        "sh_officer": make_user("officer", "310000", username="officer.sh"),
        "sh_procurator": make_user("procurator", "310000", username="proc.sh"),
    }


@pytest.fixture
def filed_case(cast):
    case = case_create(
        actor=cast["officer"],
        data={
            "title": "某公司销售假冒白酒案",
            "domain": "trademark",
            "offence": "sell_goods_with_counterfeit_trademark",
            "conduct_date": dt.date(2025, 1, 10),
            "facts": {"sales_amount_yuan": 80000},
        },
        parties=[{"kind": "person", "name": "张三", "resident_id": "11010519491231002X"}],
        now=T0,
    )
    attach_required_evidence(case, cast["officer"])
    return case_transition(actor=cast["officer"], case=case, event="file", now=T0)


@pytest.fixture
def proposed(cast, filed_case):
    return transfer_propose(
        actor=cast["officer"],
        case=filed_case,
        group_member_ids=[cast["officer"].pk, cast["officer2"].pk],
        report="销售金额8万元，已达到追诉标准。",
        now=T0,
    )


def walk(transfer, steps, cast, start=T0):
    """Apply (actor key, action, data, hours after start) steps."""
    for who, action, data, hours in steps:
        transfer = transfer_act(
            actor=cast[who], transfer=transfer, action=action, data=data, now=start + dt.timedelta(hours=hours)
        )
    return transfer


__all__ = ["AgencyKind"]
