"""Background work of the core (the task layer: core.jobs)."""

from __future__ import annotations

from django_tasks import task

from ipshield.core.retention import apply_retention


@task()
def retention() -> dict[str, int]:
    """Daily (settings.IPSHIELD_SCHEDULE): apply the retention schedule."""
    return apply_retention()
