"""Background work of statistics (the task layer: core.jobs)."""

from __future__ import annotations

from django_tasks import task

from ipshield.stats.sweep import sweep


@task()
def warning_sweep() -> dict[str, int]:
    """Daily (settings.IPSHIELD_SCHEDULE): run the early-warning rules and record alerts."""
    return sweep()


@task()
def dashboard_refresh(*, scope: str, region: str, indicator: str, domain: str, language: str) -> str:
    """Recompute one regional dashboard snapshot (enqueued by the page when its snapshot is old)."""
    from ipshield.stats.dashboard import refresh_snapshot

    board = refresh_snapshot(scope, region, indicator, domain, language)
    return str(board["generated_at"])


@task()
def report_package(*, job_id: int, region: str, start: str, end: str, language: str) -> None:
    """Build a report package for the person who asked (their jurisdiction), reporting progress."""
    from ipshield.core.jobs import run_job
    from ipshield.stats.packages import build_package

    run_job(job_id, lambda job: build_package(job, region=region, start=start, end=end, language=language))
