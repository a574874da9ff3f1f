"""Each cooperation object through the public API as the agencies involved: the whole lifecycle,
who may take which step, the conflicts (409), input outside the sender's reach (422) and what the
other agencies and regions see."""

import datetime as dt
import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ipshield.cases.models import Case, CaseShare
from ipshield.cooperation.models import Cooperation, Entry
from ipshield.cooperation.services import cooperation_act, sweep
from ipshield.core.deadlines import CHINA_TZ, OFFICIAL_CALENDAR
from ipshield.core.models import AuditEvent
from ipshield.core.tests.file_corpus import LEGITIMATE
from ipshield.core.workflow import Conflict
from ipshield.tips.services import tip_submit
from ipshield.transfers.models import Notification

from .conftest import day, decide

pytestmark = pytest.mark.django_db


def titles(agency):
    return [n.text for n in Notification.objects.filter(agency=agency)]


# --- 线索通报 -------------------------------------------------------------------------------------


def test_a_lead_goes_to_two_regions_the_first_to_accept_opens_the_case_and_hears_back(cast, api):
    sender = api(cast["officer"])
    response = sender.post(
        "/api/v1/leads",
        {
            "title": "广东某工厂生产假冒运动鞋",
            "body": "北京查获的假冒运动鞋来自广东东莞某工厂，附物流单据。",
            "receivers": [cast["gd_officer"].agency_id, cast["sh_officer"].agency_id],
            "target_name": "东莞某鞋业有限公司",
            "domain": "trademark",
            "urgency": "urgent",
        },
    )
    assert response.status_code == 201, response.content
    lead = response.json()
    assert lead["status"] == "sent"
    assert lead["number"].endswith("号")
    assert "线通" in lead["number"]
    # urgent: 3 working days
    due = dt.datetime.fromisoformat(lead["due_at"]).astimezone(CHINA_TZ).date()
    assert due == OFFICIAL_CALENDAR.add_working_days(timezone.localdate(), 3)
    assert any("广东某工厂" in t for t in titles(cast["gd_officer"].agency))

    gd, sh = api(cast["gd_officer"]), api(cast["sh_officer"])
    assert gd.get(f"/api/v1/leads/{lead['id']}").json()["actions"] == ["acknowledge", "accept", "decline"]
    assert gd.post(f"/api/v1/leads/{lead['id']}/acknowledge", {}).json()["status"] == "acknowledged"
    accepted = gd.post(f"/api/v1/leads/{lead['id']}/accept", {"note": "已立案调查"})
    assert accepted.status_code == 200, accepted.content
    case = Case.objects.get(pk=accepted.json()["case"]["id"])
    assert case.agency_id == cast["gd_officer"].agency_id
    assert case.parties.get().name == "东莞某鞋业有限公司"
    assert list(case.cooperations.values_list("pk", flat=True)) == [lead["id"]]  # linked both ways

    # Shanghai, the second receiver, can no longer accept: 409, and nothing changed.
    audit_before = AuditEvent.objects.count()
    second = sh.post(f"/api/v1/leads/{lead['id']}/accept", {})
    assert second.status_code == 409
    assert "受理" in second.json()["error"]["message"]
    assert AuditEvent.objects.count() == audit_before
    assert Case.objects.filter(agency=cast["sh_officer"].agency).count() == 0

    # The case is decided in Guangdong: Beijing hears the outcome on the lead.
    decide(case, cast["gd_officer"])
    after = sender.get(f"/api/v1/leads/{lead['id']}").json()
    assert after["status"] == "fed_back"
    assert any(e["kind"] == "feedback" and case.number in e["text"] for e in after["entries"])
    assert any("办理结果" in t for t in titles(cast["officer"].agency))


def test_a_lead_declined_by_every_receiver_is_declined_and_the_sender_may_not_accept_it(cast, api):
    lead = (
        api(cast["officer"])
        .post("/api/v1/leads", {"title": "线索", "body": "内容", "receivers": [cast["gd_officer"].agency_id]})
        .json()
    )
    assert api(cast["officer"]).post(f"/api/v1/leads/{lead['id']}/accept", {}).status_code == 403
    no_reason = api(cast["gd_officer"]).post(f"/api/v1/leads/{lead['id']}/decline", {})
    assert no_reason.status_code == 422
    declined = api(cast["gd_officer"]).post(f"/api/v1/leads/{lead['id']}/decline", {"note": "不属本局管辖"})
    assert declined.json()["status"] == "declined"
    assert declined.json()["participants"][0]["note"] == "不属本局管辖"


