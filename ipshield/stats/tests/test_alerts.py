"""Alerts: the sweep raises one per situation, its office assesses and closes it; nobody outside the
region reads or touches it (API and pages alike)."""

import datetime as dt

import pytest
from django.utils import timezone

from ipshield.core.models import AuditEvent
from ipshield.stats.models import Alert
from ipshield.stats.sweep import sweep
from ipshield.stats.testing import make_alert
from ipshield.tips.services import tip_submit
from ipshield.transfers.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def offices(make_user):
    return {
        "zj": make_user("coordinator", "330000", username="coord.zj"),
        "zj_city": make_user("coordinator", "330100", username="coord.hz"),
        "national": make_user("coordinator", "000000", username="coord.cn"),
        "sh": make_user("coordinator", "310000", username="coord.sh"),
        "zj_proc": make_user("procurator", "330000", username="proc.zj"),
        "zj_officer": make_user("officer", "330000", username="officer.zj"),
    }


def _reports(count, target="星耀数码旗舰店", days=6):
    now = timezone.now()
    for index in range(count):
        tip_submit(
            data={
                "domain": "online_trade",
                "description": f"{target}销售假冒耳机，第{index + 1}位举报人。",
                "address": "浙江省杭州市西湖区",
                "target_name": target,
                "anonymous": True,
            },
            now=now - dt.timedelta(days=days * index / max(count, 1)),
        )


def test_five_reports_on_one_target_raise_one_alert_for_the_provincial_office(offices):
    _reports(6)
    counts = sweep()
    assert counts["created"] >= 1
    alert = Alert.objects.get(rule="tip_spike")
    assert alert.owner == offices["zj"].agency
    assert alert.region_code == "330000"
    assert alert.level == "yellow"
    assert alert.figures["n"] == 6
    assert "星耀数码旗舰店" in alert.explanation
    assert "6" in alert.explanation
    assert Notification.objects.filter(agency=offices["zj"].agency, url__contains=str(alert.pk)).exists()
    again = sweep()  # the same situation the next day: refreshed, not doubled
    assert Alert.objects.filter(rule="tip_spike").count() == 1
    assert again["created"] == 0


def test_four_reports_raise_nothing(offices):
    _reports(4)
    sweep()
    assert not Alert.objects.filter(rule="tip_spike").exists()


def test_a_closed_alert_stays_closed_while_the_situation_lasts(api, offices):
    _reports(6)
    sweep()
    alert = Alert.objects.get(rule="tip_spike")
    client = api(offices["zj"])
    assert client.post(f"/api/v1/stats/alerts/{alert.pk}/close", {"note": "已约谈平台，店铺已下架"}).status_code == 200
    sweep()
    alert.refresh_from_db()
    assert alert.status == "closed"
    assert Alert.objects.filter(rule="tip_spike").count() == 1


def test_the_office_assesses_then_closes_and_each_step_is_audited(api, offices):
    alert = make_alert("330106", subject="某某店")
    client = api(offices["zj_city"])  # the nearest office above the district owns it
    body = client.get(f"/api/v1/stats/alerts/{alert.pk}").json()
    assert body["can_handle"] is True
    assert body["owner"] == offices["zj_city"].agency.name
    assert body["region_name"]
    assert body["explanation"].startswith("近30天")
    response = client.post(f"/api/v1/stats/alerts/{alert.pk}/assess", {"note": "已派员核查"})
    assert response.status_code == 200
    assert response.json()["status"] == "assessed"
    assert "已派员核查" in response.json()["assessment"]
    response = client.post(f"/api/v1/stats/alerts/{alert.pk}/close", {"note": "核查属实，已立案"})
    assert response.status_code == 200
    assert response.json()["status"] == "closed"
    actions = list(
        AuditEvent.objects.filter(object_id=str(alert.pk), object_type="stats.alert").values_list("action", flat=True)
    )
    assert actions == ["alert.raise", "alert.assess", "alert.close"]
    again = client.post(f"/api/v1/stats/alerts/{alert.pk}/assess", {"note": "再次研判"})
    assert again.status_code == 409
    assert "已关闭" in again.json()["error"]["message"]


