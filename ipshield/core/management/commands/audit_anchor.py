"""Print (or write) the signed head of the audit chain, for an auditor to keep outside the database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from ipshield.core.audit import chain_head


class Command(BaseCommand):
    help = "The audit chain's head (sequence, hash, count, time, HMAC signature) as JSON; --out appends to a file."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--out", help="append the head as one JSON line to this file")

    def handle(self, *args: Any, **options: Any) -> None:
        line = json.dumps(chain_head(), ensure_ascii=False)
        if options.get("out"):
            with Path(options["out"]).open("a", encoding="utf-8") as handle:
                handle.write(line + "\n")
        self.stdout.write(line)
