"""Credit repair: a listed enterprise applies without an account; the listing authority decides on time."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ipshield.core.audit import AuditEvent
from ipshield.core.captcha import solve_for_tests
from ipshield.core.deadlines import CHINA_TZ, OFFICIAL_CALENDAR
from ipshield.credit.models import BlacklistEntry, CreditFeedEvent, CreditRepairRequest, RepairStatus
from ipshield.credit.repair import decision_period, repair_decide, repair_submit
from ipshield.credit.selectors import repair_queue
from ipshield.credit.services import blacklist_list, enterprise_for

pytestmark = pytest.mark.django_db
USCC = "91350100M000100Y43"
STATEMENT = "已全部缴纳罚款，下架并销毁假冒商品，建立进货查验制度并接受回访检查。"


@pytest.fixture
def listed(make_user):
    officer = make_user("officer", "110000", username="officer.bj")
    head = make_user("agency_head", agency=officer.agency, username="head.bj")
    enterprise = enterprise_for(name="某某商贸有限公司", uscc=USCC, region_code="110105")
    entry = blacklist_list(
        actor=head, enterprise=enterprise, legal_basis="决定列入", planned_end=timezone.localdate() + dt.timedelta(400)
    )
    return {
        "officer": officer,
        "head": head,
        "entry": entry,
        "sh_officer": make_user("officer", "310000", username="officer.sh"),
        "bank": make_user("bank", "110000", username="bank.bj"),
    }


def test_the_decision_period_comes_from_the_rule_data():
    period, source = decision_period(dt.date(2026, 11, 30))
    assert (period.value, period.unit.value, source) == (15, "working_days", "国市监信规〔2021〕3号")
    with pytest.raises(LookupError):
        decision_period(dt.date(2020, 1, 1))


def test_an_application_runs_a_working_day_clock_and_approval_removes_the_listing(listed):
    made = repair_submit(uscc=USCC.lower(), applicant="王经理", contact="010-12345678", statement=STATEMENT)
    submitted = timezone.localtime(made.submitted_at, CHINA_TZ).date()
    assert timezone.localtime(made.due_at, CHINA_TZ).date() == OFFICIAL_CALENDAR.add_working_days(submitted, 15)
    assert list(repair_queue(listed["officer"])) == [made]
    assert list(repair_queue(listed["sh_officer"])) == []
    with pytest.raises(ValidationError):  # one pending request at a time
        repair_submit(uscc=USCC, applicant="王经理", contact="13912345678", statement=STATEMENT)
    with pytest.raises(PermissionDenied):
        repair_decide(actor=listed["sh_officer"], request=made, approve=True, reason="已整改")
    with pytest.raises(ValidationError):
        repair_decide(actor=listed["officer"], request=made, approve=True, reason="")
    repair_decide(actor=listed["officer"], request=made, approve=True, reason="已履行处罚决定并完成整改")
    entry = BlacklistEntry.objects.get(pk=listed["entry"].pk)
    assert entry.removed_on == timezone.localdate()
    assert entry.removal_reason == "信用修复：已履行处罚决定并完成整改"
    assert CreditFeedEvent.objects.order_by("-id").first().action == "removed"
    assert {"credit.repair.submit", "credit.repair.approve", "credit.blacklist.remove"} <= set(
        AuditEvent.objects.values_list("action", flat=True)
    )
    with pytest.raises(ValidationError):  # decided once
        repair_decide(actor=listed["officer"], request=made, approve=False, reason="x")


def test_a_rejection_keeps_the_listing(listed):
    made = repair_submit(uscc=USCC, applicant="王经理", contact="13912345678", statement=STATEMENT)
    repair_decide(actor=listed["head"], request=made, approve=False, reason="罚款尚未缴清")
    assert CreditRepairRequest.objects.get().status == RepairStatus.REJECTED
    assert BlacklistEntry.objects.get(pk=listed["entry"].pk).removed_on is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"uscc": "91110000MA0000001T"}, "uscc"),  # not listed
        ({"uscc": ""}, "uscc"),
        ({"applicant": "  "}, "applicant"),
        ({"contact": "12"}, "contact"),
        ({"statement": "已整改"}, "statement"),
    ],
)
def test_bad_applications_are_refused_by_field_and_nothing_is_written(client, listed, settings, body, field):
    settings.IPSHIELD_CAPTCHA = "off"
    payload = {"uscc": USCC, "applicant": "王经理", "contact": "13912345678", "statement": STATEMENT, **body}
    response = client.post("/api/v1/public/credit/repair", payload, content_type="application/json")
    assert response.status_code == 422
    assert field in response.json()["error"]["fields"]
    assert CreditRepairRequest.objects.count() == 0


def test_the_public_api_needs_the_captcha_and_answers_with_the_deadline(client, listed, settings):
    settings.IPSHIELD_CAPTCHA = "on"
    payload = {"uscc": USCC, "applicant": "王经理", "contact": "13912345678", "statement": STATEMENT}
    missing = client.post("/api/v1/public/credit/repair", payload, content_type="application/json")
    assert (missing.status_code, missing.json()["error"]["code"]) == (422, "captcha")
    challenge = client.get("/api/v1/public/captcha").json()
    payload["captcha"] = {
        "token": challenge["token"],
        "answer": solve_for_tests(challenge["token"]),
    }
    made = client.post("/api/v1/public/credit/repair", payload, content_type="application/json")
    assert made.status_code == 201
    assert made.json()["status"] == "pending"
    assert made.json()["authority"] == listed["entry"].authority.name
    too_long = client.post(
        "/api/v1/public/credit/repair", {**payload, "statement": "x" * 5001}, content_type="application/json"
    )
    assert too_long.status_code == 422


def test_repair_pages(client, listed, settings):
    settings.IPSHIELD_CAPTCHA = "off"
    query = client.get("/credit/", {"q": USCC}).content.decode()
    assert f'/credit/repair/?uscc={USCC}"' in query  # a listed enterprise is offered the application
    assert f'value="{USCC}"' in client.get("/credit/repair/", {"uscc": USCC}).content.decode()
    form = {"uscc": USCC, "applicant": "王经理", "contact": "13912345678", "statement": "太短"}
    refused = client.post("/credit/repair/", form)
    assert refused.status_code == 422
    assert "至少20字" in refused.content.decode()
    assert "王经理" in refused.content.decode()  # what was typed is kept
    accepted = client.post("/credit/repair/", {**form, "statement": STATEMENT})
    assert accepted.status_code == 200
    assert 'data-testid="repair-receipt"' in accepted.content.decode()
    made = CreditRepairRequest.objects.get()
    client.force_login(listed["sh_officer"])
    assert client.get(f"/credit/repair/requests/{made.pk}/").status_code == 404
    client.force_login(listed["bank"])
    assert client.get("/credit/repair/requests/").status_code == 404
    client.force_login(listed["officer"])
    assert "某某商贸有限公司" in client.get("/credit/repair/requests/").content.decode()
    home = client.get("/work/").content.decode()
    assert "信用修复申请待决定" in home
    empty = client.post(f"/credit/repair/requests/{made.pk}/", {"op": "approve", "reason": ""}, follow=True)
    assert "请填写决定理由" in empty.content.decode()
    client.post(f"/credit/repair/requests/{made.pk}/", {"op": "approve", "reason": "已整改"})
    assert CreditRepairRequest.objects.get().status == RepairStatus.APPROVED


def test_applications_are_rate_limited(client, listed, settings):
    settings.IPSHIELD_CAPTCHA = "off"
    settings.IPSHIELD_REPAIR_RATE_PER_HOUR = 2
    body = {"uscc": "91110000MA0000001T", "applicant": "王经理", "contact": "13912345678", "statement": STATEMENT}
    codes = [
        client.post("/api/v1/public/credit/repair", body, content_type="application/json").status_code for _ in range(3)
    ]
    assert codes == [422, 422, 429]
    assert "提交过于频繁" in client.post("/credit/repair/", body).content.decode()


def test_a_wrong_captcha_and_bad_fields_are_reported_together(client, listed, settings):
    settings.IPSHIELD_CAPTCHA = "on"
    form = {"uscc": USCC, "applicant": "王经理", "contact": "12", "statement": "已整改", "captcha_answer": "XXXXX"}
    page = client.post("/credit/repair/", form)
    assert page.status_code == 422
    html = page.content.decode()
    assert "验证码不正确" in html
    assert "请填写有效的联系电话" in html
    assert "至少20字" in html
    assert CreditRepairRequest.objects.count() == 0
