"""Background work of statistics (the task layer: core.jobs)."""

from __future__ import annotations

from django_tasks import task

from ipshield.stats.sweep import sweep


@task()
def warning_sweep() -> dict[str, int]:
    """Daily (settings.IPSHIELD_SCHEDULE): run the early-warning rules and record alerts."""
    return sweep()
