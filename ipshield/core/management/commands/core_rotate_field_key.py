"""Re-encrypt every encrypted field under the current field key (the first of IPSHIELD_FIELD_KEY)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from ipshield.core.audit import audit_record
from ipshield.core.crypto import rotate


class Command(BaseCommand):
    help = (
        "Rotate the field-encryption key: put the new key first in IPSHIELD_FIELD_KEY (old keys after it), "
        "run this, then remove the old keys. Models list their encrypted columns in `encrypted_fields`."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="count what would be re-encrypted")
        parser.add_argument("--batch", type=int, default=500)

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for model in apps.get_models():
            for field in getattr(model, "encrypted_fields", ()):
                queryset = model._default_manager.exclude(**{field: ""}).order_by("pk")
                count = queryset.count()
                self.stdout.write(f"{model._meta.label}.{field}: {count}")
                if options["dry_run"]:
                    total += count
                    continue
                done = 0
                for start in range(0, count, options["batch"]):
                    with transaction.atomic():
                        rows = list(
                            queryset.select_for_update().values_list("pk", field)[start : start + options["batch"]]
                        )
                        for pk, token in rows:
                            model._default_manager.filter(pk=pk).update(**{field: rotate(token)})
                    done += len(rows)
                    self.stdout.write(f"  {done}/{count}", ending="\r")
                total += count
        if not options["dry_run"]:
            with transaction.atomic():
                audit_record(
                    actor=None, action="crypto.field_key.rotate", object_type="system", after={"fields": total}
                )
        self.stdout.write(
            self.style.SUCCESS(f"{'would re-encrypt' if options['dry_run'] else 're-encrypted'} {total} values")
        )
