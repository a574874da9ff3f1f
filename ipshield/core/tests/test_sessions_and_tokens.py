"""Issue 10, found 4 and 9: shared rate limits and trusted proxies, lockout per account, tokens
that end with the password, revocation, session lifetime, no open redirect."""

import threading
import time

import pytest
from django.db import connection
from django.test import Client, RequestFactory

from ipshield.core.middleware import SESSION_SEEN, SESSION_STARTED
from ipshield.core.models import ApiToken, AuditEvent, RateCounter
from ipshield.core.ratelimit import allow, client_address, used
from ipshield.core.testing import token_request

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"


def _token(client, user, password=PASSWORD, **extra):
    return token_request(client, user, password, **extra)


def test_lockout_counts_per_account_across_addresses(client, officer):
    for attempt in range(5):  # five guesses, each from another address
        client.post("/login/", {"username": officer.username, "password": "wrong"}, REMOTE_ADDR=f"10.0.0.{attempt + 1}")
    response = client.post("/login/", {"username": officer.username, "password": PASSWORD}, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 429


def test_token_endpoint_lockout_answers_in_the_error_format(client, officer):
    for _ in range(5):
        _token(client, officer, "wrong")
    response = _token(client, officer)
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["code"] == "too_many_attempts"


def test_a_new_password_ends_every_token(client, officer):
    token = _token(client, officer).json()["token"]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert client.get("/api/v1/cases", **auth).status_code == 200
    officer.set_password("another-long-password")
    officer.save()
    assert client.get("/api/v1/cases", **auth).status_code == 401
    assert ApiToken.objects.filter(user=officer, revoked_at__isnull=True).count() == 0


def test_password_change_page_changes_it_and_keeps_the_session(client, officer):
    token = _token(client, officer).json()["token"]
    client.force_login(officer)
    bad = client.post(
        "/account/", {"op": "password", "old_password": "nope", "new_password1": "x", "new_password2": "y"}
    )
    assert bad.status_code == 422
    response = client.post(
        "/account/",
        {
            "op": "password",
            "old_password": PASSWORD,
            "new_password1": "a-much-longer-passphrase-2026",
            "new_password2": "a-much-longer-passphrase-2026",
        },
        follow=True,
    )
    assert "密码已修改" in response.content.decode()
    assert client.get("/work/").status_code == 200  # still signed in
    assert Client().get("/api/v1/cases", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    assert AuditEvent.objects.filter(action="user.password_change").count() == 1


def test_revoke_the_token_in_use_and_by_prefix(client, officer):
    first = _token(client, officer).json()["token"]
    second = _token(client, officer).json()["token"]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {first}"}
    listing = client.get("/api/v1/auth/tokens", **auth).json()
    assert {t["prefix"] for t in listing} == {first[:8], second[:8]}
    revoked = client.post("/api/v1/auth/token/revoke", {"prefix": second[:8]}, content_type="application/json", **auth)
    assert revoked.json() == {"revoked": 1}
    assert client.get("/api/v1/cases", HTTP_AUTHORIZATION=f"Bearer {second}").status_code == 401
    assert client.post("/api/v1/auth/token/revoke", {}, content_type="application/json", **auth).status_code == 200
    assert client.get("/api/v1/cases", **auth).status_code == 401


def test_idle_and_absolute_session_limits(client, officer, settings):
    client.force_login(officer)
    assert client.get("/work/").status_code == 200
    session = client.session
    session[SESSION_SEEN] = int(time.time()) - settings.SESSION_IDLE_SECONDS - 5
    session.save()
    assert client.get("/work/").status_code == 302  # idle too long: signed out
    client.force_login(officer)
    client.get("/work/")
    session = client.session
    session[SESSION_STARTED] = int(time.time()) - settings.SESSION_ABSOLUTE_SECONDS - 5
    session.save()
    assert client.get("/work/").status_code == 302


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "http:/x"])
def test_next_never_leaves_the_site(client, make_user, target):
    procurator = make_user("procurator", "110000")
    client.force_login(procurator)
    response = client.post("/transfers/supervision/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/work/"


@pytest.mark.parametrize(
    ("hops", "forwarded", "remote", "expected"),
    [
        (0, "1.1.1.1", "10.0.0.5", "10.0.0.5"),  # no proxy trusted: the header is the client's own words
        (1, "6.6.6.6, 203.0.113.7", "10.0.0.5", "203.0.113.7"),  # the proxy appended the real address
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.9", "10.0.0.5", "203.0.113.7"),
        (1, "", "10.0.0.5", "10.0.0.5"),
    ],
)
def test_client_address_behind_trusted_proxies(settings, hops, forwarded, remote, expected):
    settings.IPSHIELD_TRUSTED_PROXY_HOPS = hops
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=remote)
    assert client_address(request) == expected


@pytest.mark.django_db(transaction=True)
def test_rate_limit_counts_are_shared_between_connections():
    """Two workers are two database connections: they must count together."""
    counted = []

    def worker():
        try:
            counted.extend(allow("test", "client", limit=5, window_seconds=3600) for _ in range(4))
        finally:
            connection.close()  # a thread's own connection, closed before the thread ends

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(counted) == [False, False, False, True, True, True, True, True]
    assert used("test", "client", window_seconds=3600) == 8
    assert RateCounter.objects.count() == 1


def test_password_reset_by_email_sets_a_new_password_and_ends_tokens(client, officer, mailoutbox):
    officer.email = "zhang@example.gov.cn"
    officer.save()
    token = _token(client, officer).json()["token"]
    assert client.post("/password-reset/", {"email": "nobody@example.gov.cn"}).status_code == 302  # same answer
    assert len(mailoutbox) == 0
    client.post("/password-reset/", {"email": officer.email})
    assert len(mailoutbox) == 1
    link = next(line for line in mailoutbox[0].body.splitlines() if "/password-reset/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    form_page = client.get("/" + path, follow=True)
    assert 'data-testid="password-reset-confirm"' in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "another-long-passphrase-7", "new_password2": "another-long-passphrase-7"},
    )
    assert done.status_code == 302
    officer.refresh_from_db()
    assert officer.check_password("another-long-passphrase-7")
    assert Client().get("/api/v1/cases", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
