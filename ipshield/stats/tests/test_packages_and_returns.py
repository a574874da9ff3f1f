"""Report packages (built in the background, downloaded by their owner only) and monthly returns
(confirmed by a head by the 10th; late, missing and zero returns listed for the coordinator)."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from ipshield.core.models import AuditEvent, Job
from ipshield.stats.models import ReportSubmission
from ipshield.stats.packages import package_period
from ipshield.stats.reports import REPORTS, Period
from ipshield.stats.submissions import submission_board, submission_due, submit_month
from ipshield.stats.tests.test_reports_drill_down import TODAY, beijing  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_a_quarters_package_has_every_report_and_only_its_owner_downloads_it(
    client,
    beijing,  # noqa: F811
    settings,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    settings.IPSHIELD_DATA_DIR = tmp_path
    settings.DATA_DIR = tmp_path
    client.force_login(beijing["coordinator"])
    quarter = (TODAY.month - 1) // 3 + 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/stats/packages/", {"region": "110000", "kind": "quarter", "year": TODAY.year, "number": quarter}
        )
    assert response.status_code == 302
    job = Job.objects.get(kind="stats.package")
    assert job.status == "done"
    assert job.done == job.total == len(REPORTS)
    download = client.get(job.result["next_url"])
    assert download.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert len(workbook.sheetnames) == len(REPORTS)
    linkage = workbook[workbook.sheetnames[0]]
    rows = list(linkage.iter_rows(values_only=True))
    assert rows[0][0] == "两法衔接工作情况"
    total = next(r for r in rows if r[0] and str(r[0]).startswith("合计"))
    assert total[1] == 4  # filed this quarter in Beijing (the fixture's cases)
    other = beijing["sh_coordinator"]
    client.force_login(other)
    assert client.get(job.result["next_url"]).status_code == 404


@pytest.mark.parametrize(
    ("kind", "number", "period"),
    [
        ("month", 2, Period(dt.date(2028, 2, 1), dt.date(2028, 2, 29))),
        ("quarter", 4, Period(dt.date(2028, 10, 1), dt.date(2028, 12, 31))),
        ("year", 1, Period(dt.date(2028, 1, 1), dt.date(2028, 12, 31))),
    ],
)
def test_package_periods(kind, number, period):
    assert package_period(kind, 2028, number) == period


@pytest.mark.parametrize(
    "data", [{"kind": "quarter", "year": 2026, "number": 5}, {"kind": "week", "year": 2026}, {"year": "x"}]
)
def test_a_bad_package_request_is_a_422_and_starts_nothing(client, beijing, data):  # noqa: F811
    client.force_login(beijing["coordinator"])
    assert client.post("/stats/packages/", {"region": "110000", **data}).status_code == 422
    assert not Job.objects.exists()


def test_the_deadline_is_the_10th_rolled_over_a_rest_day():
    assert timezone.localtime(submission_due(dt.date(2026, 4, 1))).date() == dt.date(2026, 5, 11)  # 10 May: a Sunday
    assert timezone.localtime(submission_due(dt.date(2026, 9, 1))).date() == dt.date(2026, 10, 10)  # 调休: a workday
    assert timezone.localtime(submission_due(dt.date(2026, 6, 1))).date() == dt.date(2026, 7, 10)


def test_a_head_confirms_the_month_once_and_the_coordinator_sees_who_is_missing(api, beijing, make_user):  # noqa: F811
    head = beijing["head"]
    last_month = TODAY.replace(day=1) - dt.timedelta(days=1)
    other = make_user("agency_head", "110108", username="head.hd.stats")
    submission = submit_month(actor=head, month=last_month)
    assert submission.figures == {"filed": 0, "closed": 0, "decided": 0, "penalties_yuan": 0.0, "transferred": 0}
    assert submission.zero  # the fixture's cases are all of this month: last month is a 零申报
    assert AuditEvent.objects.filter(action="stats.submit_month").count() == 1
    with pytest.raises(Exception, match="已经报送过"):
        submit_month(actor=head, month=last_month)
    rows = {r.agency.pk: r for r in submission_board(beijing["coordinator"], last_month)}
    assert rows[head.agency_id].state in {"on_time", "late"}
    assert rows[other.agency_id].state in {"missing", "pending"}
    assert rows[head.agency_id].zero
    shanghai = submission_board(beijing["sh_coordinator"], last_month)
    assert shanghai
    assert all(r.agency.region_id.startswith("31") for r in shanghai)


def test_only_a_head_submits_and_only_a_finished_month(beijing):  # noqa: F811
    from django.core.exceptions import PermissionDenied, ValidationError

    with pytest.raises(PermissionDenied):
        submit_month(actor=beijing["officer"], month=TODAY.replace(day=1) - dt.timedelta(days=1))
    with pytest.raises(ValidationError):
        submit_month(actor=beijing["head"], month=TODAY)
    assert not ReportSubmission.objects.exists()


def test_the_returns_page_submits_and_lists(client, beijing):  # noqa: F811
    last_month = TODAY.replace(day=1) - dt.timedelta(days=1)
    client.force_login(beijing["head"])
    response = client.post("/stats/submissions/", {"month": f"{last_month:%Y-%m}", "note": "已核对"})
    assert response.status_code == 302
    again = client.post("/stats/submissions/", {"month": f"{last_month:%Y-%m}"})
    assert again.status_code == 422
    assert "已经报送过" in again.content.decode()
    client.force_login(beijing["coordinator"])
    page = client.get("/stats/submissions/", {"month": f"{last_month:%Y-%m}"})
    assert page.status_code == 200
    assert beijing["head"].agency.name in page.content.decode()
    export = client.get("/stats/submissions/", {"month": f"{last_month:%Y-%m}", "export": "xlsx"})
    assert export.status_code == 200
