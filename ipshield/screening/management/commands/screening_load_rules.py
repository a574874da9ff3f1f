"""Load a rule amendment (YAML) on top of the shipped rule data; validated and audited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ipshield.screening.engine import RuleBook, RuleDataError, merge_documents
from ipshield.screening.services import current_rulebook, parse_amendment, rule_amendment_load


class Command(BaseCommand):
    help = "Validate and load new rule versions from a YAML file (effective by their valid_from dates)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--note", default="")
        parser.add_argument("--dry-run", action="store_true", help="Validate only; store nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.exists():
            raise CommandError(f"no such file: {path}")
        text = path.read_text(encoding="utf-8")
        try:
            if options["dry_run"]:
                RuleBook.from_document(merge_documents(dict(current_rulebook().document), parse_amendment(text)))
                self.stdout.write(self.style.SUCCESS("valid (dry run, nothing stored)"))
                return
            with transaction.atomic():
                record = rule_amendment_load(actor=None, text=text, note=options["note"] or path.name)
        except RuleDataError as exc:
            raise CommandError("refused:\n- " + "\n- ".join(exc.problems)) from exc
        self.stdout.write(self.style.SUCCESS(f"loaded amendment #{record.pk}: {', '.join(record.summary['versions'])}"))