def test_a_lead_from_a_tip_must_be_a_tip_the_sender_can_see(cast, api):
    response = api(cast["officer"]).post(
        "/api/v1/leads",
        {"title": "线索", "body": "内容", "receivers": [cast["gd_officer"].agency_id], "tip_id": 999999},
    )
    assert response.status_code == 422
    assert "tip_id" in response.json()["error"]["fields"]
    assert not Cooperation.objects.exists()


# --- 案件协查 -------------------------------------------------------------------------------------


def test_beijing_asks_guangdong_for_a_warehouse_inspection_and_the_evidence_hashes_match(cast, api, client, bj_case):
    beijing = api(cast["officer"])
    created = beijing.post(
        "/api/v1/assistance-requests",
        {
            "title": "协查东莞仓库",
            "receiver": cast["gd_officer"].agency_id,
            "case_id": bj_case.pk,
            "questions": ["仓库内是否存放涉案运动鞋？", "仓库租用人是谁？"],
            "tasks": ["warehouse", "identity"],
        },
    )
    assert created.status_code == 201, created.content
    request = created.json()
    due = dt.datetime.fromisoformat(request["due_at"]).astimezone(CHINA_TZ).date()
    assert due == OFFICIAL_CALENDAR.add_working_days(timezone.localdate(), 15)  # 15 working days by default
    assert request["due_agency"] == cast["gd_officer"].agency.name

    guangdong = api(cast["gd_officer"])
    assert (
        guangdong.post(f"/api/v1/assistance-requests/{request['id']}/reply", {"answers": ["a", "b"]}).status_code == 409
    )
    guangdong.post(f"/api/v1/assistance-requests/{request['id']}/acknowledge", {})
    pdf = LEGITIMATE["pdf one page"]()
    upload = client.post(
        f"/api/v1/assistance-requests/{request['id']}/evidence",
        {"file": SimpleUploadedFile("仓库检查笔录.pdf", pdf, content_type="application/pdf")},
        **guangdong.headers,
    )
    assert upload.status_code == 201, upload.content
    sha = upload.json()["sha256"]
    one_answer = guangdong.post(f"/api/v1/assistance-requests/{request['id']}/reply", {"answers": ["有"]})
    assert one_answer.status_code == 422  # two questions, two answers
    replied = guangdong.post(
        f"/api/v1/assistance-requests/{request['id']}/reply",
        {"answers": ["存放假冒运动鞋约3000双", "租用人为李某"], "note": "检查笔录附后"},
    )
    assert replied.status_code == 200, replied.content
    # Beijing sees the same answers and the same hash as Guangdong stored.
    seen = beijing.get(f"/api/v1/assistance-requests/{request['id']}").json()
    reply = next(e for e in seen["entries"] if e["kind"] == "reply")
    assert reply["data"]["answers"] == ["存放假冒运动鞋约3000双", "租用人为李某"]
    assert [f["sha256"] for f in reply["data"]["evidence"]] == [sha]
    assert reply["agency"] == cast["gd_officer"].agency.name  # provenance
    download = client.get(f"/files/{reply['data']['evidence'][0]['attachment']}/")
    assert download.status_code in {302, 404}  # not logged in on pages
    client.force_login(cast["officer"])
    body = client.get(f"/files/{reply['data']['evidence'][0]['attachment']}/")
    if body.status_code == 200:
        content = b"".join(body.streaming_content) if body.streaming else body.content
        assert hashlib.sha256(content).hexdigest() == sha
    # The Beijing case lists the reply.
    assert bj_case.cooperations.get().status == "replied"
    assert beijing.post(f"/api/v1/assistance-requests/{request['id']}/confirm", {}).json()["status"] == "closed"


