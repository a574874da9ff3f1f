"""The 两法衔接 transfer workflow: every transition, deadlines from 国务院令第310号, roles, integrity."""

import datetime as dt
import itertools
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import close_old_connections, connection

from ipshield.cases.choices import CaseStatus
from ipshield.cases.models import Case
from ipshield.cases.services import case_create
from ipshield.core.audit import verify_chain
from ipshield.core.deadlines import CHINA_TZ
from ipshield.transfers import workflow
from ipshield.transfers.choices import TransferAction, TransferStatus
from ipshield.transfers.models import Notification, SupervisionRecord, Transfer, TransferEvent
from ipshield.transfers.services import TransferConflict, transfer_act, transfer_propose
from ipshield.transfers.supervision import supervision_open

from .conftest import T0, walk

pytestmark = pytest.mark.django_db
PAIRS = list(itertools.product(TransferStatus, TransferAction))


@pytest.mark.parametrize(("status", "action"), PAIRS, ids=[f"{s.value}-{a.value}" for s, a in PAIRS])
def test_every_pair_is_allowed_exactly_when_the_table_says(status, action):
    if (status, action) in workflow.TRANSITIONS:
        assert workflow.next_status(status, action) == workflow.TRANSITIONS[(status, action)]
    else:
        with pytest.raises(workflow.TransitionNotAllowed):
            workflow.next_status(status, action)


def test_proposal_needs_a_group_of_two(cast, filed_case):
    with pytest.raises(ValidationError) as excinfo:
        transfer_propose(actor=cast["officer"], case=filed_case, group_member_ids=[cast["officer"].pk], report="x")
    assert "两名以上" in str(excinfo.value)
    with pytest.raises(ValidationError):  # a police officer cannot be in an agency's special group
        transfer_propose(
            actor=cast["officer"], case=filed_case, group_member_ids=[cast["officer"].pk, cast["police"].pk], report="x"
        )
    assert Transfer.objects.count() == 0


def test_reasonable_suspicion_only_for_ip_cases(cast, filed_case):
    Case.objects.filter(pk=filed_case.pk).update(domain="agri_inputs")
    filed_case.refresh_from_db()
    with pytest.raises(ValidationError) as excinfo:
        transfer_propose(
            actor=cast["officer"],
            case=filed_case,
            ground="reasonable_suspicion",
            group_member_ids=[cast["officer"].pk, cast["officer2"].pk],
            report="x",
        )
    assert "知识产权" in str(excinfo.value)


def test_proposal_routes_to_same_level_police_and_starts_the_three_day_clock(cast, proposed):
    assert proposed.police_agency == cast["police"].agency
    assert proposed.procuratorate == cast["procurator"].agency
    assert proposed.status == TransferStatus.PROPOSED
    # 第5条: the head decides within 3 days: 2025-03-03 → end of 03-06
    assert proposed.next_due_at == dt.datetime(2025, 3, 6, 23, 59, 59, tzinfo=CHINA_TZ)
    assert proposed.next_due_role == "agency"
    assert Notification.objects.filter(agency=cast["head"].agency, title__contains="待批准").exists()


def test_happy_path_with_every_deadline(cast, proposed):
    t = walk(proposed, [("head", "approve", {}, 2)], cast)
    assert t.next_due_at == T0 + dt.timedelta(hours=2 + 24)  # 第5条: send within 24 hours
    t = walk(t, [("officer", "send", {}, 5)], cast)
    assert t.status == TransferStatus.SENT
    assert Case.objects.get(pk=t.case_id).status == CaseStatus.TRANSFERRED
    assert t.next_due_at.date() == dt.date(2025, 3, 6)  # 第8条: police decide within 3 days
    t = walk(t, [("police", "receive", {"manifest_hash": t.manifest_hash}, 6)], cast)
    assert t.received_manifest_hash == t.manifest_hash
    t = walk(t, [("police", "accept", {"criminal_case_number": "京公刑〔2025〕12号"}, 30)], cast)
    assert t.status == TransferStatus.ACCEPTED
    assert t.next_due_role == "agency"  # hand over the seized items within 3 days
    assert [e.action for e in TransferEvent.objects.filter(transfer=t)] == [
        "propose",
        "approve",
        "send",
        "receive",
        "accept",
    ]
    assert not TransferEvent.objects.filter(transfer=t, late=True).exists()
    assert verify_chain()[1] is None


