"""Background work of the case register (the task layer: core.jobs)."""

from __future__ import annotations

import io
from typing import Any

from django.urls import reverse
from django_tasks import task

from ipshield.cases import ledger
from ipshield.core.jobs import job_input, job_progress, run_job
from ipshield.core.models import Job


@task()
def ledger_import(job_id: int, import_valid_rows: bool) -> None:
    """A large ledger import with progress (the page polls the job)."""

    def work(job: Job) -> dict[str, Any]:
        rows = ledger.read_ledger(io.BytesIO(job_input(job_id)))
        if isinstance(rows, str):
            raise ValueError(rows)
        job_progress(job_id, done=0, total=len(rows.rows))
        report = ledger.import_rows(
            actor=job.owner,
            ledger=rows,
            import_valid_rows=import_valid_rows,
            progress=lambda done, total: job_progress(job_id, done=done, total=total),
        )
        return {
            "summary": ledger.report_summary(report),
            "imported": report.imported,
            "errors": [{"row": e.row, "messages": e.messages} for e in report.errors[:500]],
            "next_url": reverse("cases:list"),
        }

    run_job(job_id, work)