def test_assistance_outside_the_senders_reach_is_refused_with_the_field_named(cast, api):
    beijing = api(cast["officer"])
    base = {"title": "协查", "questions": ["问题"], "tasks": ["identity"]}
    same_region = beijing.post("/api/v1/assistance-requests", {**base, "receiver": cast["head"].agency_id + 10_000})
    assert same_region.status_code == 422
    court = beijing.post("/api/v1/assistance-requests", {**base, "receiver": cast["court"].pk})
    assert court.status_code == 422
    assert "receiver" in court.json()["error"]["fields"]
    too_soon = beijing.post(
        "/api/v1/assistance-requests", {**base, "receiver": cast["gd_officer"].agency_id, "due_date": day(0)}
    )
    assert too_soon.status_code == 422
    assert "due_date" in too_soon.json()["error"]["fields"]
    someone_elses_case = beijing.post(
        "/api/v1/assistance-requests", {**base, "receiver": cast["gd_officer"].agency_id, "case_id": 10**12}
    )
    assert someone_elses_case.status_code == 422
    assert not Cooperation.objects.exists()


def test_a_reply_after_the_request_was_withdrawn_is_a_conflict_and_writes_nothing(cast, api):
    request = (
        api(cast["officer"])
        .post(
            "/api/v1/assistance-requests",
            {"title": "协查", "receiver": cast["gd_officer"].agency_id, "questions": ["问题"], "tasks": ["identity"]},
        )
        .json()
    )
    api(cast["gd_officer"]).post(f"/api/v1/assistance-requests/{request['id']}/acknowledge", {})
    assert (
        api(cast["gd_officer"]).post(f"/api/v1/assistance-requests/{request['id']}/withdraw", {"note": "x"}).status_code
        == 403
    )
    withdrawn = api(cast["officer"]).post(
        f"/api/v1/assistance-requests/{request['id']}/withdraw", {"note": "案件已移送"}
    )
    assert withdrawn.json()["status"] == "withdrawn"
    entries = Entry.objects.count()
    late = api(cast["gd_officer"]).post(f"/api/v1/assistance-requests/{request['id']}/reply", {"answers": ["答复"]})
    assert late.status_code == 409
    assert "撤回" in late.json()["error"]["message"]
    assert Entry.objects.count() == entries


def test_an_overdue_request_is_escalated_to_the_receivers_coordinator_once(cast, api, make_agency):
    gd_office = cast["gd_coordinator"].agency
    request = (
        api(cast["officer"])
        .post(
            "/api/v1/assistance-requests",
            {"title": "协查", "receiver": cast["gd_officer"].agency_id, "questions": ["问题"], "tasks": ["identity"]},
        )
        .json()
    )
    record = Cooperation.objects.get(pk=request["id"])
    later = record.due_at + dt.timedelta(hours=1)
    assert sweep(now=record.due_at - dt.timedelta(hours=1))["escalated"] == 0
    assert sweep(now=later)["escalated"] == 1
    assert sweep(now=later + dt.timedelta(hours=2))["escalated"] == 0  # once per deadline
    assert any("逾期上报" in t for t in titles(gd_office))
    assert any("已逾期" in t for t in titles(cast["gd_officer"].agency))
    record.refresh_from_db()
    assert record.escalated_at is not None
    # The Guangdong coordinating office sees it (a participant lies in its region), Shanghai's does not.
    make_agency("310000", kind="leading_group")
    assert api(cast["gd_coordinator"]).get(f"/api/v1/assistance-requests/{record.pk}").status_code == 200
    assert api(cast["sh_officer"]).get(f"/api/v1/assistance-requests/{record.pk}").status_code == 404


# --- 联合办案 -------------------------------------------------------------------------------------


