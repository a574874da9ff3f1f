"""Back up the database, the evidence files and the audit head (core.backup); --verify checks it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ipshield.core.backup import archive, backup, backup_verify


class Command(BaseCommand):
    help = "Write a backup directory (and a .tar.gz) with the database, attachments and a manifest."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--out", default="", help="directory to create (default: DATA_DIR/backups/<time>)")
        parser.add_argument("--verify", action="store_true", help="restore into a scratch database and compare")
        parser.add_argument("--no-archive", action="store_true", help="keep only the directory")

    def handle(self, *args: Any, **options: Any) -> None:
        from django.conf import settings

        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        target = Path(options["out"] or Path(settings.DATA_DIR) / "backups" / f"ipshield-{stamp}")
        target.parent.mkdir(parents=True, exist_ok=True)
        manifest = backup(target)
        rows = sum(t["rows"] for t in manifest["tables"].values())
        self.stdout.write(f"backup written: {target} ({rows} rows, {len(manifest['attachments'])} files)")
        if not options["no_archive"]:
            self.stdout.write(f"archive: {archive(target)}")
        if options["verify"]:
            problems = backup_verify(target)
            if problems:
                raise CommandError("backup does not verify: " + "; ".join(problems))
            self.stdout.write(
                self.style.SUCCESS("verified: a restore is identical (counts, checksums, files, audit head)")
            )
