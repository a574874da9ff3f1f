"""Issue 10, found 10: ledger imports are capped in rows and size; large ones run in the
background through the task layer and report progress on a page."""

import pytest

from ipshield.cases.models import Case
from ipshield.core.models import Job, JobStatus

from .test_case_pages import GOOD, _ledger

pytestmark = pytest.mark.django_db


def _rows(n):
    return [
        {**GOOD, "title": f"导入案件{i}", "party_kind": "person", "party_name": f"张{i}", "party_uscc": ""}
        for i in range(n)
    ]


def test_too_many_rows_are_refused_before_any_work(client, officer, settings):
    settings.IPSHIELD_IMPORT_MAX_ROWS = 30
    client.force_login(officer)
    response = client.post("/cases/import/", {"file": _ledger(_rows(31))})
    assert response.status_code == 422
    assert "超过 30 行" in response.content.decode()
    assert Case.objects.count() == 0


def test_too_large_a_file_is_refused(client, officer, settings):
    settings.IPSHIELD_IMPORT_MAX_BYTES = 2000
    client.force_login(officer)
    response = client.post("/cases/import/", {"file": _ledger(_rows(40))})
    assert "文件超过大小上限" in response.content.decode()
    assert Case.objects.count() == 0


def test_a_large_import_runs_in_the_background_with_progress(
    client, officer, settings, django_capture_on_commit_callbacks
):
    settings.IPSHIELD_IMPORT_SYNC_ROWS = 5
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/cases/import/", {"file": _ledger(_rows(12))})
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/jobs/{job.pk}/"
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (JobStatus.DONE, 12, 12)
    assert Case.objects.count() == 12, job.result
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "导入 12 个案件" in page
    assert not job.input_path or not __import__("pathlib").Path(job.input_path).exists()  # input removed


def test_someone_elses_job_is_404(client, officer, make_user):
    job = Job.objects.create(owner=officer, kind="x", label="x")
    client.force_login(make_user("officer", "110000", username="other"))
    assert client.get(f"/jobs/{job.pk}/").status_code == 404
