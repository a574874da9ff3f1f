"""Test helpers for public reports (reused by the tests of other apps)."""

from __future__ import annotations

from typing import Any

from ipshield.tips.models import Tip

NAMED_TIP = {
    "domain": "trademark",
    "description": "某店销售假冒运动鞋，价格明显低于市场价。",
    "address": "北京市朝阳区建国路88号",
    "anonymous": False,
    "reporter": {"name": "王小明", "phone": "13800000000"},
}


def submit_named_tip(client: Any, **changes: Any) -> Any:
    """A public report from a named reporter (the CAPTCHA must be off); returns the tip."""
    response = client.post("/api/v1/public/tips", {**NAMED_TIP, **changes}, content_type="application/json")
    assert response.status_code == 201, response.content[:500]
    return Tip.objects.get(tracking_number=response.json()["tracking_number"])
