"""Shared fixtures: regions, agencies and users per role, API client, Playwright browser."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop


@pytest.fixture
def regions(db: Any) -> None:
    """The GB/T 2260 divisions (loaded once per database; transactional tests flush them)."""
    from django.core.management import call_command

    from ipshield.core.models import Region

    if not Region.objects.filter(code="110105").exists():
        call_command("core_load_regions", verbosity=0)


@pytest.fixture
def make_agency(regions: None) -> Any:
    from ipshield.core.choices import AgencyKind
    from ipshield.core.factories import AgencyFactory

    def make(
        region: str = "110000",
        kind: str = AgencyKind.MARKET_REGULATION,
        level: str | None = None,
        code: str | None = None,
        name: str | None = None,
    ) -> Any:
        given = {k: v for k, v in {"level": level, "code": code, "name": name}.items() if v is not None}
        return AgencyFactory(region_id=region, kind=kind, **given)

    return make


@pytest.fixture
def make_user(make_agency: Any) -> Any:
    from ipshield.core.choices import Role
    from ipshield.core.factories import TEST_PASSWORD, UserFactory
    from ipshield.core.models import User

    def make(
        role: str = Role.OFFICER,
        region: str = "110000",
        username: str | None = None,
        agency: Any = None,
        password: str = TEST_PASSWORD,
    ) -> Any:
        given: dict[str, Any] = {"role": role, "region": region, "password": password}
        if agency is not None:
            given["agency"] = agency
        given["username"] = username or f"{role}.{region}.{User.objects.count()}"
        return UserFactory(**given)

    return make


@pytest.fixture
def officer(make_user: Any) -> Any:
    return make_user("officer", "110000", username="officer.bj")


@pytest.fixture
def head(make_user: Any, officer: Any) -> Any:
    return make_user("agency_head", "110000", username="head.bj", agency=officer.agency)


@pytest.fixture
def outsider(make_user: Any) -> Any:
    """An officer of another province: must never see Beijing's records."""
    return make_user("officer", "310000", username="officer.sh")


@pytest.fixture
def api_token(client: Any) -> Any:
    """Bearer token for a user (via the real token endpoint)."""

    def issue(user: Any, password: str = "correct-horse-battery") -> str:
        from ipshield.core.testing import token_request

        response = token_request(client, user, password)
        assert response.status_code == 200, response.content
        return str(response.json()["token"])

    return issue


@pytest.fixture
def api(client: Any, api_token: Any) -> Any:
    """api(user).get(url) / .post(url, json) with a bearer token."""

    class Api:
        def __init__(self, user: Any) -> None:
            self.headers = {"HTTP_AUTHORIZATION": f"Bearer {api_token(user)}"}

        def get(self, url: str, **extra: Any) -> Any:
            return client.get(url, **self.headers, **extra)

        def post(self, url: str, data: Any, **extra: Any) -> Any:
            return client.post(url, data, content_type="application/json", **self.headers, **extra)

        def patch(self, url: str, data: Any, **extra: Any) -> Any:
            return client.patch(url, data, content_type="application/json", **self.headers, **extra)

    return Api


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium driven by Playwright; never downloaded. Missing chromium fails in CI."""
    chromium_path = "/usr/bin/chromium"
    if not Path(chromium_path).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; browser tests must run in CI")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=chromium_path,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15000)
    tab = context.new_page()
    tab.base_url = live_server.url  # type: ignore[attr-defined]
    yield tab
    context.close()


_skipped_browser: list[str] = []


def pytest_runtest_logreport(report: Any) -> None:
    if report.skipped and "browser" in report.keywords:
        _skipped_browser.append(report.nodeid)


def pytest_sessionfinish(session: Any, exitstatus: int) -> None:
    if os.environ.get("CI") and _skipped_browser:
        print(f"\nCI: {len(_skipped_browser)} browser test(s) were skipped: {_skipped_browser[:5]}")
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def _fresh_cache(request: Any) -> Iterator[None]:
    """One-time CAPTCHA tokens live in the shared cache (a database table by default): each test
    that touches the database starts with it empty. Rate counters are rows, rolled back per test."""
    uses_db = request.node.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    )
    if not uses_db:
        yield
        return
    from django.core.cache import cache

    request.getfixturevalue("db") if "transactional_db" not in request.fixturenames else None
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """A request in English leaves English active in the worker thread (LocaleMiddleware does not
    reset it): every test starts in the default language, as a fresh process would."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
