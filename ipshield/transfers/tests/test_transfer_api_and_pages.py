"""Transfers over the API and on pages: contract, bad input, leak tests, queues, documents, steps."""

import datetime as dt

import pytest
from django.utils import timezone

from ipshield.cases.models import Case
from ipshield.core.testing import assert_hidden, assert_leak_free
from ipshield.transfers.choices import TransferStatus
from ipshield.transfers.models import CriminalStep, SupervisionRecord, Transfer, TransferShare

from .conftest import walk

pytestmark = pytest.mark.django_db


def test_api_propose_and_act(api, cast, filed_case):
    client = api(cast["officer"])
    response = client.post(
        f"/api/v1/cases/{filed_case.pk}/transfers",
        {"group_member_ids": [cast["officer"].pk, cast["officer2"].pk], "report": "达到标准"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "proposed"
    assert len(body["manifest_hash"]) == 64
    tid = body["id"]
    assert api(cast["officer"]).post(f"/api/v1/transfers/{tid}/approve", {}).status_code == 403
    approved = api(cast["head"]).post(f"/api/v1/transfers/{tid}/approve", {"revision": body["revision"]})
    assert approved.json()["status"] == "approved"
    sent = api(cast["officer"]).post(f"/api/v1/transfers/{tid}/send", {})
    assert sent.json()["status"] == "sent"
    again = api(cast["officer"]).post(f"/api/v1/transfers/{tid}/send", {})
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "conflict"
    refused = api(cast["police"]).post(f"/api/v1/transfers/{tid}/refuse_case", {})
    assert refused.status_code == 422
    assert "reason" in refused.json()["error"]["fields"]
    accepted = api(cast["police"]).post(f"/api/v1/transfers/{tid}/accept", {"criminal_case_number": "X1"})
    assert accepted.json()["status"] == "accepted"
    assert [e["action"] for e in accepted.json()["events"]] == ["propose", "approve", "send", "accept"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"group_member_ids": [], "report": "x"}, "group_member_ids"),
        ({"group_member_ids": [1, 2], "report": ""}, "report"),
        ({"group_member_ids": [1, 2], "report": "x", "ground": "whim"}, "ground"),
    ],
)
def test_api_bad_proposals_are_422(api, cast, filed_case, body, field):
    response = api(cast["officer"]).post(f"/api/v1/cases/{filed_case.pk}/transfers", body)
    assert response.status_code == 422
    assert field in str(response.json()["error"]["fields"])
    assert Transfer.objects.count() == 0


def test_unknown_action_is_422(api, cast, proposed):
    response = api(cast["head"]).post(f"/api/v1/transfers/{proposed.pk}/explode", {})
    assert response.status_code == 422


def test_transfer_is_hidden_outside_its_agencies(client, api, cast, proposed):
    t = walk(proposed, [("head", "approve", {}, 1), ("officer", "send", {}, 2)], cast)

    def page(user):
        client.force_login(user)
        return client.get(f"/transfers/{t.pk}/")

    assert_leak_free(
        page,
        owner=cast["officer"],
        outsiders=[cast["sh_police"], cast["sh_officer"], cast["sh_procurator"], cast["judge"]],
    )
    for insider in ("police", "procurator", "coordinator"):
        client.force_login(cast[insider])
        assert client.get(f"/transfers/{t.pk}/").status_code == 200
    assert_hidden(api(cast["sh_police"]).get(f"/api/v1/transfers/{t.pk}"))
    assert_hidden(api(cast["sh_police"]).post(f"/api/v1/transfers/{t.pk}/accept", {}))
    assert api(cast["sh_police"]).get("/api/v1/transfers").json()["count"] == 0
    client.force_login(cast["sh_police"])
    assert_hidden(client.get(f"/transfers/{t.pk}/documents/transfer_letter.pdf"))
    # the police now see the case itself, which was shared on sending
    client.force_login(cast["police"])
    assert client.get(f"/cases/{t.case_id}/").status_code == 200


def test_overdue_list_via_api(api, cast, proposed):
    Transfer.objects.filter(pk=proposed.pk).update(next_due_at=timezone.now() - dt.timedelta(hours=1))
    body = api(cast["head"]).get("/api/v1/transfers?overdue=true").json()
    assert [i["id"] for i in body["items"]] == [proposed.pk]
    assert api(cast["head"]).get("/api/v1/transfers?overdue=false").json()["count"] == 1


