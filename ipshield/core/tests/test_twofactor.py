"""Issue 10 controls, R5 and R10: two factors before identity reveals, blacklist writes, the admin
and API tokens for people; codes are never accepted twice; recovery codes work once."""

import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ipshield.core.models import AuditEvent
from ipshield.core.testing import second_factor_code, verify_second_factor
from ipshield.tips.testing import submit_named_tip

pytestmark = pytest.mark.django_db


def _current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


def test_enrolment_from_the_account_page_gives_recovery_codes(client, officer):
    client.force_login(officer)
    client.post("/account/", {"op": "totp_start"})
    page = client.get("/account/").content.decode()
    assert 'data-testid="totp-qr"' in page
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    response = client.post("/account/", {"op": "totp_confirm", "token": _current_code(device)})
    assert 'data-testid="recovery-codes"' in response.content.decode()
    assert TOTPDevice.objects.filter(user=officer, confirmed=True).count() == 1
    assert AuditEvent.objects.filter(action="user.2fa.enrol").count() == 1


def test_a_wrong_code_does_not_enrol(client, officer):
    client.force_login(officer)
    client.post("/account/", {"op": "totp_start"})
    wrong = client.post("/account/", {"op": "totp_confirm", "token": "000000"}, follow=True)
    assert "验证码不正确" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=officer, confirmed=True).exists()


def test_a_code_is_never_accepted_twice(client, officer):
    """R5: 0 TOTP replays."""
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    code = _current_code(device)
    client.force_login(officer)
    assert client.post("/account/verify/", {"token": code, "next": "/work/"}).status_code == 302
    client.logout()
    client.force_login(officer)
    replay = client.post("/account/verify/", {"token": code, "next": "/work/"})
    assert replay.status_code == 422
    assert "已使用过" in replay.content.decode()


def test_a_recovery_code_works_once(client, officer):
    from ipshield.core.twofactor import recovery_codes_reset

    second_factor_code(officer)  # a confirmed authenticator
    codes = recovery_codes_reset(user=officer)
    client.force_login(officer)
    assert client.post("/account/verify/", {"token": codes[0], "next": "/work/"}).status_code == 302
    client.logout()
    client.force_login(officer)
    assert client.post("/account/verify/", {"token": codes[0], "next": "/work/"}).status_code == 422


def test_identity_reveal_needs_a_verified_session_and_is_audited(client, make_user, settings):
    """R10: every identity reveal is audited and behind two factors."""
    settings.IPSHIELD_CAPTCHA = "off"
    officer = make_user("officer", "110000", username="officer.bj")
    tip = submit_named_tip(client)
    client.force_login(officer)
    blocked = client.get(f"/tips/{tip.pk}/?reveal=1")
    assert blocked.status_code == 302
    assert blocked["Location"].startswith("/account/verify/")
    assert not AuditEvent.objects.filter(action="tip.reveal_identity").exists()
    verify_second_factor(client, officer)
    shown = client.get(f"/tips/{tip.pk}/?reveal=1").content.decode()
    assert "王小明" in shown
    assert AuditEvent.objects.filter(action="tip.reveal_identity", object_id=str(tip.pk)).count() == 1


def test_api_tokens_for_people_need_a_code_system_accounts_do_not(client, officer, make_user):
    body = {"username": officer.username, "password": "correct-horse-battery"}
    refused = client.post("/api/v1/auth/token", body, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "two_factor_required"
    ok = client.post(
        "/api/v1/auth/token", {**body, "otp": second_factor_code(officer)}, content_type="application/json"
    )
    assert ok.status_code == 200
    bank = make_user("bank", "110000", username="bank.bj")
    system = client.post(
        "/api/v1/auth/token",
        {"username": bank.username, "password": "correct-horse-battery"},
        content_type="application/json",
    )
    assert system.status_code == 200


def test_optional_mode_lets_the_demo_work_with_passwords(client, officer, settings):
    settings.IPSHIELD_2FA = "optional"
    body = {"username": officer.username, "password": "correct-horse-battery"}
    assert client.post("/api/v1/auth/token", body, content_type="application/json").status_code == 200


def test_a_stolen_password_cannot_replace_the_authenticator(client, officer):
    """Binding a new authenticator needs a session verified with the current one."""
    original = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    client.force_login(officer)  # password only: not verified
    page = client.post("/account/", {"op": "totp_start"}, follow=True)
    assert "更换验证器前" in page.content.decode()
    TOTPDevice.objects.create(user=officer, name="thief", confirmed=False)
    thief = TOTPDevice.objects.get(user=officer, confirmed=False)
    client.post("/account/", {"op": "totp_confirm", "token": _current_code(thief)})
    assert list(TOTPDevice.objects.filter(user=officer, confirmed=True)) == [original]