def test_joint_case_roles_shared_timeline_and_each_agencys_permissions(cast, api, bj_case, make_user, make_agency):
    appraisal = make_user("officer", "110000", agency=make_agency("110000", kind="quality"), username="appraiser.bj")
    joint = api(cast["officer"]).post(
        "/api/v1/joint-cases",
        {
            "title": "京粤联合查办假冒运动鞋案",
            "case_id": bj_case.pk,
            "participants": [
                {"agency": cast["gd_officer"].agency_id, "role": "participant"},
                {"agency": appraisal.agency_id, "role": "support"},
            ],
        },
    )
    assert joint.status_code == 201, joint.content
    jid = joint.json()["id"]
    again = api(cast["officer"]).post(
        "/api/v1/joint-cases",
        {"title": "重复", "case_id": bj_case.pk, "participants": [{"agency": cast["gd_officer"].agency_id}]},
    )
    assert again.status_code == 409
    guangdong = api(cast["gd_officer"])
    assert guangdong.post(f"/api/v1/joint-cases/{jid}/note", {"note": "未参加先记录"}).status_code == 403
    guangdong.post(f"/api/v1/joint-cases/{jid}/join", {})
    assert CaseShare.objects.filter(case=bj_case, agency=cast["gd_officer"].agency, reason="joint").exists()
    assert (
        api(cast["gd_officer"]).get(f"/api/v1/cases/{bj_case.pk}").status_code == 200
    )  # the participant works on the case
    api(appraisal).post(f"/api/v1/joint-cases/{jid}/join", {})
    assert not CaseShare.objects.filter(
        case=bj_case, agency=appraisal.agency
    ).exists()  # support sees the joint record only
    assert api(appraisal).get(f"/api/v1/cases/{bj_case.pk}").status_code == 404
    assert guangdong.post(f"/api/v1/joint-cases/{jid}/note", {"note": "东莞仓库已查封"}).status_code == 200
    assert guangdong.post(f"/api/v1/joint-cases/{jid}/close", {"note": "x"}).status_code == 403  # only the lead agency
    closed = api(cast["officer"]).post(f"/api/v1/joint-cases/{jid}/close", {"note": "联合查办完毕"}).json()
    assert closed["status"] == "closed"
    assert [e["kind"] for e in closed["entries"]] == ["note", "assessment"]
    assert api(cast["sh_officer"]).get(f"/api/v1/joint-cases/{jid}").status_code == 404


# --- 挂牌督办 -------------------------------------------------------------------------------------


def test_supervision_reminder_the_next_working_day_escalation_and_criticism(cast, api, bj_case):
    coordinator = api(cast["coordinator"])
    outside = api(cast["gd_coordinator"]).post(
        "/api/v1/supervised-cases",
        {"title": "督办", "body": "x", "case_id": bj_case.pk, "milestones": [{"title": "查清", "due_date": day(5)}]},
    )
    assert outside.status_code == 422  # a case outside Guangdong's reach
    created = coordinator.post(
        "/api/v1/supervised-cases",
        {
            "title": "挂牌督办：北京假冒运动鞋案",
            "body": "涉案金额大，社会影响大",
            "case_id": bj_case.pk,
            "milestones": [{"title": "查清货源", "due_date": day(3)}, {"title": "作出处理", "due_date": day(10)}],
        },
    )
    assert created.status_code == 201, created.content
    record = Cooperation.objects.get(pk=created.json()["id"])
    assert record.due_agency_id == bj_case.agency_id
    assert (
        coordinator.post(
            "/api/v1/supervised-cases",
            {
                **{"title": "再次", "body": "x", "case_id": bj_case.pk},
                "milestones": [{"title": "a", "due_date": day(5)}],
            },
        ).status_code
        == 409
    )
    handler = api(cast["officer"])
    assert handler.post(f"/api/v1/supervised-cases/{record.pk}/report", {"note": "已调取物流记录"}).status_code == 200
    first, second = record.milestones.order_by("due_at")
    # Missed: no reminder on the day itself, one on the next working day, only once.
    missed_day = timezone.localtime(first.due_at).date()
    next_working = OFFICIAL_CALENDAR.add_working_days(missed_day, 1)
    same_day_late = first.due_at + dt.timedelta(seconds=1)
    assert timezone.localtime(same_day_late).date() > missed_day  # 23:59:59 + 1s is the next calendar day
    if timezone.localtime(same_day_late).date() < next_working:
        assert sweep(now=same_day_late)["reminded"] == 0
    morning = dt.datetime.combine(next_working, dt.time(8, 0), tzinfo=CHINA_TZ)
    assert sweep(now=morning)["reminded"] == 1
    assert sweep(now=morning + dt.timedelta(hours=1))["reminded"] == 0
    assert any("催办" in t for t in titles(bj_case.agency))
    # A missed milestone's deadline cannot be moved (the record of the delay stays).
    with pytest.raises(Conflict):
        cooperation_act(
            actor=cast["coordinator"],
            record=record,
            action="move_milestone",
            data={"milestone_id": first.pk, "due_date": day(30), "note": "延期"},
            now=morning,
        )
    first.refresh_from_db()
    assert first.reminded_at is not None
    # Criticism needs repeated delays.
    assert coordinator.post(f"/api/v1/supervised-cases/{record.pk}/criticize", {"note": "通报"}).status_code == 422
    second_late = dt.datetime.combine(
        OFFICIAL_CALENDAR.add_working_days(timezone.localtime(second.due_at).date(), 1), dt.time(9), tzinfo=CHINA_TZ
    )
    counts = sweep(now=second_late)
    assert counts["reminded"] == 1
    assert counts["repeated"] == 1
    assert any("多次逾期" in t for t in titles(cast["coordinator"].agency))
    assert (
        coordinator.post(
            f"/api/v1/supervised-cases/{record.pk}/criticize", {"note": "两次逾期，予以通报批评"}
        ).status_code
        == 200
    )
    done = handler.post(
        f"/api/v1/supervised-cases/{record.pk}/complete_milestone", {"milestone_id": first.pk, "note": "货源已查清"}
    ).json()
    assert next(m for m in done["milestones"] if m["id"] == first.pk)["missed"] is True
    assert (
        handler.post(f"/api/v1/supervised-cases/{record.pk}/close", {"rating": "good", "note": "x"}).status_code == 403
    )
    no_rating = coordinator.post(f"/api/v1/supervised-cases/{record.pk}/close", {"note": "办结"})
    assert no_rating.status_code == 422
    closed = coordinator.post(
        f"/api/v1/supervised-cases/{record.pk}/close", {"note": "办结", "rating": "qualified"}
    ).json()
    assert closed["status"] == "closed"
    assert closed["details"]["rating"] == "qualified"
    assert closed["due_at"] is None


