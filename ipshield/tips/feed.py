"""Change-feed source of tips (core.changes)."""

from __future__ import annotations

from django.urls import reverse

from ipshield.core.changes import FeedSource, register_feed_source
from ipshield.tips.selectors import tip_queryset

register_feed_source(FeedSource("tips.tip", "tip", tip_queryset, lambda pk: reverse("tips:detail", args=[pk])))
