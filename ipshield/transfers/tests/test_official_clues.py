"""公职人员涉案线索 (国务院令第310号 art.19 after 第730号; work plan 二): reported from a case by its own
agency, handled by the procuratorate by a platform deadline, never seen by the police or coordinators."""

import datetime as dt

import pytest
from django.utils import timezone

from ipshield.core.audit import AuditEvent
from ipshield.core.deadlines import due_at
from ipshield.transfers.models import Notification, OfficialClue
from ipshield.transfers.official_clues import OFFICIAL_CLUE_PERIOD
from ipshield.transfers.tests.conftest import walk

pytestmark = pytest.mark.django_db

CLUE = {
    "kind": "protection",
    "officials": "某区市场监管所副所长 李某",
    "description": "账册记有每月向李某支付“公关费”2万元，检查前当事人曾接到通风报信电话。",
}


def _report(api, cast, case, **change):
    return api(cast["officer"]).post("/api/v1/official-clues", {"case_id": case.pk, **CLUE, **change})


def test_the_agency_reports_and_the_procuratorate_records_its_handling_by_the_deadline(api, cast, filed_case, client):
    response = _report(api, cast, filed_case)
    assert response.status_code == 201, response.content
    body = response.json()
    clue = OfficialClue.objects.get()
    assert (body["status"], body["procuratorate"]) == ("reported", cast["procurator"].agency.name)
    assert clue.due_at == due_at(clue.reported_at, OFFICIAL_CLUE_PERIOD)
    assert Notification.objects.filter(agency=cast["procurator"].agency, params={"n": filed_case.number}).exists()
    audit = AuditEvent.objects.get(action="official_clue.report")
    assert "公关费" not in str(audit.after)  # the log names the kind and addressee, not who is suspected

    client.force_login(cast["procurator"])
    queues = {q.key: q.count for q in client.get("/work/").context["queues"]}
    assert queues["official_clues_open"] == 1

    procurator = api(cast["procurator"])
    assert procurator.post(f"/api/v1/official-clues/{clue.pk}/receive", {}).json()["status"] == "received"
    refused = procurator.post(f"/api/v1/official-clues/{clue.pk}/decide", {"decision": "forward_supervisory"})
    assert refused.status_code == 422
    assert "note" in refused.json()["error"]["fields"]
    decided = procurator.post(
        f"/api/v1/official-clues/{clue.pk}/decide",
        {"decision": "forward_supervisory", "note": "已移送区监察委员会（2025-03-10）"},
    )
    assert decided.status_code == 200, decided.content
    assert (decided.json()["status"], decided.json()["decision"]) == ("decided", "forward_supervisory")
    again = procurator.post(f"/api/v1/official-clues/{clue.pk}/decide", {"decision": "no_basis", "note": "x"})
    assert again.status_code == 409
    assert OfficialClue.objects.get().decision == "forward_supervisory"
    assert Notification.objects.filter(agency=filed_case.agency, params={"n": filed_case.number}).exists()
    queues = {q.key: q.count for q in client.get("/work/").context["queues"]}
    assert queues["official_clues_open"] == 0


@pytest.mark.parametrize("who", ["police", "coordinator", "judge", "sh_procurator", "sh_officer", "sh_police"])
def test_the_clue_is_hidden_from_the_police_coordinators_courts_and_other_regions(api, cast, proposed, client, who):
    # The transfer is sent: the Beijing police now see the case, but never the clue about officials.
    walk(proposed, [("head", "approve", {}, 2), ("officer", "send", {}, 5)], cast)
    clue_id = _report(api, cast, proposed.case).json()["id"]
    reader = api(cast[who])
    listing = reader.get("/api/v1/official-clues")
    assert listing.status_code == 200
    assert listing.json()["count"] == 0
    assert reader.get(f"/api/v1/official-clues/{clue_id}").status_code == 404
    assert reader.post(f"/api/v1/official-clues/{clue_id}/receive", {}).status_code == 404
    client.force_login(cast[who])
    assert client.get(f"/transfers/official-clues/{clue_id}/").status_code == 404
    assert "公关费" not in client.get("/transfers/official-clues/").content.decode()
    case_page = client.get(f"/cases/{proposed.case_id}/")
    assert "公关费" not in case_page.content.decode()
    assert 'data-testid="official-clues"' not in case_page.content.decode()
    assert OfficialClue.objects.get().status == "reported"


