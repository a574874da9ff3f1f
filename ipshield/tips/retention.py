"""Retention of reporters' identities (settings.IPSHIELD_RETENTION; docs/personal-data.md)."""

from __future__ import annotations

import datetime as dt

from ipshield.tips.models import Tip


def erase_identities(*, before: dt.datetime, dry_run: bool) -> int:
    """A named reporter's identity (encrypted) is erased once the report was concluded before
    the cut-off; the report, its replies and the reward record stay."""
    queryset = Tip.objects.filter(concluded_at__lt=before).exclude(reporter_ciphertext="")
    return queryset.count() if dry_run else queryset.update(reporter_ciphertext="")
