"""Test helpers every app reuses: browser login, screenshots, and the jurisdiction leak check."""

from __future__ import annotations

import base64
import re
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
    """Read the local CAPTCHA shown on the page (tests only: the SVG carries its characters)."""
    src = page.get_attribute("[data-testid=captcha-image]", "src")
    svg = base64.b64decode(src.split(",", 1)[1]).decode()
    return "".join(re.findall(r">([A-Z0-9])</text>", svg))


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
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
