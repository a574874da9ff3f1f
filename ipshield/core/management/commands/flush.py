"""Django's flush, inside the audit log's maintenance window (the test runner flushes between
transactional tests; the audit table otherwise refuses DELETE and TRUNCATE)."""

from __future__ import annotations

from typing import Any

from django.core.management.commands.flush import Command as DjangoFlush

from ipshield.core.audit import audit_maintenance


class Command(DjangoFlush):
    def handle(self, **options: Any) -> None:
        with audit_maintenance(options.get("database") or "default"):
            super().handle(**options)