def test_a_milestone_moved_before_it_is_missed_is_recorded(cast, api, bj_case):
    record = (
        api(cast["coordinator"])
        .post(
            "/api/v1/supervised-cases",
            {
                "title": "督办",
                "body": "x",
                "case_id": bj_case.pk,
                "milestones": [{"title": "查清", "due_date": day(5)}],
            },
        )
        .json()
    )
    milestone = record["milestones"][0]["id"]
    moved = (
        api(cast["coordinator"])
        .post(
            f"/api/v1/supervised-cases/{record['id']}/move_milestone",
            {"milestone_id": milestone, "due_date": day(20), "note": "需异地调证"},
        )
        .json()
    )
    assert moved["milestones"][0]["due_at"].startswith(day(20))
    assert moved["entries"][-1]["data"]["to"] == day(20)


# --- 集群战役 -------------------------------------------------------------------------------------


def test_campaign_links_cases_of_participating_regions_and_reports_them(cast, api, bj_case, client):
    national = api(cast["national"])
    created = national.post(
        "/api/v1/campaigns",
        {
            "title": "2026年京粤假冒运动鞋集群战役",
            "start": day(-30),
            "end": day(60),
            "domains": ["trademark"],
            "product_categories": ["鞋类"],
            "regions": ["110000", "440000"],
        },
    )
    assert created.status_code == 201, created.content
    cid = created.json()["id"]
    assert (
        api(cast["coordinator"])
        .post(
            "/api/v1/campaigns",
            {"title": "越权", "start": day(0), "end": day(10), "domains": ["trademark"], "regions": ["440000"]},
        )
        .status_code
        == 422
    )  # Beijing's office cannot enlist Guangdong
    national.post(f"/api/v1/campaigns/{cid}/start", {})
    beijing = api(cast["officer"])
    linked = beijing.post(
        f"/api/v1/campaigns/{cid}/link", {"case_id": bj_case.pk, "dens_destroyed": 2, "amount_involved": "150000.00"}
    )
    assert linked.status_code == 200, linked.content
    assert beijing.post(f"/api/v1/campaigns/{cid}/link", {"case_id": bj_case.pk}).status_code == 409
    assert api(cast["sh_officer"]).post(f"/api/v1/campaigns/{cid}/link", {"case_id": bj_case.pk}).status_code == 404
    decide(bj_case, cast["officer"], amount=80000)
    tip, _ = tip_submit(
        data={
            "domain": "trademark",
            "description": "某商店销售假冒运动鞋，价格明显偏低。",
            "address": "北京市朝阳区建国路88号",
            "anonymous": True,
        }
    )
    assert tip.agency_id == cast["officer"].agency_id
    both = beijing.post(f"/api/v1/campaigns/{cid}/link", {"case_id": bj_case.pk, "tip_id": tip.pk})
    assert both.status_code == 422
    assert api(cast["gd_officer"]).post(f"/api/v1/campaigns/{cid}/link", {"tip_id": tip.pk}).status_code == 422
    assert beijing.post(f"/api/v1/campaigns/{cid}/link", {"tip_id": tip.pk}).status_code == 200
    assert beijing.post(f"/api/v1/campaigns/{cid}/link", {"tip_id": tip.pk}).status_code == 409
    report = beijing.get(f"/api/v1/campaigns/{cid}/report").json()
    rows = {row["region"]: row for row in report["rows"]}
    assert rows["110000"]["cases"] == 1
    assert rows["110000"]["dens"] == 2
    assert rows["440000"]["cases"] == 0
    assert rows["total"]["penalty"] == "8.00"  # 万元
    assert rows["total"]["amount"] == "15.00"
    assert (rows["110000"]["tips"], rows["440000"]["tips"]) == (1, 0)
    assert report["partial"] is False
    # Guangdong takes part but may not open the Beijing case: it is not counted for Guangdong.
    seen_by_gd = api(cast["gd_officer"]).get(f"/api/v1/campaigns/{cid}/report").json()
    assert {row["region"]: row["cases"] for row in seen_by_gd["rows"]} == {"110000": 0, "440000": 0, "total": 0}
    assert seen_by_gd["rows"][-1]["tips"] == 0  # nor the Beijing tip
    assert seen_by_gd["partial"] is True
    assert national.get(f"/api/v1/campaigns/{cid}/report").json()["rows"][-1]["cases"] == 1
    concluded = national.post(f"/api/v1/campaigns/{cid}/conclude", {"note": "捣毁窝点2个"}).json()
    assert concluded["status"] == "concluded"
    client.force_login(cast["national"])
    xlsx = client.get(f"/cooperation/{cid}/report.xlsx")
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    pdf = client.get(f"/cooperation/{cid}/report.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


# --- 疑难案件会商 ---------------------------------------------------------------------------------


def test_consultation_replies_once_per_invitee_and_nothing_after_withdrawal(cast, api, make_user):
    police_bj = make_user("police", "110000", username="police.bj")
    asked = api(cast["officer"]).post(
        "/api/v1/consultations",
        {
            "title": "销售金额如何认定",
            "body": "已销售部分无票据，未销售部分按标价还是按实际售价计算？",
            "invitees": [cast["procurator"].agency_id, police_bj.agency_id],
        },
    )
    assert asked.status_code == 201, asked.content
    cid = asked.json()["id"]
    procurator = api(cast["procurator"])
    assert (
        procurator.post(f"/api/v1/consultations/{cid}/reply", {"note": "按实际售价认定，无法查清的按标价"}).status_code
        == 200
    )
    assert procurator.post(f"/api/v1/consultations/{cid}/reply", {"note": "再说一次"}).status_code == 409
    assert api(cast["officer"]).post(f"/api/v1/consultations/{cid}/withdraw", {"note": "已有结论"}).status_code == 200
    late = api(police_bj).post(f"/api/v1/consultations/{cid}/reply", {"note": "意见"})
    assert late.status_code == 409
    opinions = [
        e for e in api(cast["officer"]).get(f"/api/v1/consultations/{cid}").json()["entries"] if e["kind"] == "opinion"
    ]
    assert len(opinions) == 1


# --- bad input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/v1/leads", {"title": "x", "body": "y", "receivers": [2**70]}),
        ("/api/v1/leads", {"title": "x", "body": "y", "receivers": [True]}),
        ("/api/v1/leads", {"title": "x", "body": "y", "receivers": "all"}),
        ("/api/v1/leads", {"title": "x\u0000", "body": "y", "receivers": [1]}),
        ("/api/v1/leads", {"title": "x" * 201, "body": "y", "receivers": [1]}),
        ("/api/v1/assistance-requests", {"title": "x", "receiver": 1, "questions": [], "tasks": ["identity"]}),
        ("/api/v1/assistance-requests", {"title": "x", "receiver": 1, "questions": ["q"], "tasks": ["fly"]}),
        (
            "/api/v1/assistance-requests",
            {"title": "x", "receiver": 1, "questions": ["q"], "tasks": ["identity"], "due_date": "9999-01-01"},
        ),
        (
            "/api/v1/campaigns",
            {"title": "x", "start": "2026-01-01", "end": "2026-02-01", "domains": ["trademark"], "regions": ["11"]},
        ),
        ("/api/v1/supervised-cases", {"title": "x", "body": "y", "case_id": 1, "milestones": [{"title": "a"}]}),
        ("/api/v1/consultations", {"title": "x", "body": "y", "invitees": [{"a": {"b": {"c": [[[[1]]]]}}}]}),
    ],
)
def test_bad_input_is_a_4xx_with_a_message_and_writes_nothing(cast, api, url, body):
    response = api(cast["coordinator"] if "campaign" in url or "supervised" in url else cast["officer"]).post(url, body)
    assert 400 <= response.status_code < 500, response.content
    assert response.json()["error"]["message"]
    assert not Cooperation.objects.exists()


