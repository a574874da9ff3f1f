"""Change-feed sources of the case register (core.changes)."""

from __future__ import annotations

from typing import Any

from ipshield.cases.models import Case
from ipshield.core.changes import FeedSource, register_feed_source


def _members(after: Any) -> list[int]:
    """A cumulative re-sum is one audit row for the group: its `after["cases"]`."""
    cases = after.get("cases") if isinstance(after, dict) else None
    return [int(i) for i in cases or [] if isinstance(i, int)]


register_feed_source(
    FeedSource("cases.case", "case", lambda user: Case.objects.visible_to(user), lambda pk: f"/api/v1/cases/{pk}")
)
register_feed_source(
    FeedSource(
        "case",
        "case",
        lambda user: Case.objects.visible_to(user),
        lambda pk: f"/api/v1/cases/{pk}",
        members=_members,
    )
)
