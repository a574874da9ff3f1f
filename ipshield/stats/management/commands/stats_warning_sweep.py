"""Run the early-warning rules once now (the schedule runs them daily: settings.IPSHIELD_SCHEDULE)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ipshield.stats.sweep import sweep


class Command(BaseCommand):
    help = "Run the early-warning rules (stats/data/warning-rules.yaml) and record alerts."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = sweep()
        self.stdout.write(", ".join(f"{name}: {n}" for name, n in counts.items()))
