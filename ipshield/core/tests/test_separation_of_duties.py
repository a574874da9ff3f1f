"""Issue 10 controls: the system administrator reads no case content or identities; the security
auditor reads and exports the audit log and changes nothing; permission changes are audited."""

import io

import pytest
from openpyxl import load_workbook

from ipshield.cases.models import Case
from ipshield.cases.services import case_create
from ipshield.core.models import AuditEvent, User
from ipshield.core.testing import verify_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(officer):
    return case_create(actor=officer, data={"title": "某店销售假冒运动鞋案", "domain": "trademark"})


def test_the_administrator_reads_no_case_content(client, make_user, case):
    admin = make_user("admin", username="root")
    assert Case.objects.visible_to(admin).count() == 0
    verify_second_factor(client, admin)
    assert client.get(f"/cases/{case.pk}/").status_code == 404
    assert client.get("/admin/cases/case/").status_code == 404  # not in the back office either
    assert case.title not in client.get("/cases/").content.decode()


def test_the_auditor_reads_and_exports_the_log_and_changes_nothing(client, make_user, case):
    auditor = make_user("auditor", username="auditor")
    client.force_login(auditor)
    page = client.get("/audit/?action=case.")
    assert page.status_code == 200
    assert "case.create" in page.content.decode()
    export = client.get("/audit/?action=case.&export=xlsx")
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(min_row=2, values_only=True))
    assert any(row[3] == "case.create" for row in rows)
    assert AuditEvent.objects.filter(action="audit.export", actor=auditor).count() == 1
    assert client.get(f"/cases/{case.pk}/").status_code == 404
    assert client.get("/admin/").status_code == 302  # not staff: the admin login, nothing else


def test_no_one_else_reads_the_audit_log_page(client, officer, make_user):
    for user in (officer, make_user("admin", username="root")):
        client.force_login(user)
        assert client.get("/audit/").status_code == 404


def test_permission_changes_are_audited(client, make_user, officer):
    admin = make_user("admin", username="root")
    verify_second_factor(client, admin)
    response = client.post(
        f"/admin/core/user/{officer.pk}/change/",
        {
            "username": officer.username,
            "role": "agency_head",
            "agency": officer.agency_id,
            "display_name": "张三",
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert User.objects.get(pk=officer.pk).role == "agency_head"
    event = AuditEvent.objects.get(action="user.permissions.change")
    assert event.before == {"role": "officer"}
    assert event.after == {"role": "agency_head"}
    assert event.actor == admin
