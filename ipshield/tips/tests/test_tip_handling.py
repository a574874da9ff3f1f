"""The agency side: statutory clocks, decisions told to the reporter, reassignment, case link,
identity reveal, rewards and spot checks."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ipshield.cases.services import case_transition
from ipshield.core.deadlines import CHINA_TZ
from ipshield.core.models import AuditEvent
from ipshield.core.testing import assert_hidden
from ipshield.tips.choices import RewardStatus, TipStatus
from ipshield.tips.models import SpotCheck, SpotCheckItem, Tip
from ipshield.tips.rewarding import reward_claim, reward_decide, reward_pay, reward_propose
from ipshield.tips.services import TipConflict, reporter_identity, tip_act, tip_submit, tip_to_case
from ipshield.tips.spot_checks import spot_check_draw, spot_check_review

from .conftest import BODY

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2024, 9, 20, 10, tzinfo=CHINA_TZ)


@pytest.fixture
def tip(tip_cast):
    created, _ = tip_submit(
        data={**BODY, "anonymous": False, "reporter": {"name": "王小明", "phone": "13912345678"}}, now=T0
    )
    return created


def test_acceptance_clock_is_fifteen_working_days(tip):
    # samr_tip_handling: 15 working days from 2024-09-20 across National Day 2024 → 10-16
    assert tip.accept_due_at.date() == dt.date(2024, 10, 16)
    assert tip.next_due_at == tip.accept_due_at


def test_extension_adds_fifteen_working_days_once(tip, tip_cast):
    extended = tip_act(actor=tip_cast["officer"], tip=tip, action="extend")
    assert extended.accept_due_at.date() == dt.date(2024, 11, 6)
    with pytest.raises(ValidationError):
        tip_act(actor=tip_cast["officer"], tip=extended, action="extend")


def test_decisions_reach_the_reporter(tip, tip_cast):
    accepted = tip_act(actor=tip_cast["officer"], tip=tip, action="accept", now=T0 + dt.timedelta(days=2))
    assert accepted.status == TipStatus.ACCEPTED
    assert accepted.next_due_at is None
    with pytest.raises(ValidationError):
        tip_act(actor=tip_cast["officer"], tip=accepted, action="conclude")
    concluded = tip_act(
        actor=tip_cast["officer"],
        tip=accepted,
        action="conclude",
        data={"result": "已立案查处，没收假冒运动鞋120双。"},
        now=T0 + dt.timedelta(days=20),
    )
    assert concluded.notify_due_at is not None
    texts = [m.text for m in concluded.messages.all()]
    assert texts == ["您的举报已受理。", "您的举报已办结：已立案查处，没收假冒运动鞋120双。"]


def test_rejection_needs_a_reason(tip, tip_cast):
    with pytest.raises(ValidationError):
        tip_act(actor=tip_cast["officer"], tip=tip, action="reject")
    rejected = tip_act(actor=tip_cast["officer"], tip=tip, action="reject", data={"reason": "不属于本机关管辖"})
    assert rejected.status == TipStatus.REJECTED
    with pytest.raises(TipConflict):
        tip_act(actor=tip_cast["officer"], tip=rejected, action="accept")


def test_only_the_handling_agency_acts_and_others_cannot_see(client, tip, tip_cast):
    with pytest.raises(PermissionDenied):
        tip_act(actor=tip_cast["sh_officer"], tip=tip, action="accept")
    client.force_login(tip_cast["sh_officer"])
    assert_hidden(client.get(f"/tips/{tip.pk}/"))
    assert_hidden(client.post(f"/tips/{tip.pk}/action/", {"op": "accept"}))
    client.force_login(tip_cast["coordinator"])
    assert client.get(f"/tips/{tip.pk}/").status_code == 200


def test_coordinator_reassigns(tip, tip_cast, make_agency):
    copyright_office = make_agency(region="110000", kind="copyright")
    with pytest.raises(PermissionDenied):
        tip_act(actor=tip_cast["officer"], tip=tip, action="reassign", data={"agency_id": copyright_office.pk})
    moved = tip_act(actor=tip_cast["coordinator"], tip=tip, action="reassign", data={"agency_id": copyright_office.pk})
    assert moved.agency == copyright_office


def test_identity_reveal_is_audited_and_limited(tip, tip_cast):
    identity = reporter_identity(actor=tip_cast["officer"], tip=tip)
    assert identity["name"] == "王小明"
    assert AuditEvent.objects.filter(action="tip.reveal_identity", object_id=str(tip.pk)).count() == 1
    with pytest.raises(PermissionDenied):
        reporter_identity(actor=tip_cast["coordinator"], tip=tip)


def _closed_case_with_fine(tip, tip_cast, fine):
    case = tip_to_case(actor=tip_cast["officer"], tip=tip)
    for event, data in [
        ("file", {}),
        ("start_investigation", {}),
        ("decide", {"penalty_kinds": ["fine"], "fine_amount": fine, "decision_number": "罚1号"}),
    ]:
        case = case_transition(actor=tip_cast["officer"], case=case, event=event, data=data)
    tip.refresh_from_db()
    tip_act(actor=tip_cast["officer"], tip=tip, action="accept")
    return tip_act(
        actor=tip_cast["officer"], tip=Tip.objects.get(pk=tip.pk), action="conclude", data={"result": "已处罚"}
    )


def test_tip_becomes_a_case_linked_both_ways(tip, tip_cast):
    case = tip_to_case(actor=tip_cast["officer"], tip=tip)
    assert Tip.objects.get(pk=tip.pk).case == case
    assert case.tips.get() == Tip.objects.get(pk=tip.pk)
    assert tip.tracking_number in case.facts_text
    with pytest.raises(TipConflict):
        tip_to_case(actor=tip_cast["officer"], tip=Tip.objects.get(pk=tip.pk))


def test_reward_proposed_approved_claimed_and_paid(tip, tip_cast, head):
    concluded = _closed_case_with_fine(tip, tip_cast, 200000)
    reward = reward_propose(actor=tip_cast["officer"], tip=concluded, level=1)
    assert reward.amount_yuan == Decimal("10000.00")  # 5 % of 200,000 (2021 measures, level 1)
    with pytest.raises(PermissionDenied):
        reward_decide(actor=tip_cast["officer"], reward=reward, approve=True)
    approved = reward_decide(actor=head, reward=reward, approve=True)
    assert approved.status == RewardStatus.APPROVED
    with pytest.raises(TipConflict):
        reward_pay(actor=tip_cast["officer"], reward=approved)  # not claimed yet
    reward_claim(tip=concluded)
    paid = reward_pay(actor=tip_cast["officer"], reward=approved)
    assert paid.status == RewardStatus.PAID
    with pytest.raises(TipConflict):  # one reward per tip: a second proposal is refused
        reward_propose(actor=tip_cast["officer"], tip=Tip.objects.get(pk=concluded.pk), level=1)
    assert concluded.rewards.count() == 1


def test_a_refused_reward_may_be_proposed_again(tip, tip_cast, head):
    concluded = _closed_case_with_fine(tip, tip_cast, 200000)
    refused = reward_propose(actor=tip_cast["officer"], tip=concluded, level=1)
    with pytest.raises(TipConflict):
        reward_propose(actor=tip_cast["officer"], tip=concluded, level=2)  # the first is still pending
    reward_decide(actor=head, reward=refused, approve=False, reason="举报人系被侵权方")
    again = reward_propose(actor=tip_cast["officer"], tip=concluded, level=2)
    assert again.status == RewardStatus.PROPOSED


def test_excluded_reporters_get_no_reward(tip, tip_cast):
    concluded = _closed_case_with_fine(tip, tip_cast, 200000)
    with pytest.raises(ValidationError) as excinfo:
        reward_propose(actor=tip_cast["officer"], tip=concluded, level=1, exclusions=["infringed_party"])
    assert "被侵权方" in str(excinfo.value)


def test_reward_needs_a_decided_case(tip, tip_cast):
    with pytest.raises(ValidationError):
        reward_propose(actor=tip_cast["officer"], tip=tip, level=1)


def test_spot_check_sample_is_reproducible(tip_cast, head):
    agency = tip_cast["officer"].agency
    for i in range(10):
        created, _ = tip_submit(data={**BODY, "target_name": f"店{i}"}, now=T0)
        tip_act(actor=tip_cast["officer"], tip=created, action="accept", now=T0)
        tip_act(
            actor=tip_cast["officer"],
            tip=Tip.objects.get(pk=created.pk),
            action="conclude",
            data={"result": "办结"},
            now=dt.datetime(2024, 10, 10, tzinfo=CHINA_TZ),
        )
    check = spot_check_draw(actor=head, agency=agency, period="2024-10", ratio_percent=30)
    sample = sorted(check.items.values_list("tip_id", flat=True))
    assert len(sample) == 3
    SpotCheckItem.objects.all().delete()
    check.delete()
    again = spot_check_draw(actor=head, agency=agency, period="2024-10", ratio_percent=30)
    assert sorted(again.items.values_list("tip_id", flat=True)) == sample
    with pytest.raises(TipConflict):
        spot_check_draw(actor=head, agency=agency, period="2024-10", ratio_percent=30)
    with pytest.raises(ValidationError):
        spot_check_draw(actor=head, agency=agency, period="2024-13", ratio_percent=30)


def test_staff_api_queue_and_actions(api, tip, tip_cast):
    officer_api = api(tip_cast["officer"])
    listing = officer_api.get("/api/v1/tips?status=routed").json()
    assert [i["tracking_number"] for i in listing["items"]] == [tip.tracking_number]
    assert api(tip_cast["sh_officer"]).get("/api/v1/tips").json()["count"] == 0
    assert officer_api.post(f"/api/v1/tips/{tip.pk}/accept", {}).json()["status"] == "accepted"
    assert officer_api.post(f"/api/v1/tips/{tip.pk}/accept", {}).status_code == 409
    assert officer_api.post(f"/api/v1/tips/{tip.pk}/reply", {"text": ""}).status_code == 422
    assert officer_api.post(f"/api/v1/tips/{tip.pk}/reply", {"text": "正在核查"}).status_code == 200
    assert api(tip_cast["sh_officer"]).post(f"/api/v1/tips/{tip.pk}/accept", {}).status_code == 404


def test_dispatch_board_and_spot_check_pages(client, tip, tip_cast, head):
    client.force_login(tip_cast["coordinator"])
    html = client.get("/tips/dispatch/").content.decode()
    assert tip.agency.name in html
    client.force_login(tip_cast["officer"])
    assert client.get("/tips/dispatch/").status_code == 403
    client.force_login(head)
    response = client.post("/tips/spot-checks/", {"agency": head.agency_id, "period": "2024-09", "ratio": "50"})
    assert response.status_code == 302
    assert client.get("/tips/spot-checks/").status_code == 200


def test_home_queue_counts_tips_to_accept(client, tip, tip_cast):
    client.force_login(tip_cast["officer"])
    queues = {q.key: q.count for q in client.get("/work/").context["queues"]}
    assert queues["tips_to_accept"] == 1
    client.force_login(tip_cast["sh_officer"])
    queues = {q.key: q.count for q in client.get("/work/").context["queues"]}
    assert queues["tips_to_accept"] == 0


def test_spot_checks_offer_only_agencies_in_the_coordinators_region(client, make_user, make_agency):
    hangzhou = make_agency(region="330100", kind="market_regulation")
    ningbo = make_agency(region="330200", kind="market_regulation")
    client.force_login(make_user("coordinator", "330100", username="coord.hz"))
    html = client.get("/tips/spot-checks/").content.decode()
    assert f'<option value="{hangzhou.pk}">' in html
    assert f'<option value="{ningbo.pk}">' not in html  # same province, another prefecture
    response = client.post("/tips/spot-checks/", {"agency": ningbo.pk, "period": "2026-10", "ratio": "10"})
    assert response.status_code == 302
    assert "请选择承办机构" in client.get("/tips/spot-checks/").content.decode()


def test_a_coordinator_cannot_move_a_report_out_of_its_region(tip, tip_cast, make_user, make_agency, api):
    """Found in issue 10: a Shanghai coordinator reassigned a Beijing report to a Beijing agency."""
    beijing_copyright = make_agency(region="110000", kind="copyright")
    shanghai_copyright = make_agency(region="310000", kind="copyright")
    sh_coordinator = make_user("coordinator", "310000", username="coord.sh")
    with pytest.raises(PermissionDenied):  # the report is not in Shanghai
        tip_act(actor=sh_coordinator, tip=tip, action="reassign", data={"agency_id": beijing_copyright.pk})
    response = api(sh_coordinator).post(f"/api/v1/tips/{tip.pk}/reassign", {"agency_id": beijing_copyright.pk})
    assert response.status_code == 404
    with pytest.raises(ValidationError):  # the Beijing office may not send it to Shanghai
        tip_act(actor=tip_cast["coordinator"], tip=tip, action="reassign", data={"agency_id": shanghai_copyright.pk})
    for bad in ["abc", "99999999999999999999999", "", None]:
        with pytest.raises(ValidationError):
            tip_act(actor=tip_cast["coordinator"], tip=tip, action="reassign", data={"agency_id": bad})
    tip.refresh_from_db()
    assert tip.agency == tip_cast["officer"].agency


def test_spot_check_services_refuse_an_agency_outside_the_actors_scope(tip_cast, head, make_user, make_agency):
    """The service checks the agency itself, whatever page or API called it."""
    beijing = tip_cast["officer"].agency
    other_head = make_user("agency_head", "310000", username="head.sh.spot")
    sh_coordinator = make_user("coordinator", "310000", username="coord.sh.spot")
    for outsider in (other_head, sh_coordinator, tip_cast["officer"]):
        with pytest.raises(PermissionDenied):
            spot_check_draw(actor=outsider, agency=beijing, period="2024-10", ratio_percent=30)
    assert not SpotCheck.objects.exists()
    check = spot_check_draw(actor=head, agency=beijing, period="2024-10", ratio_percent=30)
    created, _ = tip_submit(data=BODY, now=T0)
    item = SpotCheckItem.objects.create(spot_check=check, tip=created)
    with pytest.raises(PermissionDenied):
        spot_check_review(actor=other_head, item=item, satisfactory=False, finding="越权")
    item.refresh_from_db()
    assert item.reviewed_at is None


def test_the_page_offers_only_the_steps_the_tips_status_allows(tip, tip_cast):
    from django.test import Client

    from ipshield.core.testing import verify_second_factor

    client = Client()
    verify_second_factor(client, tip_cast["officer"])
    page = client.get(f"/tips/{tip.pk}/").content.decode()
    assert 'data-testid="tip-accept"' in page
    assert 'data-testid="tip-conclude"' not in page
    tip_act(actor=tip_cast["officer"], tip=tip, action="accept")
    tip_act(actor=tip_cast["officer"], tip=Tip.objects.get(pk=tip.pk), action="conclude", data={"result": "已处理"})
    page = client.get(f"/tips/{tip.pk}/").content.decode()
    assert not any(f'data-testid="tip-{step}"' in page for step in ("accept", "reject", "start", "conclude", "extend"))
