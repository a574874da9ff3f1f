"""Background work of the transfer workflow (the task layer: core.jobs)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from ipshield.transfers.reminders import send_reminders


@task()
def transfers_remind() -> int:
    """Hourly (settings.IPSHIELD_SCHEDULE): remind each side of steps due within a working day."""
    return send_reminders()


@task()
def notification_email(title: str, url: str, recipients: list[str]) -> None:
    """The e-mail copy of an in-app notification, sent by the worker (never inside a request)."""
    send_mail(title, f"{title}\n{url}", settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)
