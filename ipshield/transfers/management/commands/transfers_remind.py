"""Remind each side of transfer steps due within one working day (idempotent; hourly on the schedule)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ipshield.transfers.reminders import send_reminders


class Command(BaseCommand):
    help = "Remind each side of transfer steps due within one working day (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"reminders sent: {send_reminders()}")
