"""Change-feed sources of transfers, supervision and clues about officials (core.changes)."""

from __future__ import annotations

from django.urls import reverse

from ipshield.core.changes import FeedSource, register_feed_source
from ipshield.transfers.models import SupervisionRecord
from ipshield.transfers.selectors import official_clues_for, transfer_queryset

register_feed_source(
    FeedSource("transfers.transfer", "transfer", transfer_queryset, lambda pk: f"/api/v1/transfers/{pk}")
)
register_feed_source(
    FeedSource(
        "transfers.supervisionrecord",
        "supervision",
        lambda user: SupervisionRecord.objects.visible_to(user),
        lambda pk: reverse("transfers:supervision_detail", args=[pk]),  # no API twin of one record yet
    )
)
register_feed_source(
    FeedSource("transfers.officialclue", "official_clue", official_clues_for, lambda pk: f"/api/v1/official-clues/{pk}")
)
