"""The whole case lifecycle by API (other agencies' systems): actions, parties, evidence, the directory."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ipshield.cases.models import Case
from ipshield.core.models import Attachment
from ipshield.transfers.sample_evidence import blank_pdf

from .test_case_api import BODY

pytestmark = pytest.mark.django_db


def test_file_investigate_decide_and_close_by_api(api, officer, head):
    client = api(officer)
    case = client.post("/api/v1/cases", {**BODY, "facts": {"sales_amount_yuan": 1000}}).json()
    assert client.post(f"/api/v1/cases/{case['id']}/file", {}).json()["status"] == "filed"
    assert client.post(f"/api/v1/cases/{case['id']}/start_investigation", {}).json()["status"] == "investigating"
    decided = client.post(
        f"/api/v1/cases/{case['id']}/decide",
        {
            "penalty_kinds": ["fine"],
            "fine_amount": "5000.00",
            "decision_number": "京市监罚〔2026〕3号",
            "penalty_basis": "商标法第六十条",
        },
    )
    assert decided.status_code == 200, decided.content
    assert decided.json()["status"] == "decided"
    assert client.post(f"/api/v1/cases/{case['id']}/close", {}).json()["status"] == "closed"
    # a step that is not allowed now, or not one of the lifecycle's, is a 422 that says so
    again = client.post(f"/api/v1/cases/{case['id']}/file", {})
    assert again.status_code == 422
    assert client.post(f"/api/v1/cases/{case['id']}/transfer", {}).status_code == 422  # the transfer workflow's own
    assert client.post(f"/api/v1/cases/{case['id']}/nonsense", {}).status_code == 422


def test_stale_revision_is_a_conflict_and_roles_are_checked(api, officer, make_user):
    client = api(officer)
    case = client.post("/api/v1/cases", BODY).json()
    assert client.post(f"/api/v1/cases/{case['id']}/file", {"revision": case["revision"] + 5}).status_code == 409
    assert client.post(f"/api/v1/cases/{case['id']}/not_file", {}).status_code == 403  # the head decides
    outsider = api(make_user("officer", "310000", username="officer.sh.api"))
    assert outsider.post(f"/api/v1/cases/{case['id']}/file", {}).status_code == 404
    assert Case.objects.get(pk=case["id"]).status == "lead"


@pytest.mark.parametrize(
    "body",
    [
        {"penalty_kinds": ["fine"], "fine_amount": "1e30", "decision_number": "x"},
        {"penalty_kinds": ["nonsense"]},
        {"penalty_kinds": "fine"},
        {"reason": "x" * 6000},
        {"revision": "abc"},
    ],
)
def test_bad_action_bodies_are_422_and_write_nothing(api, officer, body):
    client = api(officer)
    case = client.post("/api/v1/cases", BODY).json()
    client.post(f"/api/v1/cases/{case['id']}/file", {})
    response = client.post(f"/api/v1/cases/{case['id']}/decide", body)
    assert response.status_code == 422
    assert Case.objects.get(pk=case["id"]).status == "filed"


def test_evidence_and_parties_by_api(api, client, officer, make_user):
    bearer = api(officer)
    case = bearer.post("/api/v1/cases", {**BODY, "parties": []}).json()
    headers = bearer.headers  # multipart goes through the plain test client with the same token
    upload = SimpleUploadedFile("调查报告.pdf", blank_pdf("调查报告"), content_type="application/pdf")
    response = client.post(
        f"/api/v1/cases/{case['id']}/attachments", {"file": upload, "kind": "investigation_report"}, **headers
    )
    assert response.status_code == 201, response.content
    stored = response.json()
    assert stored["kind"] == "investigation_report"
    assert len(stored["sha256"]) == 64
    assert [a["id"] for a in bearer.get(f"/api/v1/cases/{case['id']}/attachments").json()] == [stored["id"]]
    bad = SimpleUploadedFile("x.exe", b"MZ\x90\x00" * 100, content_type="application/octet-stream")
    assert client.post(f"/api/v1/cases/{case['id']}/attachments", {"file": bad}, **headers).status_code == 422
    assert Attachment.objects.count() == 1
    added = bearer.post(
        f"/api/v1/cases/{case['id']}/parties",
        {"kind": "enterprise", "name": "某商贸有限公司", "uscc": "91350100M000100Y43"},
    )
    assert added.status_code == 201
    assert added.json()["parties"][0]["uscc"] == "91350100M000100Y43"
    outsider = api(make_user("officer", "310000", username="officer.sh.ev"))
    assert outsider.get(f"/api/v1/cases/{case['id']}/attachments").status_code == 404
    assert outsider.post(f"/api/v1/cases/{case['id']}/parties", {"kind": "person", "name": "x"}).status_code == 404


def test_the_directory_lists_ones_own_agency_and_the_receiving_ones_only(api, officer, head, make_user):
    members = api(officer).get(f"/api/v1/agencies/{officer.agency_id}/members").json()
    assert {m["id"] for m in members} == {officer.pk, head.pk}
    other = make_user("officer", "310000", username="officer.sh.dir")
    assert api(officer).get(f"/api/v1/agencies/{other.agency_id}/members").status_code == 404
    assert api(officer).get("/api/v1/agencies/99999999999999999999/members").status_code == 422
    # the police and procuratorate a Beijing transfer goes to; not Shanghai's, not the court
    police = make_user("police", "110000", username="police.bj.dir")
    procurator = make_user("procurator", "110000", username="proc.bj.dir")
    judge = make_user("judge", "110000", username="judge.bj.dir")
    sh_police = make_user("police", "310000", username="police.sh.dir")
    listed = api(officer).get(f"/api/v1/agencies/{police.agency_id}/members").json()
    assert [(m["id"], m["role"]) for m in listed] == [(police.pk, "police")]
    assert api(officer).get(f"/api/v1/agencies/{procurator.agency_id}/members").status_code == 200
    for hidden in (judge, sh_police):
        assert api(officer).get(f"/api/v1/agencies/{hidden.agency_id}/members").status_code == 404
    # the police do not browse the administrative agency's staff
    assert api(police).get(f"/api/v1/agencies/{officer.agency_id}/members").status_code == 404
