"""Run the cooperation sweep now (the task layer runs it hourly)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ipshield.cooperation.services import sweep


class Command(BaseCommand):
    help = "Escalate overdue co-investigation requests, leads and consultations; remind missed milestones (催办)."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = sweep()
        self.stdout.write(", ".join(f"{k}={v}" for k, v in counts.items()))
