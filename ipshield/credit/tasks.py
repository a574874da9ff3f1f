"""Background work of the integrity archive (the task layer: core.jobs)."""

from __future__ import annotations

from django_tasks import task

from ipshield.credit.services import blacklist_expire


@task()
def credit_expire() -> int:
    """Daily (settings.IPSHIELD_SCHEDULE): remove blacklist entries whose planned end has come."""
    return blacklist_expire()
