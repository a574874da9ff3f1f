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
    assert "errorlist" in text or "控制字符" in text  # the field's message, or the NUL refusal
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