def test_unknown_steps_and_records_answer_clearly(cast, api):
    lead = (
        api(cast["officer"])
        .post("/api/v1/leads", {"title": "线索", "body": "内容", "receivers": [cast["gd_officer"].agency_id]})
        .json()
    )
    assert api(cast["officer"]).post(f"/api/v1/leads/{lead['id']}/explode", {}).status_code in {409, 422}
    assert api(cast["officer"]).post(f"/api/v1/leads/{lead['id']}/withdraw", {"note": 5}).status_code == 422
    assert (
        api(cast["officer"]).get(f"/api/v1/assistance-requests/{lead['id']}").status_code == 404
    )  # another kind's route
    assert api(cast["officer"]).get("/api/v1/leads/99999999999999999999").status_code == 422
    listed = api(cast["officer"]).get("/api/v1/leads?box=sent").json()
    assert [item["id"] for item in listed["items"]] == [lead["id"]]
    assert api(cast["gd_officer"]).get("/api/v1/leads?box=todo").json()["count"] == 1
    assert api(cast["sh_officer"]).get("/api/v1/leads").json()["count"] == 0


def test_the_sender_hears_when_the_leads_case_ends_without_a_penalty(cast, api):
    lead = (
        api(cast["officer"])
        .post("/api/v1/leads", {"title": "线索", "body": "内容", "receivers": [cast["gd_officer"].agency_id]})
        .json()
    )
    accepted = api(cast["gd_officer"]).post(f"/api/v1/leads/{lead['id']}/accept", {}).json()
    case = Case.objects.get(pk=accepted["case"]["id"])
    from ipshield.cases.services import case_transition

    case_transition(actor=cast["gd_head"], case=case, event="not_file", data={"close_reason": "查无实据"})
    after = api(cast["officer"]).get(f"/api/v1/leads/{lead['id']}").json()
    assert after["status"] == "fed_back"
    assert case.number in next(e for e in after["entries"] if e["kind"] == "feedback")["text"]