def test_documents_render_as_pdf(client, cast, proposed):
    t = walk(
        proposed,
        [
            ("head", "approve", {}, 1),
            ("officer", "send", {}, 2),
            ("police", "refuse_case", {"reason": "证据不足"}, 3),
            ("officer", "request_reconsideration", {"reason": "有账册"}, 4),
            ("police", "uphold_refusal", {"reason": "维持"}, 5),
            ("officer", "propose_supervision", {"reason": "请监督"}, 6),
        ],
        cast,
    )
    client.force_login(cast["officer"])
    for key in ("transfer_letter", "refusal_notice", "reconsideration_request", "supervision_proposal"):
        response = client.get(f"/transfers/{t.pk}/documents/{key}.pdf")
        assert response.status_code == 200, key
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")
        assert len(response.content) > 3000
    assert client.get(f"/transfers/{proposed.pk}/documents/nonsense.pdf").status_code == 404


def test_document_not_yet_available_is_404(client, cast, proposed):
    client.force_login(cast["officer"])
    assert client.get(f"/transfers/{proposed.pk}/documents/transfer_letter.pdf").status_code == 404


def test_criminal_steps_per_person_and_court_sharing(api, client, cast, proposed):
    t = walk(proposed, [("head", "approve", {}, 1), ("officer", "send", {}, 2), ("police", "accept", {}, 3)], cast)
    today = timezone.localdate().isoformat()
    assert (
        api(cast["police"])
        .post(f"/api/v1/transfers/{t.pk}/steps", {"kind": "detention", "person_name": "张三", "occurred_on": today})
        .status_code
        == 201
    )
    assert (
        api(cast["police"])
        .post(f"/api/v1/transfers/{t.pk}/steps", {"kind": "detention", "person_name": "李四", "occurred_on": today})
        .status_code
        == 201
    )
    # only the procuratorate approves arrests
    assert (
        api(cast["police"])
        .post(
            f"/api/v1/transfers/{t.pk}/steps", {"kind": "arrest_approved", "person_name": "张三", "occurred_on": today}
        )
        .status_code
        == 403
    )
    bad = api(cast["procurator"]).post(
        f"/api/v1/transfers/{t.pk}/steps", {"kind": "prosecuted", "person_name": "", "occurred_on": today}
    )
    assert bad.status_code == 422
    api(cast["procurator"]).post(
        f"/api/v1/transfers/{t.pk}/steps", {"kind": "prosecuted", "person_name": "张三", "occurred_on": today}
    )
    assert TransferShare.objects.filter(transfer=t, agency=cast["judge"].agency).exists()
    judged = api(cast["judge"]).post(
        f"/api/v1/transfers/{t.pk}/steps",
        {"kind": "judged", "person_name": "张三", "occurred_on": today, "result": "有期徒刑一年"},
    )
    assert judged.status_code == 201
    assert CriminalStep.objects.filter(transfer=t).values("person_name").distinct().count() == 2
    client.force_login(cast["officer"])
    html = client.get(f"/transfers/{t.pk}/").content.decode()
    assert "涉案人员 2 人" in html
    assert "有期徒刑一年" in html


