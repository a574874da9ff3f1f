"""Verify the hash chain of the audit log; exit 1 at the first broken link."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ipshield.core.audit import verify_chain


class Command(BaseCommand):
    help = "Walk the append-only audit log and report the first broken link of its hash chain."

    def handle(self, *args: Any, **options: Any) -> None:
        count, first_break = verify_chain()
        if first_break is not None:
            raise CommandError(
                f"audit chain BROKEN at event #{first_break.event_id}: {first_break.reason} ({count} events)"
            )
        self.stdout.write(self.style.SUCCESS(f"audit chain intact: {count} events verified"))
