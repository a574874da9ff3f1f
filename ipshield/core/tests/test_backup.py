"""Issue 10 controls, R7: a backup restores identical (table counts and checksums, evidence
files, the audit chain head) on SQLite and PostgreSQL; a damaged backup is detected."""

import io
import json

import pytest
from django.core.management import call_command

from ipshield.cases.services import case_create
from ipshield.core.attachments import attachment_store
from ipshield.core.backup import MANIFEST, backup, backup_verify

from .file_corpus import LEGITIMATE

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def data(officer, settings, tmp_path):
    settings.ATTACHMENT_ROOT = tmp_path / "attachments"
    for i in range(25):
        case = case_create(actor=officer, data={"title": f"备份测试案{i}", "domain": "trademark"})
    attachment_store(
        actor=officer, upload=io.BytesIO(LEGITIMATE["pdf one page"]()), original_name="笔录.pdf", target=case
    )
    return case


def test_a_backup_restores_identical(data, tmp_path):
    target = tmp_path / "backup"
    manifest = backup(target)
    assert manifest["tables"]["cases_case"]["rows"] == 25
    assert len(manifest["attachments"]) == 1
    assert manifest["audit_head"]["sequence"] > 0
    assert backup_verify(target) == []


def test_a_damaged_backup_is_detected(data, tmp_path):
    target = tmp_path / "backup"
    backup(target)
    manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    manifest["tables"]["cases_case"]["rows"] = 24  # as if a case were lost
    (target / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    for path in (target / "attachments").rglob("*"):
        if path.is_file():
            path.write_bytes(b"tampered")
    problems = backup_verify(target)
    assert any("cases_case" in p for p in problems)
    assert any("attachments differ" in p for p in problems)


def test_the_command_writes_an_archive_and_verifies_it(data, tmp_path):
    out = io.StringIO()
    call_command("core_backup", "--out", str(tmp_path / "b1"), "--verify", stdout=out)
    assert "verified" in out.getvalue()
    assert (tmp_path / "b1.tar.gz").exists()
    assert backup_verify(tmp_path / "b1.tar.gz") == []
