"""Login, logout, brute-force throttling, API tokens, and refusing to start without SECRET_KEY."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ipshield.core.testing import token_request

pytestmark = pytest.mark.django_db


def test_login_page_is_chinese_and_logs_in(client, officer):
    page = client.get("/login/")
    assert "工作人员登录" in page.content.decode()
    response = client.post("/login/", {"username": officer.username, "password": "correct-horse-battery"})
    assert response.status_code == 302
    assert response["Location"] == "/work/"
    home = client.get("/work/")
    assert "我的工作" in home.content.decode()


def test_wrong_password_shows_a_clear_error(client, officer):
    response = client.post("/login/", {"username": officer.username, "password": "nope"})
    assert response.status_code == 200
    assert "用户名或密码错误" in response.content.decode()


def test_login_is_throttled_after_five_failures(client, officer):
    for _ in range(5):
        client.post("/login/", {"username": officer.username, "password": "wrong"})
    response = client.post("/login/", {"username": officer.username, "password": "correct-horse-battery"})
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()


def test_work_page_requires_login(client):
    response = client.get("/work/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_logout_is_a_post(client, officer):
    client.force_login(officer)
    response = client.post("/logout/")
    assert response.status_code == 302
    assert client.get("/work/").status_code == 302


def test_token_endpoint_issues_a_working_bearer_token(client, officer):
    response = token_request(client, officer)
    assert response.status_code == 200
    token = response.json()["token"]
    listing = client.get("/api/v1/cases", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert listing.status_code == 200


def test_token_endpoint_refuses_bad_credentials_in_the_error_format(client, officer):
    response = client.post(
        "/api/v1/auth/token",
        {"username": officer.username, "password": "x"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_credentials"
    assert response.json()["error"]["message"] == "Wrong username or password."


def test_token_endpoint_with_missing_field_is_422(client):
    response = client.post("/api/v1/auth/token", {"username": "x"}, content_type="application/json")
    assert response.status_code == 422
    assert "password" in response.json()["error"]["fields"]


def test_token_endpoint_is_throttled(client, officer):
    for _ in range(5):
        client.post(
            "/api/v1/auth/token", {"username": officer.username, "password": "bad"}, content_type="application/json"
        )
    response = client.post(
        "/api/v1/auth/token",
        {"username": officer.username, "password": "correct-horse-battery"},
        content_type="application/json",
    )
    assert response.status_code == 429


def test_garbage_bearer_token_is_401(client):
    response = client.get("/api/v1/cases", HTTP_AUTHORIZATION="Bearer not-a-token")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_missing_secret_key_outside_debug_refuses_to_start():
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "IPSHIELD_TESTING"}}
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", "import ipshield.settings"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_settings_pass_check_deploy(tmp_path):
    """HTTPS, HSTS, secure cookies and the rest are on by default outside DEBUG (issue 10)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"IPSHIELD_TESTING", "DEBUG", "IPSHIELD_HTTPS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        {
            "DEBUG": "false",
            "SECRET_KEY": "k" * 20 + "-production-like-secret-key-with-enough-entropy-0123456789",
            "ALLOWED_HOSTS": "ipshield.example.gov.cn",
            "IPSHIELD_DATA_DIR": str(tmp_path),
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(__file__).resolve().parents[3],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_the_captcha_is_a_raster_image_that_does_not_carry_its_answer(db):
    import base64

    from ipshield.core.captcha import captcha_check, captcha_new, solve_for_tests

    challenge = captcha_new()
    assert challenge["image"].startswith("data:image/png;base64,")
    png = base64.b64decode(challenge["image"].split(",", 1)[1])
    answer = solve_for_tests(challenge["token"])
    assert png.startswith(b"\x89PNG")
    assert answer.encode() not in png
    assert answer not in challenge["token"]
    assert not captcha_check(challenge["token"], "WRONG")
    assert captcha_check(challenge["token"], answer.lower())  # case does not matter
    assert not captcha_check(challenge["token"], answer)  # once only
