"""Pages: forms refuse bad input with the field named (422, nothing written); a lead started
from a tip carries the tip's facts, only for someone who can see the tip; lists stay scoped."""

import pytest
from django.test import Client

from ipshield.cooperation.models import Cooperation
from ipshield.core.testing import verify_second_factor
from ipshield.tips.models import Tip

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    verify_second_factor(client, user)
    return client


@pytest.fixture
def tip(client, cast, settings):
    settings.IPSHIELD_CAPTCHA = "off"
    response = client.post(
        "/api/v1/public/tips",
        {
            "domain": "trademark",
            "description": "北京某店销售假冒运动鞋，价格明显低于市场价。",
            "address": "北京市朝阳区建国路88号",
            "target_name": "某某体育用品店",
            "anonymous": True,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    return Tip.objects.get()


def test_a_lead_from_a_tip_carries_its_facts_for_the_agency_that_holds_it(cast, tip):
    page = signed_in(cast["officer"]).get(f"/cooperation/new/lead/?tip_id={tip.pk}").content.decode()
    assert "北京某店销售假冒运动鞋" in page
    assert f'value="{tip.pk}"' in page
    outsider = signed_in(cast["sh_officer"]).get(f"/cooperation/new/lead/?tip_id={tip.pk}").content.decode()
    assert "北京某店销售假冒运动鞋" not in outsider  # another region's tip is not read into the form


def test_a_lead_from_a_warning_names_the_domain_and_region_in_chinese_whatever_the_senders_language(cast):
    import datetime as dt

    from ipshield.stats.models import Alert

    now = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    common = {"owner": cast["coordinator"].agency, "rule_version": "2024-01-01", "level": "yellow"}
    concentration = Alert.objects.create(
        **common,
        rule="concentration",
        key="c|110105|trademark",
        subject="trademark",
        region_code="110105",
        message="%(subject)s：近%(days)s天本县（区）线索 %(n)s 件，占所在地市同领域 %(total)s 件的 %(share)s%%。",
        figures={"days": 90, "n": 12, "total": 20, "share": 60},
        first_seen_at=now,
        last_seen_at=now,
    )
    linkage = Alert.objects.create(
        **common, rule="weak_linkage", key="w|110105", region_code="110105", message="x", first_seen_at=now,
        last_seen_at=now,
    )  # fmt: skip
    client = signed_in(cast["coordinator"])
    client.cookies["django_language"] = "en"
    page = client.get(f"/cooperation/new/lead/?alert_id={concentration.pk}").content.decode()
    assert 'value="案件集中 · 商标权 · 北京市朝阳区"' in page  # Chinese, domain and region by name, on an English page
    assert '<option value="trademark" selected>' in page  # the domain chosen for the receiver
    assert "商标权：近90天本县（区）线索 12 件" in page
    page = client.get(f"/cooperation/new/lead/?alert_id={linkage.pk}").content.decode()
    assert "两法衔接薄弱 · 北京市朝阳区" in page  # the region by name, never 110105
    assert "· 110105" not in page


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "x\x00y"},
        {"title": "x" * 201},
        {"body": ""},
        {"receivers": "99999999999999999999"},
        {"receivers": "abc"},
        {"target_uscc": "123"},
        {"urgency": "panic"},
    ],
)
def test_the_lead_form_refuses_bad_input_and_writes_nothing(cast, changes):
    body = {
        "title": "线索",
        "body": "内容",
        "receivers": str(cast["gd_officer"].agency_id),
        "urgency": "normal",
        **changes,
    }
    response = signed_in(cast["officer"]).post("/cooperation/new/lead/", body)
    assert response.status_code == (400 if "\x00" in changes.get("title", "") else 422)  # NUL: refused before any form
    text = response.content.decode()
    assert "field-error" in text or "控制字符" in text  # the field's message, or the NUL refusal
    assert not Cooperation.objects.exists()


def test_a_step_with_bad_input_shows_the_error_and_a_stale_step_a_conflict(cast, api):
    lead = (
        api(cast["officer"])
        .post("/api/v1/leads", {"title": "线索", "body": "内容", "receivers": [cast["gd_officer"].agency_id]})
        .json()
    )
    guangdong = signed_in(cast["gd_officer"])
    no_reason = guangdong.post(f"/cooperation/{lead['id']}/act/decline/", {"decline-note": ""})
    assert no_reason.status_code == 422
    assert "必填" in no_reason.content.decode()
    nul = guangdong.post(f"/cooperation/{lead['id']}/act/decline/", {"decline-note": "a\x00b"})
    assert nul.status_code == 400
    api(cast["officer"]).post(f"/api/v1/leads/{lead['id']}/withdraw", {"note": "撤回"})
    stale = guangdong.post(f"/cooperation/{lead['id']}/act/accept/", {"accept-note": "受理"})
    assert stale.status_code == 409
    assert "撤回" in stale.content.decode()
    unknown = guangdong.post(f"/cooperation/{lead['id']}/act/explode/", {})
    assert unknown.status_code == 404


def test_the_list_shows_only_what_the_agency_takes_part_in(cast, api):
    api(cast["officer"]).post(
        "/api/v1/leads", {"title": "京粤线索", "body": "内容", "receivers": [cast["gd_officer"].agency_id]}
    )
    assert "京粤线索" in signed_in(cast["gd_officer"]).get("/cooperation/?box=todo").content.decode()
    assert "京粤线索" not in signed_in(cast["sh_officer"]).get("/cooperation/").content.decode()
    assert signed_in(cast["officer"]).get("/cooperation/?box=nonsense&status=zzz&page=99999999999").status_code == 200


def test_the_supervision_form_shows_each_error_beside_its_field(cast, bj_case):
    client = signed_in(cast["coordinator"])
    body = {
        "case_number": "不存在的编号",
        "title": "督办",
        "body": "要求",
        "m1_title": "查清货源",
        "m1_date": "2001-01-01",
    }
    page = client.post("/cooperation/new/supervision/", body)
    assert page.status_code == 422
    text = page.content.decode()
    assert 'data-testid="field-error-case_number"' in text
    assert "没有找到这个编号的案件" in text
    assert 'data-testid="field-error-m1_date"' in text  # both at once: nothing learned only after a fix
    page = client.post("/cooperation/new/supervision/", {**body, "case_number": bj_case.number})
    assert page.status_code == 422
    text = page.content.decode()
    assert 'data-testid="field-error-m1_date"' in text  # the milestone's own date, not a sentence above the form
    assert "期限最早为" in text
    assert not Cooperation.objects.exists()