def test_only_the_cases_agency_reports_and_only_the_addressed_procuratorate_acts(api, cast, filed_case, make_user):
    # Shanghai cannot even see the case; the Beijing procuratorate sees it but does not report for the agency.
    assert api(cast["sh_officer"]).post("/api/v1/official-clues", {"case_id": filed_case.pk, **CLUE}).status_code == 404
    assert api(cast["procurator"]).post("/api/v1/official-clues", {"case_id": filed_case.pk, **CLUE}).status_code == 403
    assert not OfficialClue.objects.exists()
    clue_id = _report(api, cast, filed_case).json()["id"]
    # the reporting agency reads its clue but cannot handle it; a procurator of a superior region sees, not acts
    assert api(cast["head"]).get(f"/api/v1/official-clues/{clue_id}").status_code == 200
    assert api(cast["officer"]).post(f"/api/v1/official-clues/{clue_id}/receive", {}).status_code == 403
    national = make_user("procurator", "000000", username="proc.national")
    assert api(national).get(f"/api/v1/official-clues/{clue_id}").status_code == 200
    assert api(national).post(f"/api/v1/official-clues/{clue_id}/receive", {}).status_code == 403
    assert OfficialClue.objects.get().status == "reported"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "bribery_of_the_moon"}, "kind"),
        ({"kind": 7}, "kind"),
        ({"description": ""}, "description"),
        ({"description": "长" * 5001}, "description"),
        ({"officials": "某" * 301}, "officials"),
        ({"case_id": 10**30}, "case_id"),
        ({"case_id": "one"}, "case_id"),
        ({"description": {"a": {"b": {"c": [1, [2, [3]]]}}}}, "description"),
    ],
)
def test_bad_reports_are_refused_in_the_request_language_and_nothing_is_written(api, cast, filed_case, change, field):
    response = _report(api, cast, filed_case, **change)
    assert response.status_code == 422, response.content
    assert field in str(response.json()["error"])
    assert not OfficialClue.objects.exists()
    english = api(cast["officer"]).post(
        "/api/v1/official-clues", {"case_id": filed_case.pk, **CLUE, "description": " "}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert english.status_code == 422
    assert "Say what was found" in english.json()["error"]["fields"]["description"][0]


def test_a_nul_byte_and_an_unknown_action_are_refused(api, cast, filed_case):
    assert _report(api, cast, filed_case, description="a\x00b").status_code == 400
    clue_id = _report(api, cast, filed_case).json()["id"]
    assert api(cast["procurator"]).post(f"/api/v1/official-clues/{clue_id}/bury", {}).status_code == 422
    assert OfficialClue.objects.get().status == "reported"


def test_pages_report_from_the_case_and_show_the_procuratorate_its_deadline(client, cast, filed_case):
    client.force_login(cast["officer"])
    case_page = client.get(f"/cases/{filed_case.pk}/").content.decode()
    assert 'data-testid="report-clue"' in case_page
    refused = client.post(f"/transfers/official-clues/new/{filed_case.pk}/", {"kind": "protection", "description": ""})
    assert refused.status_code == 422
    created = client.post(f"/transfers/official-clues/new/{filed_case.pk}/", CLUE)
    assert created.status_code == 302
    clue = OfficialClue.objects.get()
    assert "包庇、纵容侵权假冒" in client.get(f"/cases/{filed_case.pk}/").content.decode()

    client.force_login(cast["procurator"])
    listing = client.get("/transfers/official-clues/?status=open").content.decode()
    assert listing.count('data-testid="clue-row"') == 1
    assert timezone.localtime(clue.due_at).strftime("%Y-%m-%d") in listing
    assert client.post(f"/transfers/official-clues/{clue.pk}/", {"event": "receive"}).status_code == 302
    client.post(
        f"/transfers/official-clues/{clue.pk}/", {"event": "decide", "decision": "investigate", "note": "已立案侦查"}
    )
    detail = client.get(f"/transfers/official-clues/{clue.pk}/").content.decode()
    assert "立案侦查（检察机关管辖的职务犯罪）" in detail
    assert "按期处理" in detail
    english = client.get(f"/transfers/official-clues/{clue.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Clues about officials" in english
    assert "Passed to the supervisory commission" not in english

    client.force_login(cast["officer"])  # the agency sees the outcome; it cannot act
    detail = client.get(f"/transfers/official-clues/{clue.pk}/").content.decode()
    assert 'data-testid="clue-decide"' not in detail
    assert "已立案侦查" in detail


def test_a_clue_left_unhandled_is_overdue_on_the_list(client, cast, filed_case, api):
    clue_id = _report(api, cast, filed_case).json()["id"]
    OfficialClue.objects.filter(pk=clue_id).update(due_at=timezone.now() - dt.timedelta(days=1))
    client.force_login(cast["procurator"])
    assert "已逾期" in client.get("/transfers/official-clues/?status=open").content.decode()


def test_true_is_not_case_one(api, cast, filed_case):
    response = api(cast["officer"]).post("/api/v1/official-clues", {**CLUE, "case_id": True})
    assert response.status_code == 422
    assert not OfficialClue.objects.exists()
