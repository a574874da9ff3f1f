"""Background work of cooperation (the task layer: core.jobs)."""

from __future__ import annotations

from django_tasks import task

from ipshield.cooperation.services import sweep


@task()
def cooperation_sweep() -> dict[str, int]:
    """Hourly (settings.IPSHIELD_SCHEDULE): escalate overdue requests, remind missed milestones."""
    return sweep()
