import datetime as dt

import pytest

from ipshield.cases.services import case_create, case_transition
from ipshield.core.choices import AgencyKind


@pytest.fixture
def cast(make_user, make_agency, settings, tmp_path):
    settings.ATTACHMENT_ROOT = tmp_path / "attachments"
    officer = make_user("officer", "110000", username="officer.bj")
    gd_officer = make_user("officer", "440000", username="officer.gd")
    sh_officer = make_user("officer", "310000", username="officer.sh")
    return {
        "officer": officer,
        "head": make_user("agency_head", agency=officer.agency, username="head.bj"),
        "gd_officer": gd_officer,
        "gd_head": make_user("agency_head", agency=gd_officer.agency, username="head.gd"),
        "sh_officer": sh_officer,
        "gd_police": make_user("police", "440000", username="police.gd"),
        "procurator": make_user("procurator", "110000", username="proc.bj"),
        "coordinator": make_user("coordinator", "110000", username="coord.bj"),
        "gd_coordinator": make_user("coordinator", "440000", username="coord.gd"),
        "national": make_user("coordinator", "000000", username="coord.cn"),
        "court": make_agency("110000", kind=AgencyKind.COURT),
    }


@pytest.fixture
def bj_case(cast):
    case = case_create(
        actor=cast["officer"],
        data={"title": "北京某商贸公司销售假冒运动鞋案", "domain": "trademark", "product_category": "鞋类"},
        parties=[{"kind": "enterprise", "name": "北京某商贸有限公司", "uscc": "91110105MA0000015F"}],
    )
    return case_transition(actor=cast["officer"], case=case, event="file")


def decide(case, actor, amount=50000):
    if case.status == "lead":
        case = case_transition(actor=actor, case=case, event="file")
    for event, data in [
        ("start_investigation", {}),
        ("decide", {"penalty_kinds": ["fine"], "fine_amount": amount, "decision_number": "京市监罚〔2026〕7号"}),
    ]:
        case = case_transition(actor=actor, case=case, event=event, data=data)
    return case


def day(offset: int) -> str:
    return (dt.date.today() + dt.timedelta(days=offset)).isoformat()
