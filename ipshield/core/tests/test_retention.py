"""Issue 10 controls: retention erases a reporter's identity N days after conclusion, keeps the
report, and is audited; the audit log is never shortened by it."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from ipshield.core.models import AuditEvent
from ipshield.core.retention import apply_retention
from ipshield.tips.models import Tip
from ipshield.tips.testing import submit_named_tip

pytestmark = pytest.mark.django_db


def _tip(client, settings):
    settings.IPSHIELD_CAPTCHA = "off"
    return submit_named_tip(client)


def test_identities_are_erased_after_the_period_and_the_report_stays(client, settings, officer):
    tip = _tip(client, settings)
    Tip.objects.filter(pk=tip.pk).update(concluded_at=timezone.now() - dt.timedelta(days=3 * 365 + 1))
    events_before = AuditEvent.objects.count()
    assert apply_retention(dry_run=True)["reporter-identity"] == 1
    assert Tip.objects.get(pk=tip.pk).reporter_ciphertext  # a dry run erases nothing
    assert apply_retention()["reporter-identity"] == 1
    kept = Tip.objects.get(pk=tip.pk)
    assert kept.reporter_ciphertext == ""
    assert kept.description  # the report itself stays
    assert AuditEvent.objects.filter(action="retention.apply").count() == 1
    assert AuditEvent.objects.count() == events_before + 1  # the audit log only grows


def test_a_recent_report_keeps_its_identity(client, settings, officer):
    tip = _tip(client, settings)
    Tip.objects.filter(pk=tip.pk).update(concluded_at=timezone.now() - dt.timedelta(days=30))
    call_command("core_retention")
    assert Tip.objects.get(pk=tip.pk).reporter_ciphertext
