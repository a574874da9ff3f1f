"""The task layer: periodic tasks enqueue on their schedule, once per interval."""

import datetime as dt

import pytest
from django.utils import timezone

from ipshield.core.management.commands.tasks_schedule import enqueue_due
from ipshield.core.models import ScheduledRun

pytestmark = pytest.mark.django_db


def test_each_periodic_task_is_enqueued_once_per_interval(settings, django_capture_on_commit_callbacks):
    ran = []
    settings.IPSHIELD_SCHEDULE = [("probe", "ipshield.core.tests.test_tasks.probe", 3600)]
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert enqueue_due(now) == ["probe"]
        assert enqueue_due(now + dt.timedelta(minutes=30)) == []
        assert enqueue_due(now + dt.timedelta(minutes=61)) == ["probe"]
    ran.extend(PROBE_RUNS)
    assert len(ran) == 2
    assert ScheduledRun.objects.get(name="probe").last_enqueued_at == now + dt.timedelta(minutes=61)


def test_the_default_schedule_names_real_tasks(settings):
    from django.utils.module_loading import import_string

    for _name, dotted, seconds in settings.IPSHIELD_SCHEDULE:
        assert hasattr(import_string(dotted), "enqueue")
        assert seconds >= 60


PROBE_RUNS: list[int] = []


def _probe() -> None:
    PROBE_RUNS.append(1)


from django_tasks import task  # noqa: E402 - the probe task is defined after its helper

probe = task()(_probe)


def test_every_event_subscriber_and_retention_rule_resolves(settings):
    import inspect

    from django.utils.module_loading import import_string

    for event, names in settings.IPSHIELD_EVENT_SUBSCRIBERS.items():
        for name in names:
            subscriber = import_string(name)
            assert "case" in inspect.signature(subscriber).parameters, (event, name)
    for _rule, dotted, days in settings.IPSHIELD_RETENTION:
        assert set(inspect.signature(import_string(dotted)).parameters) >= {"before", "dry_run"}
        assert days >= 0
