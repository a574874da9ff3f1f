"""R4: a worker killed in the middle of a write leaves all or nothing (and the audit chain whole).
R8: a reporter's passphrase and identity never reach a log line or an error page."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from ipshield.cases.models import Case
from ipshield.core.audit import verify_chain
from ipshield.core.models import AuditEvent

ROOT = Path(__file__).resolve().parents[3]
KILL_MID_WRITE = """
import os, signal, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipshield.settings")
django.setup()
from django.db import transaction
from ipshield.cases.services import case_create
from ipshield.core.models import User
officer = User.objects.get(username="officer.bj")
with transaction.atomic():
    case_create(actor=officer, data={"title": "写到一半被杀掉的案件", "domain": "trademark"})
    os.kill(os.getpid(), signal.SIGKILL)  # the worker dies before the commit
"""


def _database_url() -> str:
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{config['NAME']}"
    return f"postgres://{config['USER'] or 'postgres'}@{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}/{config['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_write_leaves_nothing(officer):
    events_before = AuditEvent.objects.count()
    env = {**os.environ, "DATABASE_URL": _database_url(), "IPSHIELD_TESTING": "1", "SECRET_KEY": "x" * 50}
    result = subprocess.run(
        [sys.executable, "-c", KILL_MID_WRITE], cwd=ROOT, env=env, capture_output=True, timeout=120, check=False
    )
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()[-2000:]
    assert not Case.objects.filter(title="写到一半被杀掉的案件").exists()
    assert AuditEvent.objects.count() == events_before
    assert verify_chain()[1] is None


@pytest.mark.django_db
def test_passphrases_and_identities_never_reach_logs_or_error_pages(client, make_user, settings, caplog):
    settings.IPSHIELD_CAPTCHA = "off"
    make_user("officer", "110000", username="officer.bj")
    caplog.set_level(logging.DEBUG)
    id_number, phone = "11010519491231002X", "13912345678"
    receipt = client.post(
        "/api/v1/public/tips",
        {
            "domain": "trademark",
            "description": "某店销售假冒运动鞋，价格明显低于市场价。",
            "address": "北京市朝阳区建国路88号",
            "anonymous": False,
            "reporter": {"name": "王小明", "phone": phone, "id_number": id_number},
        },
        content_type="application/json",
    ).json()
    passphrase = receipt["passphrase"]
    pages = [
        client.post(
            "/api/v1/public/tips/status",
            {"tracking_number": receipt["tracking_number"], "passphrase": passphrase},
            content_type="application/json",
        ),
        client.post(
            "/api/v1/public/tips/status",
            {"tracking_number": receipt["tracking_number"], "passphrase": passphrase + "X"},
            content_type="application/json",
        ),
        client.post("/tips/status/", {"tracking_number": receipt["tracking_number"], "passphrase": passphrase + "Y"}),
        client.post(
            "/api/v1/public/tips/status",
            {"tracking_number": "NOPE", "passphrase": passphrase},
            content_type="application/json",
        ),
    ]
    for canary in (passphrase, id_number, phone):
        assert canary not in caplog.text
        for page in pages:
            assert canary not in page.content.decode()


def test_the_access_log_skips_public_tip_routes_and_never_names_an_address():
    from ipshield import gunicorn_conf

    assert "%(h)s" not in gunicorn_conf.access_log_format
    assert "%(a)s" not in gunicorn_conf.access_log_format
    logged = []

    class Probe(gunicorn_conf.PrivacyLogger):
        def __init__(self) -> None:
            pass

    probe = Probe()
    original = gunicorn_conf.Logger.access
    gunicorn_conf.Logger.access = lambda self, *args: logged.append(args[2]["PATH_INFO"])  # type: ignore[method-assign]
    try:
        for path in ["/api/v1/public/tips", "/tips/report/", "/tips/status/", "/credit/repair/", "/cases/"]:
            probe.access(None, None, {"PATH_INFO": path}, None)
    finally:
        gunicorn_conf.Logger.access = original  # type: ignore[method-assign]
    assert logged == ["/cases/"]
