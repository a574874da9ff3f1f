"""Apply the retention schedule (settings.IPSHIELD_RETENTION); audited; daily on the task schedule."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ipshield.core.retention import apply_retention


class Command(BaseCommand):
    help = "Erase personal data and logs past their retention period (see docs/personal-data.md)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="count what would be erased")

    def handle(self, *args: Any, **options: Any) -> None:
        for name, count in apply_retention(dry_run=options["dry_run"]).items():
            self.stdout.write(f"{name}: {count} {'would be erased' if options['dry_run'] else 'erased'}")