def test_supervision_queues(api, client, cast, filed_case, new_closed_suspected):
    from django.conf import settings

    Case.objects.filter(pk=filed_case.pk).update(
        suspected_since=timezone.now() - dt.timedelta(days=settings.IPSHIELD_TRANSFER_GRACE_DAYS + 1)
    )
    proc = api(cast["procurator"])
    not_transferred = proc.get("/api/v1/supervision/not_transferred").json()
    assert [i["id"] for i in not_transferred["items"]] == [filed_case.pk]
    assert api(cast["sh_procurator"]).get("/api/v1/supervision/not_transferred").json()["count"] == 0
    penalty = proc.get("/api/v1/supervision/penalty_instead").json()
    assert [i["id"] for i in penalty["items"]] == [new_closed_suspected.pk]
    assert penalty["items"][0]["close_reason"] == "当事人已缴纳罚款"
    assert proc.get("/api/v1/supervision/nonsense").status_code == 404
    opened = proc.post(
        "/api/v1/supervision", {"queue": "not_transferred", "case_id": filed_case.pk, "opinion": "请说明未移送理由"}
    )
    assert opened.status_code == 201
    record = SupervisionRecord.objects.get()
    assert record.addressee == filed_case.agency
    client.force_login(cast["officer"])
    response = client.post(f"/transfers/supervision/{record.pk}/", {"reply": "已提请移送"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.reply == "已提请移送"
    assert (
        api(cast["officer"])
        .post("/api/v1/supervision", {"queue": "not_transferred", "case_id": filed_case.pk, "opinion": "x"})
        .status_code
        == 403
    )
    client.force_login(cast["procurator"])
    export = client.get("/transfers/queues/not_transferred/?export=xlsx")
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    # proposing a transfer takes the case off the 应移未移 queue
    from ipshield.transfers.services import transfer_propose

    transfer_propose(
        actor=cast["officer"], case=filed_case, report="x", group_member_ids=[cast["officer"].pk, cast["officer2"].pk]
    )
    assert proc.get("/api/v1/supervision/not_transferred").json()["count"] == 0


@pytest.fixture
def new_closed_suspected(cast):
    from ipshield.cases.services import case_create, case_transition

    case = case_create(
        actor=cast["officer"],
        data={
            "title": "只罚款的案件",
            "domain": "trademark",
            "offence": "sell_goods_with_counterfeit_trademark",
            "conduct_date": dt.date(2025, 6, 1),
            "facts": {"sales_amount_yuan": 90000},
        },
    )
    for event, data in [
        ("file", {}),
        ("start_investigation", {}),
        ("decide", {"penalty_kinds": ["fine"], "fine_amount": 5000, "decision_number": "罚1号"}),
        ("close", {"close_reason": "当事人已缴纳罚款"}),
    ]:
        case = case_transition(actor=cast["officer"], case=case, event=event, data=data)
    return case


def test_home_queues_by_role(client, cast, proposed):
    client.force_login(cast["head"])
    queues = {q.key: q.count for q in client.get("/work/").context["queues"]}
    assert queues["transfers_to_approve"] == 1
    walk(proposed, [("head", "approve", {}, 1), ("officer", "send", {}, 2)], cast)
    client.force_login(cast["police"])
    queues = {q.key: q.count for q in client.get("/work/").context["queues"]}
    assert queues["transfers_police_pending"] == 1
    client.force_login(cast["sh_police"])
    queues = {q.key: q.count for q in client.get("/work/").context["queues"]}
    assert queues["transfers_police_pending"] == 0


def test_inbox_shows_steps_addressed_to_my_agency_and_role(client, cast, proposed):
    client.force_login(cast["head"])
    assert "待批准的移送" in client.get("/transfers/inbox/").content.decode()
    client.force_login(cast["police"])
    assert "待批准的移送" not in client.get("/transfers/inbox/").content.decode()


def test_propose_page_errors_and_success(client, cast, filed_case):
    client.force_login(cast["officer"])
    response = client.post(
        f"/transfers/propose/{filed_case.pk}/",
        {"report": "x", "ground": "suspected_crime", "group_members": [cast["officer"].pk]},
    )
    assert "两名以上" in response.content.decode()
    response = client.post(
        f"/transfers/propose/{filed_case.pk}/",
        {"report": "达到标准", "ground": "suspected_crime", "group_members": [cast["officer"].pk, cast["officer2"].pk]},
    )
    assert response.status_code == 302
    assert Transfer.objects.get().status == TransferStatus.PROPOSED


def test_people_are_shown_by_name_and_title_not_login_name(client, cast, proposed):
    from ipshield.core.models import User

    User.objects.filter(pk=cast["officer"].pk).update(display_name="张伟")
    User.objects.filter(pk=cast["officer2"].pk).update(display_name="李娜", title="稽查科科长")
    client.force_login(cast["head"])
    html = client.get(f"/transfers/{proposed.pk}/").content.decode()
    group = html.split("专案组成员", 1)[1].split("</dd>", 1)[0]
    assert "张伟（执法人员）" in group
    assert "李娜（稽查科科长）" in group
    assert "officer.bj" not in group
    assert "officer2.bj" not in group
    client.cookies["django_language"] = "en"
    html = client.get(f"/transfers/{proposed.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "张伟 (" in html
    assert "（执法人员）" not in html


def test_inbox_titles_follow_the_readers_language(client, cast, proposed):
    client.force_login(cast["head"])
    chinese = client.get("/transfers/inbox/").content.decode()
    assert f"待批准的移送：{proposed.case.number}" in chinese
    english = client.get("/transfers/inbox/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert proposed.case.number in english
    assert "待批准的移送" not in english
