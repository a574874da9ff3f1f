"""Daily: remove blacklist entries whose planned end has come (bank feed and public query follow)."""

from typing import Any

from django.core.management.base import BaseCommand

from ipshield.credit.services import blacklist_expire


class Command(BaseCommand):
    help = "Remove expired blacklist entries (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"expired entries removed: {blacklist_expire()}")
