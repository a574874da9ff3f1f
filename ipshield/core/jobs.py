"""Background work a person watches: start a Job, run it through the task layer, report progress.

The task layer is Django's task API (the django-tasks backport): the database backend by default,
so `make run` needs no broker and starts its own worker (`manage.py db_worker`); tests run tasks
immediately; a national deployment points TASKS at a broker-backed backend. A task that reports
progress takes the job's id, calls `job_progress`, and ends with `job_finish` or `job_fail`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone

from ipshield.core.models import Job, JobStatus


def job_input_dir() -> Path:
    path = Path(settings.DATA_DIR) / "jobs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def job_start(*, owner: Any, kind: str, label: str, total: int = 0, input_bytes: bytes | None = None) -> Job:
    """Record a job (its input, if any, saved for the worker under DATA_DIR/jobs)."""
    input_path = ""
    if input_bytes is not None:
        path = job_input_dir() / f"{uuid.uuid4().hex}.bin"
        path.write_bytes(input_bytes)
        input_path = str(path)
    return Job.objects.create(owner=owner, kind=kind, label=label[:200], total=total, input_path=input_path)


def job_enqueue(job: Job, task: Any, **kwargs: Any) -> None:
    """Enqueue `task(job_id=…, **kwargs)` once the job's row is committed (never inside it)."""
    transaction.on_commit(lambda: task.enqueue(job_id=job.pk, **kwargs))


def job_progress(job_id: int, *, done: int, total: int | None = None, message: str = "") -> None:
    changes: dict[str, Any] = {"done": done, "status": JobStatus.RUNNING}
    if total is not None:
        changes["total"] = total
    if message:
        changes["message"] = message[:500]
    Job.objects.filter(pk=job_id).update(**changes)


def job_finish(job_id: int, *, result: dict[str, Any], message: str = "") -> None:
    Job.objects.filter(pk=job_id).update(
        status=JobStatus.DONE, result=result, message=message[:500], finished_at=timezone.now(), done=F("total")
    )
    _drop_input(job_id)


def job_fail(job_id: int, *, message: str) -> None:
    Job.objects.filter(pk=job_id).update(status=JobStatus.FAILED, message=message[:500], finished_at=timezone.now())
    _drop_input(job_id)


def _drop_input(job_id: int) -> None:
    path = Job.objects.filter(pk=job_id).values_list("input_path", flat=True).first()
    if path:
        Path(path).unlink(missing_ok=True)


def job_input(job_id: int) -> bytes:
    path = Job.objects.filter(pk=job_id).values_list("input_path", flat=True).first()
    return Path(path).read_bytes() if path else b""


def job_get(user: Any, pk: Any) -> Job:
    """A job of the user's own (404 for anyone else's)."""
    from ipshield.core.inputs import parse_id

    wanted = parse_id(pk)
    job = Job.objects.filter(pk=wanted, owner_id=getattr(user, "pk", None)).first() if wanted else None
    if job is None:
        raise Http404
    return job


def run_job(job_id: int, work: Callable[[Job], dict[str, Any]]) -> None:
    """Run `work` for a job; any error marks it failed with the reason, never silently."""
    job = Job.objects.get(pk=job_id)
    Job.objects.filter(pk=job_id).update(status=JobStatus.RUNNING)
    try:
        result = work(job)
    except Exception as exc:
        job_fail(job_id, message=str(exc) or exc.__class__.__name__)
        raise
    job_finish(job_id, result=result)