def test_evidence_comes_only_from_the_sender_or_an_agency_still_working_on_the_record(
    cast, api, client, bj_case, make_user, make_agency
):
    """Files are part of the record's provenance: an invited agency that has not joined, or that
    declined, cannot add to it; the sender and a joined agency can."""
    support = make_user("officer", "110000", agency=make_agency("110000", kind="quality"), username="support.bj")
    jid = (
        api(cast["officer"])
        .post(
            "/api/v1/joint-cases",
            {
                "title": "联合办案",
                "case_id": bj_case.pk,
                "participants": [
                    {"agency": cast["gd_officer"].agency_id, "role": "participant"},
                    {"agency": support.agency_id, "role": "support"},
                ],
            },
        )
        .json()["id"]
    )

    def upload(user):
        return client.post(
            f"/api/v1/joint-cases/{jid}/evidence",
            {"file": SimpleUploadedFile("笔录.pdf", LEGITIMATE["pdf one page"](), content_type="application/pdf")},
            **api(user).headers,
        )

    refused = upload(cast["gd_officer"])  # invited, not joined yet
    assert refused.status_code == 403
    assert "正在办理" in refused.json()["error"]["message"]
    api(support).post(f"/api/v1/joint-cases/{jid}/decline", {"note": "无鉴定资质"})
    assert upload(support).status_code == 403  # declined
    assert not Entry.objects.filter(cooperation_id=jid, kind="evidence").exists()
    api(cast["gd_officer"]).post(f"/api/v1/joint-cases/{jid}/join", {})
    assert upload(cast["gd_officer"]).status_code == 201
    assert upload(cast["officer"]).status_code == 201  # the lead agency that started it
    assert upload(cast["sh_officer"]).status_code == 404  # not a party: the record does not exist for it
