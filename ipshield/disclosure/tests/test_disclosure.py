"""Publication of penalty decisions: drafts with the 20-working-day clock, masking, review, public search."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ipshield.cases.services import case_create, case_transition
from ipshield.core.deadlines import CHINA_TZ
from ipshield.disclosure.masking import mask_text
from ipshield.disclosure.models import Disclosure, DisclosureStatus
from ipshield.disclosure.services import disclosure_change, disclosure_publish, disclosure_withhold

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_user):
    officer = make_user("officer", "110000", username="officer.bj")
    return {
        "officer": officer,
        "head": make_user("agency_head", agency=officer.agency, username="head.bj"),
        "sh_officer": make_user("officer", "310000", username="officer.sh"),
    }


@pytest.fixture
def decided(people):
    case = case_create(
        actor=people["officer"],
        data={
            "title": "张三销售假冒白酒案",
            "domain": "trademark",
            "facts_text": "张三（身份证11010519491231002X，电话13912345678）伙同李四在朝阳区销售假冒白酒，"
            "货款经账户6222021234567890123收取。",
        },
        parties=[
            {"kind": "person", "name": "张三", "resident_id": "11010519491231002X"},
            {"kind": "person", "name": "李四"},
        ],
    )
    for event, data in [
        ("file", {}),
        ("start_investigation", {}),
        (
            "decide",
            {
                "penalty_kinds": ["fine", "confiscate_goods"],
                "fine_amount": 50000,
                "decision_number": "京市监罚〔2024〕88号",
                "penalty_basis": "商标法第六十条",
                "decided_at": dt.datetime(2024, 9, 20, 10, tzinfo=CHINA_TZ),
            },
        ),
    ]:
        case = case_transition(actor=people["officer"], case=case, event=event, data=data)
    return Disclosure.objects.get(case=case)


@pytest.mark.parametrize(
    ("text", "hidden", "shown"),
    [
        ("身份证11010519491231002X", "11010519491231002X", "110105********002X"),
        ("电话13912345678", "13912345678", "139****5678"),
        ("账户6222021234567890123", "6222021234567890123", "***************0123"),
        ("固话010-12345678", "010-12345678", "010*****5678"),
    ],
)
def test_masking(text, hidden, shown):
    masked = mask_text(text)
    assert hidden not in masked
    assert shown in masked


def test_decision_creates_a_masked_draft_with_the_clock(decided):
    assert decided.status == DisclosureStatus.DRAFT
    # 20 working days from 2024-09-20 across National Day 2024 → 10-23
    assert decided.due_at.date() == dt.date(2024, 10, 23)
    assert decided.subject == "张三"  # the punished person's name is a required field
    assert "11010519491231002X" not in decided.facts
    assert "13912345678" not in decided.facts
    assert "6222021234567890123" not in decided.facts
    assert "李*" in decided.facts  # other natural persons are masked
    assert "李四" not in decided.facts
    assert "罚款50,000" in decided.penalty


def test_only_published_decisions_are_public(client, decided, people):
    assert client.get("/api/v1/public/disclosures", {"q": "白酒"}).json()["count"] == 0
    assert client.get(f"/disclosures/{decided.pk}/").status_code == 404
    with pytest.raises(PermissionDenied):
        disclosure_publish(actor=people["sh_officer"], disclosure=decided)
    disclosure_publish(actor=people["officer"], disclosure=decided)
    body = client.get("/api/v1/public/disclosures", {"q": "白酒"}).json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["decision_number"] == "京市监罚〔2024〕88号"
    assert "11010519491231002X" not in str(body)
    assert client.get(item["url"]).status_code == 200
    assert client.get("/api/v1/public/disclosures", {"region": "310000"}).json()["count"] == 0
    assert client.get("/api/v1/public/disclosures", {"from": "2024-09-21"}).json()["count"] == 0
    assert client.get("/api/v1/public/disclosures", {"q": "京市监罚〔2024〕88号"}).json()["count"] == 1
    assert client.get("/api/v1/public/disclosures", {"agency": decided.agency_id}).json()["count"] == 1
    assert client.get("/api/v1/public/disclosures", {"agency": people["sh_officer"].agency_id}).json()["count"] == 0
    assert client.get("/api/v1/public/disclosures", {"agency": "x"}).status_code == 422
    page = client.get("/disclosures/", {"agency": people["sh_officer"].agency_id}).content.decode()
    assert "京市监罚〔2024〕88号" not in page.split("disclosure-count")[1]


def test_feed_and_csv(client, decided, people):
    disclosure_publish(actor=people["officer"], disclosure=decided)
    atom = client.get("/disclosures/feed.atom")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "京市监罚〔2024〕88号" in atom.content.decode()
    csv_body = b"".join(client.get("/disclosures/?export=csv&q=白酒").streaming_content).decode("utf-8-sig")
    assert "京市监罚〔2024〕88号" in csv_body


def test_changes_after_reconsideration_show_their_reason(client, decided, people):
    published = disclosure_publish(actor=people["officer"], disclosure=decided)
    with pytest.raises(ValidationError):
        disclosure_change(actor=people["officer"], disclosure=published, note="", withdraw=True)
    disclosure_change(actor=people["officer"], disclosure=published, note="经行政复议撤销", withdraw=True)
    page = client.get(f"/disclosures/{decided.pk}/").content.decode()
    assert "经行政复议撤销" in page


def test_withholding_needs_the_head_and_a_reason(decided, people):
    with pytest.raises(PermissionDenied):
        disclosure_withhold(actor=people["officer"], disclosure=decided, reason="个人隐私")
    with pytest.raises(ValidationError):
        disclosure_withhold(actor=people["head"], disclosure=decided, reason="")
    withheld = disclosure_withhold(actor=people["head"], disclosure=decided, reason="涉及商业秘密")
    assert withheld.status == DisclosureStatus.WITHHELD
    assert withheld.withheld_approved_by == people["head"]


@pytest.mark.parametrize("q", ["x" * 10000, "%", "_%_", "白'; DROP TABLE x; --", "ＡＢＣ", "酒"])
def test_odd_queries_are_answered(client, decided, people, q):
    disclosure_publish(actor=people["officer"], disclosure=decided)
    response = client.get("/api/v1/public/disclosures", {"q": q})
    assert response.status_code == 200
    assert response.json()["count"] == (1 if q == "酒" else 0)


def test_review_pages_are_scoped(client, decided, people):
    client.force_login(people["sh_officer"])
    assert client.get(f"/disclosures/review/{decided.pk}/").status_code == 404
    client.force_login(people["officer"])
    assert client.post(f"/disclosures/review/{decided.pk}/", {"op": "publish"}).status_code == 302
    assert Disclosure.objects.get(pk=decided.pk).status == DisclosureStatus.PUBLISHED


def test_review_list_filters_and_exports_for_supervisors(client, decided, people, make_user):
    from io import BytesIO

    from openpyxl import load_workbook

    coordinator = make_user("coordinator", "110000", username="coordinator.bj")
    client.force_login(coordinator)
    page = client.get("/disclosures/review/", {"overdue": "1"}).content.decode()
    assert "京市监罚〔2024〕88号" in page  # a 2024 draft is long overdue
    assert "京市监罚〔2024〕88号" not in client.get("/disclosures/review/", {"region": "310000"}).content.decode()
    other = people["sh_officer"].agency_id
    assert "京市监罚〔2024〕88号" not in client.get("/disclosures/review/", {"agency": other}).content.decode()
    assert "逾期未公开的处罚决定" in client.get("/work/").content.decode()
    export = client.get("/disclosures/review/", {"overdue": "1", "export": "xlsx"})
    rows = list(load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[1][0] == "京市监罚〔2024〕88号"
    assert len(rows) == 2
    client.force_login(make_user("coordinator", "310000", username="coordinator.sh"))
    assert "京市监罚〔2024〕88号" not in client.get("/disclosures/review/").content.decode()


def test_a_case_decided_again_keeps_one_disclosure_and_one_penalty_entry(decided, people):
    """A case returned by the judiciary and decided again: its subscribers are idempotent."""
    from django.db import transaction

    from ipshield.core.events import emit
    from ipshield.credit.models import IntegrityEvent
    from ipshield.disclosure.models import Disclosure

    case = decided.case
    case.decision_number = "京市监罚〔2025〕7号"
    with transaction.atomic():
        emit("case.decided", case=case)
    assert Disclosure.objects.filter(case=case).count() == 1
    assert Disclosure.objects.get(case=case).decision_number == "京市监罚〔2025〕7号"
    assert IntegrityEvent.objects.filter(case=case, kind="penalty").count() <= 1


def test_a_published_decision_states_its_legal_basis_in_the_readers_language(client, decided, people):
    disclosure_publish(actor=people["officer"], disclosure=decided)
    chinese = client.get(f"/disclosures/{decided.pk}/").content.decode()
    assert "商标法第六十条" in chinese
    assert "罚款、没收违法所得" in chinese or "罚款" in chinese
    assert "自收到处罚决定书之日起十五日内缴纳罚款" in chinese
    english = client.get(f"/disclosures/{decided.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "商标法第六十条" in english  # the article cited is the decision's own text
    assert "Pay the fine within 15 days" in english
    assert "罚款" not in english
    assert "依据：" not in english