def test_offices_above_may_act_a_procurator_reads_only(api, offices):
    alert = make_alert("330106", subject="某某店")
    for above in ("zj", "national"):
        response = api(offices[above]).post(f"/api/v1/stats/alerts/{alert.pk}/assess", {"note": "请杭州核查"})
        assert response.status_code == 200
    procurator = api(offices["zj_proc"])
    assert procurator.get(f"/api/v1/stats/alerts/{alert.pk}").json()["can_handle"] is False
    assert procurator.post(f"/api/v1/stats/alerts/{alert.pk}/close", {"note": "x"}).status_code == 403
    provincial = make_alert("330000", subject="全省")
    assert api(offices["zj_city"]).get(f"/api/v1/stats/alerts/{provincial.pk}").status_code == 404  # above the city
    assert Alert.objects.get(pk=alert.pk).status == "assessed"


def test_another_regions_office_and_an_officer_see_nothing(api, offices):
    alert = make_alert("330106", subject="某某店")
    for who in ("sh", "zj_officer"):
        client = api(offices[who])
        assert client.get(f"/api/v1/stats/alerts/{alert.pk}").status_code == 404
        assert client.post(f"/api/v1/stats/alerts/{alert.pk}/close", {"note": "x"}).status_code == 404
        assert client.get("/api/v1/stats/alerts").json()["count"] == 0
    assert api(offices["zj"]).get("/api/v1/stats/alerts?open=true").json()["count"] == 1  # the province sees below


@pytest.mark.parametrize(
    ("action", "body"),
    [
        ("close", {"note": ""}),
        ("close", {"note": "含\x00控制字符"}),
        ("close", {"note": "长" * 5001}),
        ("close", {"note": 12}),
        ("close", {}),
        ("destroy", {"note": "未知操作"}),
    ],
)
def test_bad_input_is_a_4xx_and_changes_nothing(api, offices, action, body):
    alert = make_alert("330106", subject="某某店")
    response = api(offices["zj"]).post(f"/api/v1/stats/alerts/{alert.pk}/{action}", body)
    assert 400 <= response.status_code < 500
    assert response.json()["error"]["message"]
    assert Alert.objects.get(pk=alert.pk).status == "open"


def test_the_page_keeps_the_note_when_it_is_refused_and_records_it_when_valid(client, offices):
    alert = make_alert("330000", subject="某某店")
    client.force_login(offices["zj"])
    listed = client.get("/stats/alerts/")
    assert "某某店" in listed.content.decode()
    refused = client.post(f"/stats/alerts/{alert.pk}/", {"event": "close", "note": "已核查" + "长" * 5000})
    assert refused.status_code == 422
    assert "已核查" in refused.content.decode()
    response = client.post(f"/stats/alerts/{alert.pk}/", {"event": "assess", "note": "已派员核查"}, follow=True)
    assert response.status_code == 200
    assert "已派员核查" in response.content.decode()
    assert Alert.objects.get(pk=alert.pk).status == "assessed"


def test_weak_linkage_counts_the_transfers_still_running_beside_the_overdue_ones(make_user):
    """The finding says "N open transfers, M overdue": M can never exceed N."""
    from ipshield.cases.services import case_create, case_transition
    from ipshield.stats.sweep import _linkage_figures
    from ipshield.transfers.sample_evidence import attach_required_evidence
    from ipshield.transfers.services import transfer_act, transfer_propose

    officer = make_user("officer", "110000", username="officer.bj.linkage")
    colleague = make_user("officer", agency=officer.agency, username="officer2.bj.linkage")
    head = make_user("agency_head", agency=officer.agency, username="head.bj.linkage")
    make_user("police", "110000", username="police.bj.linkage")
    case = case_create(
        actor=officer,
        data={
            "title": "移送案件",
            "domain": "trademark",
            "region_code": "110105",
            "offence": "sell_goods_with_counterfeit_trademark",
            "conduct_date": dt.date.today() - dt.timedelta(days=30),
            "facts": {"sales_amount_yuan": 80000},
        },
    )
    case = case_transition(actor=officer, case=case, event="file")
    attach_required_evidence(case, officer)
    transfer = transfer_propose(actor=officer, case=case, group_member_ids=[officer.pk, colleague.pk], report="达标")
    transfer = transfer_act(actor=head, transfer=transfer, action="approve")
    transfer_act(actor=officer, transfer=transfer, action="send")  # the police's acceptance clock runs
    today = timezone.localdate()
    now_fine = _linkage_figures(today, timezone.now())[0]["110000"]
    assert (now_fine.open_transfers, now_fine.overdue) == (1, 0)
    later = _linkage_figures(today, timezone.now() + dt.timedelta(days=60))[0]["110000"]
    assert (later.open_transfers, later.overdue) == (1, 1)