def test_late_step_is_recorded_as_late(cast, proposed):
    t = walk(proposed, [("head", "approve", {}, 1), ("officer", "send", {}, 1 + 30)], cast)
    assert TransferEvent.objects.get(transfer=t, action="send").late


def test_refusal_reconsideration_supervision_and_opening_notice(cast, proposed):
    t = walk(
        proposed,
        [("head", "approve", {}, 1), ("officer", "send", {}, 2), ("police", "refuse_case", {"reason": "证据不足"}, 20)],
        cast,
    )
    assert t.status == TransferStatus.REFUSED
    assert t.next_due_role == "agency"  # 第9条: reconsideration within 3 days
    t = walk(t, [("officer", "request_reconsideration", {"reason": "销售金额有账册证明"}, 30)], cast)
    assert t.next_due_role == "police"
    t = walk(
        t,
        [
            ("police", "uphold_refusal", {"reason": "维持"}, 40),
            ("officer", "propose_supervision", {"reason": "请求监督"}, 50),
            ("procurator", "request_explanation", {}, 60),
        ],
        cast,
    )
    assert t.status == TransferStatus.EXPLANATION_REQUESTED
    assert t.next_due_at.date() == (T0 + dt.timedelta(hours=60) + dt.timedelta(days=7)).date()  # 7 days
    t = walk(t, [("police", "explain", {"reason": "理由如下"}, 70), ("procurator", "notify_opening", {}, 80)], cast)
    assert t.next_due_role == "police"  # open within 15 days
    t = walk(t, [("police", "accept", {}, 90)], cast)
    assert t.status == TransferStatus.ACCEPTED


def test_procuratorate_agreeing_returns_the_case_to_the_agency(cast, proposed):
    t = walk(
        proposed,
        [
            ("head", "approve", {}, 1),
            ("officer", "send", {}, 2),
            ("police", "refuse_case", {"reason": "不构成犯罪"}, 20),
            ("officer", "propose_supervision", {"reason": "请监督"}, 30),
            ("procurator", "request_explanation", {}, 40),
            ("police", "explain", {"reason": "数额未达标准"}, 50),
            ("procurator", "agree_no_case", {}, 60),
        ],
        cast,
    )
    assert t.status == TransferStatus.CLOSED_NO_CASE
    case = Case.objects.get(pk=t.case_id)
    assert case.status == CaseStatus.INVESTIGATING
    assert case.next_due_at is not None  # the administrative clock runs again


def test_head_refusal_needs_a_reason(cast, proposed):
    with pytest.raises(ValidationError):
        transfer_act(actor=cast["head"], transfer=proposed, action="refuse")
    t = transfer_act(actor=cast["head"], transfer=proposed, action="refuse", data={"reason": "证据不足"})
    assert t.status == TransferStatus.NOT_APPROVED
    assert t.head_refusal_reason == "证据不足"


@pytest.mark.parametrize(
    ("who", "action"),
    [
        ("officer", "approve"),
        ("police", "approve"),
        ("officer", "accept"),
        ("procurator", "approve"),
        ("sh_police", "approve"),
    ],
)
def test_only_the_owner_of_a_step_can_take_it(cast, proposed, who, action):
    with pytest.raises(PermissionDenied):
        transfer_act(actor=cast[who], transfer=proposed, action=action)


def test_receiving_a_different_manifest_is_refused(cast, proposed):
    t = walk(proposed, [("head", "approve", {}, 1), ("officer", "send", {}, 2)], cast)
    with pytest.raises(ValidationError) as excinfo:
        transfer_act(actor=cast["police"], transfer=t, action="receive", data={"manifest_hash": "0" * 64})
    assert "不一致" in str(excinfo.value)
    assert Transfer.objects.get(pk=t.pk).status == TransferStatus.SENT


def test_stale_page_gets_a_conflict(cast, proposed):
    transfer_act(actor=cast["head"], transfer=proposed, action="approve", revision=proposed.revision)
    with pytest.raises(TransferConflict):
        transfer_act(
            actor=cast["head"], transfer=proposed, action="refuse", data={"reason": "x"}, revision=proposed.revision
        )


