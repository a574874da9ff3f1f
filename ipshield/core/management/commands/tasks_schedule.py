"""Enqueue the periodic tasks of settings.IPSHIELD_SCHEDULE when they fall due (run beside
`manage.py db_worker`; `make run` starts both). Safe to run twice: a task is enqueued only when
its last enqueue is older than its interval, decided under a row lock."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from ipshield.core.models import ScheduledRun


def enqueue_due(now: dt.datetime | None = None) -> list[str]:
    """Enqueue every scheduled task whose interval has passed; return their names."""
    now = now or timezone.now()
    enqueued = []
    for name, dotted, seconds in settings.IPSHIELD_SCHEDULE:
        with transaction.atomic():
            run, created = ScheduledRun.objects.select_for_update().get_or_create(
                name=name, defaults={"last_enqueued_at": now}
            )
            if not created and now - run.last_enqueued_at < dt.timedelta(seconds=seconds):
                continue
            ScheduledRun.objects.filter(name=name).update(last_enqueued_at=now)
            task = import_string(dotted)
            transaction.on_commit(task.enqueue)
        enqueued.append(name)
    return enqueued


class Command(BaseCommand):
    help = "Enqueue periodic tasks when due (settings.IPSHIELD_SCHEDULE); --once for a single pass (cron)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="one pass, then exit")
        parser.add_argument("--interval", type=int, default=30, help="seconds between passes")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            for name in enqueue_due():
                self.stdout.write(f"enqueued {name}")
            if options["once"]:
                return
            time.sleep(options["interval"])
