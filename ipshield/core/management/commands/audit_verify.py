"""Verify the hash chain of the audit log (and, with --against, that kept heads are still in it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ipshield.core.audit import check_against_head, verify_chain


class Command(BaseCommand):
    help = (
        "Walk the append-only audit log and report the first broken link of its hash chain; with "
        "--against HEAD_FILE (lines written by audit_anchor) also detect truncation and rewriting."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--against", help="a file of heads kept by audit_anchor (one JSON object per line)")

    def handle(self, *args: Any, **options: Any) -> None:
        count, first_break = verify_chain()
        if first_break is not None:
            raise CommandError(
                f"audit chain BROKEN at event #{first_break.event_id}: {first_break.reason} ({count} events)"
            )
        heads = 0
        if options.get("against"):
            for number, line in enumerate(Path(options["against"]).read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    head = json.loads(line)
                except ValueError as exc:
                    raise CommandError(f"{options['against']}:{number}: not a JSON head") from exc
                problem = check_against_head(head)
                if problem is not None:
                    raise CommandError(f"audit chain does not hold the head kept at line {number}: {problem}")
                heads += 1
        extra = f"; {heads} kept head(s) present" if heads else ""
        self.stdout.write(self.style.SUCCESS(f"audit chain intact: {count} events verified{extra}"))
