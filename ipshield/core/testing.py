"""Test helpers every app reuses: browser login, screenshots, and the jurisdiction leak check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def browser_login(page: Any, username: str, password: str = "correct-horse-battery") -> None:
    page.goto(page.base_url + "/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_selector("[data-testid=who]")


def captcha_answer(page: Any) -> str:
    """The answer of the CAPTCHA shown on the page (the suite keeps the answers it generated)."""
    from ipshield.core.captcha import solve_for_tests

    return solve_for_tests(page.input_value("input[name=captcha_token]"))


def screenshot(page: Any, name: str) -> Path:
    path = ARTIFACTS / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path


def assert_hidden(response: Any) -> None:
    """Outside one's jurisdiction a record is 404 — the same answer as for a record that does not exist."""
    assert response.status_code == 404, f"expected 404 (hidden), got {response.status_code}"


def assert_leak_free(fetch: Any, *, owner: Any, outsiders: list[Any]) -> None:
    """`fetch(user)` returns a response for one read path: the owner gets 200, every outsider 404."""
    assert fetch(owner).status_code == 200
    for user in outsiders:
        assert_hidden(fetch(user))


def second_factor_code(user: Any) -> str:
    """A confirmed authenticator for `user` (made if missing) and its current 6-digit code."""
    import time

    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    # Tests sign in many times within one 30-second step; as if the next step had come, the
    # device forgets the last accepted one (the replay test uses a device directly instead).
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=totp.t() - 1)
    return f"{totp.token():06d}"


def verify_second_factor(client: Any, user: Any) -> None:
    """Sign `user` in on the test client and verify the session with a second factor."""
    client.force_login(user)
    response = client.post("/account/verify/", {"token": second_factor_code(user), "next": "/work/"})
    assert response.status_code == 302, response.content[:500]


def token_request(client: Any, user: Any, password: str = "correct-horse-battery", **extra: Any) -> Any:
    """POST /api/v1/auth/token as `user`, with an authenticator code unless it is a system account."""
    from ipshield.core.twofactor import SYSTEM_ACCOUNT_ROLES

    body = {"username": user.username, "password": password}
    if user.role not in SYSTEM_ACCOUNT_ROLES:
        body["otp"] = second_factor_code(user)
    return client.post("/api/v1/auth/token", body, content_type="application/json", **extra)


def browser_verify(page: Any, user: Any) -> None:
    """In a real browser: verify the signed-in session with the user's authenticator code."""
    code = second_factor_code(user)  # the authenticator exists before the page asks for it
    page.goto(page.base_url + "/account/verify/?next=/work/")
    page.fill("#id_token", code)
    page.click("main button[type=submit]")
    page.wait_for_url("**/work/")