def test_double_send_creates_one_transfer_step(cast, proposed):
    t = walk(proposed, [("head", "approve", {}, 1)], cast)
    transfer_act(actor=cast["officer"], transfer=t, action="send")
    with pytest.raises(TransferConflict) as excinfo:
        transfer_act(actor=cast["officer"], transfer=t, action="send")
    assert "已移送公安机关" in str(excinfo.value)
    assert TransferEvent.objects.filter(transfer=t, action="send").count() == 1


def test_one_active_transfer_per_case(cast, proposed, filed_case):
    with pytest.raises(TransferConflict):
        transfer_propose(
            actor=cast["officer"],
            case=filed_case,
            group_member_ids=[cast["officer"].pk, cast["officer2"].pk],
            report="again",
        )


@pytest.mark.concurrency
@pytest.mark.django_db(transaction=True)
def test_two_people_acting_at_once_one_wins(cast, proposed):
    t = walk(proposed, [("head", "approve", {}, 1)], cast)
    outcomes = []
    barrier = threading.Barrier(2)

    def send(user):
        try:
            barrier.wait()
            transfer_act(actor=user, transfer=t, action="send", revision=t.revision)
            outcomes.append("ok")
        except TransferConflict:
            outcomes.append("conflict")
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=send, args=(cast[u],)) for u in ("officer", "head")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "ok"]
    assert TransferEvent.objects.filter(transfer=t, action="send").count() == 1
    assert verify_chain()[1] is None


def test_reminder_one_working_day_before_is_sent_once(cast, proposed):
    from ipshield.transfers.reminders import send_reminders

    # proposed 2025-03-03 09:00 (Mon); the head's deadline is the end of 03-06 (Thu)
    assert send_reminders(now=T0 + dt.timedelta(hours=1)) == 0  # Tue+ is more than a working day away
    wednesday = dt.datetime(2025, 3, 5, 10, tzinfo=CHINA_TZ)
    assert send_reminders(now=wednesday) == 1
    assert send_reminders(now=wednesday + dt.timedelta(hours=2)) == 0
    note = Notification.objects.filter(title__contains="期限将至").get()
    assert note.agency == cast["head"].agency
    assert ",agency_head," in note.roles


def test_head_decision_rolls_over_national_day_2024(cast, filed_case):
    # Proposed on Sunday 2024-09-29 (a make-up working day): 3 days end on 10-02, a holiday,
    # so the period ends on the first working day after the holiday, 10-08.
    proposed_at = dt.datetime(2024, 9, 29, 16, tzinfo=CHINA_TZ)
    t = transfer_propose(
        actor=cast["officer"],
        case=filed_case,
        report="x",
        now=proposed_at,
        group_member_ids=[cast["officer"].pk, cast["officer2"].pk],
    )
    assert t.next_due_at == dt.datetime(2024, 10, 8, 23, 59, 59, tzinfo=CHINA_TZ)
    # the 24-hour sending limit is hours, not days: no roll-over over the holiday
    t = transfer_act(
        actor=cast["head"], transfer=t, action="approve", now=dt.datetime(2024, 9, 30, 17, tzinfo=CHINA_TZ)
    )
    assert t.next_due_at == dt.datetime(2024, 10, 1, 17, tzinfo=CHINA_TZ)


def test_police_review_over_spring_festival_2024(cast, proposed):
    t = walk(proposed, [("head", "approve", {}, 1)], cast)
    t = transfer_act(actor=cast["officer"], transfer=t, action="send", now=dt.datetime(2024, 2, 8, 10, tzinfo=CHINA_TZ))
    # 3 days from 02-08 end on 02-11, inside the 02-10..02-17 holiday → 02-18 (a make-up working Sunday)
    assert t.next_due_at == dt.datetime(2024, 2, 18, 23, 59, 59, tzinfo=CHINA_TZ)


def test_a_procurator_cannot_supervise_a_case_of_another_region(cast, filed_case, proposed):
    """The service checks the case itself, whatever page or API called it."""
    with pytest.raises(PermissionDenied):
        supervision_open(actor=cast["sh_procurator"], case=filed_case, queue="not_transferred", opinion="越权监督")
    other = case_for_other_party(cast)
    with pytest.raises(ValidationError):  # the transfer must be the case's own
        supervision_open(actor=cast["procurator"], case=other, queue="refusals", opinion="张冠李戴", transfer=proposed)
    assert not SupervisionRecord.objects.exists()


def case_for_other_party(cast):
    return case_create(actor=cast["officer"], data={"title": "另一案", "domain": "trademark"}, parties=[], now=T0)
