"""The audit log: append-only, hash-chained, verifiable, and unbroken under concurrent writers."""

import io
import json
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, close_old_connections, connection, transaction

from ipshield.core.audit import GENESIS_HASH, audit_record, chain_head, verify_chain
from ipshield.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _write(n, actor=None):
    for i in range(n):
        with transaction.atomic():
            audit_record(actor=actor, action="test.write", object_type="test", object_id=str(i), after={"i": i})


def test_chain_links_each_event_to_the_previous():
    _write(3)
    events = list(AuditEvent.objects.order_by("id"))
    assert events[0].prev_hash == GENESIS_HASH
    assert events[1].prev_hash == events[0].hash
    assert events[2].prev_hash == events[1].hash
    assert verify_chain() == (3, None)


@pytest.mark.django_db(transaction=True)
def test_audit_record_refuses_to_run_outside_a_transaction():
    with pytest.raises(RuntimeError, match="inside transaction"):
        audit_record(actor=None, action="x")


def test_update_is_refused_by_the_database():
    _write(1)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.update(action="tampered")


def _drop_guard():
    """An attacker with database access removes the triggers."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE core_auditevent DISABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER core_auditevent_no_update")
            cursor.execute("DROP TRIGGER core_auditevent_no_delete")


def test_audit_verify_reports_the_first_edited_event():
    _write(4)
    target = AuditEvent.objects.order_by("id")[1]
    _drop_guard()  # an attacker with database access
    AuditEvent.objects.filter(pk=target.pk).update(after={"i": 999})
    count, first_break = verify_chain()
    assert count == 4
    assert first_break is not None
    assert first_break.event_id == target.pk
    with pytest.raises(CommandError, match=f"BROKEN at event #{target.pk}"):
        call_command("audit_verify")


def test_audit_verify_reports_a_deleted_event():
    _write(4)
    victim = AuditEvent.objects.order_by("id")[1]
    _drop_guard()
    AuditEvent.objects.filter(pk=victim.pk).delete()
    _count, first_break = verify_chain()
    assert first_break is not None
    assert "prev_hash" in first_break.reason


def test_audit_verify_command_passes_on_an_intact_chain(capsys):
    _write(2)
    call_command("audit_verify")
    assert "intact: 2 events" in capsys.readouterr().out


@pytest.mark.concurrency
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_unbroken_chain():
    """Eight threads with their own connections append at once; the chain never forks."""
    errors = []

    def worker(n):
        try:
            _write(n)
        except Exception as exc:
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(15,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    count, first_break = verify_chain()
    assert count == 8 * 15
    assert first_break is None
    assert AuditEvent.objects.values("prev_hash").distinct().count() == count  # no two events share a parent


def test_delete_is_refused_by_the_database():
    _write(3)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=AuditEvent.objects.order_by("-id").first().pk).delete()
    assert AuditEvent.objects.count() == 3


def test_truncate_is_refused_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE is a PostgreSQL statement; SQLite's DELETE trigger covers it")
    _write(2)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE core_auditevent")


def test_a_truncated_tail_is_detected_against_a_kept_head(tmp_path):
    _write(5)
    heads = tmp_path / "heads.jsonl"
    call_command("audit_anchor", "--out", str(heads), stdout=io.StringIO())
    call_command("audit_verify", "--against", str(heads), stdout=io.StringIO())
    _drop_guard()
    AuditEvent.objects.filter(pk__in=list(AuditEvent.objects.order_by("-id").values_list("pk", flat=True)[:2])).delete()
    assert verify_chain()[1] is None  # what remains still links up
    with pytest.raises(CommandError, match="truncated"):
        call_command("audit_verify", "--against", str(heads), stdout=io.StringIO())


def test_a_forged_head_is_refused(tmp_path):
    _write(1)
    head = chain_head()
    head["sequence"] = 999
    heads = tmp_path / "heads.jsonl"
    heads.write_text(json.dumps(head) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="signature"):
        call_command("audit_verify", "--against", str(heads), stdout=io.StringIO())


@pytest.mark.concurrency
@pytest.mark.django_db(transaction=True)
def test_eight_writers_times_250_keep_one_chain_on_postgresql():
    """R3: 8 writers × 250 audited writes at once (PostgreSQL, the production database)."""
    if connection.vendor != "postgresql":
        pytest.skip("the production-scale concurrency check runs on PostgreSQL (SQLite serialises writers)")
    errors = []

    def worker():
        try:
            _write(250)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert verify_chain() == (2000, None)
