"""Restore a backup (directory or .tar.gz) in place of the configured database and files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ipshield.core.audit import verify_chain
from ipshield.core.backup import restore


class Command(BaseCommand):
    help = "Replace the database and the evidence files with a backup (stop the server first), then verify."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("source", help="a backup directory or .tar.gz written by core_backup")
        parser.add_argument("--yes", action="store_true", help="do not ask: the current data is replaced")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"]:
            raise CommandError("this replaces the current database and files; run again with --yes")
        problems = restore(Path(options["source"]))
        if problems:
            raise CommandError("restored, but it differs from the backup: " + "; ".join(problems))
        count, first_break = verify_chain()
        if first_break is not None:
            raise CommandError(f"restored, but the audit chain is broken at #{first_break.event_id}")
        self.stdout.write(self.style.SUCCESS(f"restored and verified; audit chain intact ({count} events)"))
