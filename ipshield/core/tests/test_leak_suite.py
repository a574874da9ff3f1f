"""R1: a generated leak suite. Every route that takes a record's id — pages and API, reads and
writes — is tried as every role of another region: each answers 404 (as for a record that does
not exist) and writes nothing; lists and the shared archive do not show the record. A route with
an id that is missing from ROUTES fails the suite, so a new app cannot skip it."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.utils import timezone

from ipshield.cases.services import case_create, case_transition
from ipshield.core.attachments import attachment_store
from ipshield.core.jobs import job_start
from ipshield.core.models import AuditEvent
from ipshield.core.testing import token_request, verify_second_factor
from ipshield.credit.models import EnterpriseMatch
from ipshield.credit.repair import repair_submit
from ipshield.credit.services import blacklist_list, enterprise_for
from ipshield.disclosure.models import Disclosure
from ipshield.stats.assessments import assessments_open
from ipshield.stats.models import Assessment
from ipshield.stats.testing import make_alert
from ipshield.transfers.official_clues import official_clue_report
from ipshield.transfers.sample_evidence import attach_required_evidence
from ipshield.transfers.services import transfer_act, transfer_propose
from ipshield.transfers.supervision import supervision_open

from .file_corpus import LEGITIMATE

pytestmark = pytest.mark.django_db
USCC = "91110105MA0000015F"  # registered in Beijing (division 110105)
OUTSIDER_ROLES = ["officer", "agency_head", "police", "procurator", "judge", "coordinator"]


@dataclass
class World:
    case: Any
    decided_case: Any
    transfer: Any
    tip: Any
    attachment: Any
    job: Any
    disclosure: Any
    enterprise: Any
    entry: Any
    match: Any
    repair: Any
    supervision: Any
    clue: Any
    alert: Any
    assessment: Any
    coop: dict[str, Any]


@pytest.fixture
def world(make_user, settings, client, tmp_path) -> World:
    settings.IPSHIELD_CAPTCHA = "off"
    settings.ATTACHMENT_ROOT = tmp_path / "attachments"
    officer = make_user("officer", "110000", username="officer.bj")
    officer2 = make_user("officer", agency=officer.agency, username="officer2.bj")
    head = make_user("agency_head", agency=officer.agency, username="head.bj")
    make_user("police", "110000", username="police.bj")
    procurator = make_user("procurator", "110000", username="proc.bj")
    case = case_create(
        actor=officer,
        data={"title": "北京泄露测试案", "domain": "trademark"},
        parties=[{"kind": "enterprise", "name": "北京某某商贸有限公司", "uscc": USCC}],
    )
    case = case_transition(actor=officer, case=case, event="file")
    attachment = attachment_store(
        actor=officer, upload=io.BytesIO(LEGITIMATE["pdf one page"]()), original_name="笔录.pdf", target=case
    )
    attach_required_evidence(case, officer)
    transfer = transfer_propose(
        actor=officer, case=case, group_member_ids=[officer.pk, officer2.pk], report="达到追诉标准"
    )
    transfer = transfer_act(actor=head, transfer=transfer, action="approve")
    transfer = transfer_act(actor=officer, transfer=transfer, action="send")
    decided = case_create(
        actor=officer,
        data={"title": "北京已处罚案", "domain": "trademark", "facts_text": "销售假冒白酒"},
        parties=[{"kind": "enterprise", "name": "北京某某商贸有限公司", "uscc": USCC}],
    )
    for event, data in [
        ("file", {}),
        ("start_investigation", {}),
        ("decide", {"penalty_kinds": ["fine"], "fine_amount": 1000, "decision_number": "京罚〔2026〕1号"}),
    ]:
        decided = case_transition(actor=officer, case=decided, event=event, data=data)
    response = client.post(
        "/api/v1/public/tips",
        {
            "domain": "trademark",
            "description": "北京某店销售假冒运动鞋，价格明显低于市场价。",
            "address": "北京市朝阳区建国路88号",
            "anonymous": False,
            "reporter": {"name": "王小明", "phone": "13800000000"},
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    from ipshield.tips.models import Tip

    enterprise = enterprise_for(name="北京某某商贸有限公司", uscc=USCC)
    entry = blacklist_list(
        actor=head,
        enterprise=enterprise,
        legal_basis="两次处罚",
        planned_end=timezone.localdate() + dt.timedelta(days=365),
    )
    enterprise_for(name="北京某某商貿有限公司", region_code="110105")  # a spelling variant: a proposal
    repair = repair_submit(
        uscc=USCC,
        applicant="王经理",
        contact="13800000000",
        statement="已全部整改完毕，罚款已缴清，相关商品已下架销毁，特此申请信用修复。",
    )
    supervision = supervision_open(actor=procurator, case=case, queue="not_transferred", opinion="请说明")
    clue = official_clue_report(
        actor=officer, case=case, data={"kind": "protection", "description": "北京泄露测试线索：某所长通风报信"}
    )
    make_user("coordinator", "110000", username="coord.bj")
    alert = make_alert("110105", subject="北京泄露测试预警")
    national = make_user("coordinator", "000000", username="coord.cn")
    assessments_open(actor=national, scheme_id="shuangda_province", year=timezone.localdate().year)
    coop = cooperation_world(officer, case)
    return World(
        coop=coop,
        alert=alert,
        assessment=Assessment.objects.get(region_code="110000"),
        case=case,
        decided_case=decided,
        transfer=transfer,
        tip=Tip.objects.get(),
        attachment=attachment,
        job=job_start(owner=officer, kind="test", label="北京的任务"),
        disclosure=Disclosure.objects.get(case=decided),
        enterprise=enterprise,
        entry=entry,
        match=EnterpriseMatch.objects.get(),
        repair=repair,
        supervision=supervision,
        clue=clue,
    )


def cooperation_world(officer: Any, case: Any) -> dict[str, Any]:
    """One record of each cooperation kind, all between Beijing and Guangdong."""
    from ipshield.cooperation.services import CREATORS
    from ipshield.core.choices import AgencyKind, Role
    from ipshield.core.factories import AgencyFactory, UserFactory

    gd = AgencyFactory(region_id="440000", kind=AgencyKind.MARKET_REGULATION)
    bj_office = AgencyFactory(region_id="110000", kind=AgencyKind.LEADING_GROUP)
    coordinator = UserFactory(role=Role.COORDINATOR, agency=bj_office, username="coord.bj.coop")
    due = (timezone.localdate() + dt.timedelta(days=20)).isoformat()
    data = {
        "lead": {"title": "北京泄露测试线索通报", "body": "x", "receivers": [gd.pk]},
        "assistance": {"title": "北京泄露测试协查", "receiver": gd.pk, "questions": ["q"], "tasks": ["identity"]},
        "joint": {"title": "北京泄露测试联合办案", "case_id": case.pk, "participants": [{"agency": gd.pk}]},
        "consultation": {"title": "北京泄露测试会商", "body": "x", "invitees": [gd.pk]},
    }
    records = {kind: CREATORS[kind](actor=officer, data=body) for kind, body in data.items()}
    records["supervision"] = CREATORS["supervision"](
        actor=coordinator,
        data={
            "title": "北京泄露测试督办",
            "body": "x",
            "case_id": case.pk,
            "milestones": [{"title": "m", "due_date": due}],
        },
    )
    records["campaign"] = CREATORS["campaign"](
        actor=coordinator,
        data={
            "title": "北京泄露测试战役",
            "start": "2026-01-01",
            "end": "2026-12-31",
            "domains": ["trademark"],
            "regions": ["110000"],
        },
    )
    return records


COOP_API = {
    "leads": "lead",
    "assistance_requests": "assistance",
    "joint_cases": "joint",
    "supervised_cases": "supervision",
    "campaigns": "campaign",
    "consultations": "consultation",
}


def _coop_api_routes() -> dict[str, list[Any]]:
    routes: dict[str, list[Any]] = {}
    for slug, kind in COOP_API.items():
        path = "/api/v1/" + slug.replace("_", "-")

        def rec(w: Any, kind: str = kind, path: str = path) -> str:
            return f"{path}/{w.coop[kind].pk}"

        routes[f"api:{slug}_detail"] = [("get", rec, None)]
        routes[f"api:{slug}_act"] = [
            ("post", lambda w, rec=rec: rec(w) + "/accept", {}),
            ("post", lambda w, rec=rec: rec(w) + "/withdraw", {"note": "x"}),
            ("post", lambda w, rec=rec: rec(w) + "/link", lambda w: {"case_id": w.case.pk}),
        ]
        routes[f"api:{slug}_evidence"] = [
            (
                "post",
                lambda w, rec=rec: rec(w) + "/evidence",
                lambda w: {
                    MULTIPART: True,
                    "file": SimpleUploadedFile("x.pdf", LEGITIMATE["pdf one page"](), content_type="application/pdf"),
                },
            )
        ]
    routes["api:campaigns_report"] = [("get", lambda w: f"/api/v1/campaigns/{w.coop['campaign'].pk}/report", None)]
    routes["api:cooperation_detail"] = [("get", lambda w: f"/api/v1/cooperation/{w.coop['lead'].pk}", None)]
    routes["cooperation:detail"] = [
        ("get", lambda w, k=k: f"/cooperation/{w.coop[k].pk}/", None)
        for k in ("lead", "assistance", "joint", "supervision", "campaign", "consultation")
    ]
    routes["cooperation:act"] = [
        ("post", lambda w: f"/cooperation/{w.coop['lead'].pk}/act/accept/", {}),
        ("post", lambda w: f"/cooperation/{w.coop['assistance'].pk}/act/withdraw/", {"withdraw-note": "x"}),
        ("post", lambda w: f"/cooperation/{w.coop['campaign'].pk}/act/link/", lambda w: {"link-case_id": w.case.pk}),
        ("post", lambda w: f"/cooperation/{w.coop['supervision'].pk}/act/report/", {"report-note": "x"}),
    ]
    routes["cooperation:report_export"] = [
        ("get", lambda w: f"/cooperation/{w.coop['campaign'].pk}/report.xlsx", None),
        ("get", lambda w: f"/cooperation/{w.coop['campaign'].pk}/report.pdf", None),
    ]
    return routes


@pytest.fixture
def outsiders(make_user) -> list[Any]:
    return [make_user(role, "310000", username=f"{role}.sh") for role in OUTSIDER_ROLES]


MULTIPART = "__multipart__"  # a probe body sent as a form with files, not as JSON
Probe = tuple[str, Callable[[World], str], Any]  # body: a dict, a function of the world, or None
# route name → probes (method, url, body). Every probe must answer 404 to an outsider.
ROUTES: dict[str, list[Probe]] = {
    "core:attachment": [("get", lambda w: f"/files/{w.attachment.pk}/", None)],
    "core:job": [("get", lambda w: f"/jobs/{w.job.pk}/", None)],
    "cases:detail": [("get", lambda w: f"/cases/{w.case.pk}/", None)],
    "cases:edit": [
        ("get", lambda w: f"/cases/{w.case.pk}/edit/", None),
        ("post", lambda w: f"/cases/{w.case.pk}/edit/", {"title": "改名", "domain": "trademark"}),
    ],
    "cases:transition": [("post", lambda w: f"/cases/{w.case.pk}/action/", {"event": "withdraw"})],
    "cases:party_add": [
        ("post", lambda w: f"/cases/{w.case.pk}/parties/", {"party-kind": "person", "party-name": "x"})
    ],
    "cases:seized_item_add": [
        ("post", lambda w: f"/cases/{w.case.pk}/seized-items/", {"item-name": "x", "item-quantity": "1"})
    ],
    "api:cases_seized_items": [("get", lambda w: f"/api/v1/cases/{w.case.pk}/seized-items", None)],
    "api:cases_seized_item_add": [
        ("post", lambda w: f"/api/v1/cases/{w.case.pk}/seized-items", {"name": "x", "quantity": 1})
    ],
    "cases:attachment_add": [("post", lambda w: f"/cases/{w.case.pk}/attachments/", {"description": "x"})],
    "transfers:propose": [
        ("get", lambda w: f"/transfers/propose/{w.decided_case.pk}/", None),
        ("post", lambda w: f"/transfers/propose/{w.decided_case.pk}/", {"report": "x"}),
    ],
    "transfers:detail": [("get", lambda w: f"/transfers/{w.transfer.pk}/", None)],
    "transfers:action": [("post", lambda w: f"/transfers/{w.transfer.pk}/action/", {"action": "accept"})],
    "transfers:step": [
        ("post", lambda w: f"/transfers/{w.transfer.pk}/steps/", {"kind": "arrested", "person_name": "x"})
    ],
    "transfers:document": [("get", lambda w: f"/transfers/{w.transfer.pk}/documents/transfer_letter.pdf", None)],
    "transfers:supervision_detail": [
        ("get", lambda w: f"/transfers/supervision/{w.supervision.pk}/", None),
        ("post", lambda w: f"/transfers/supervision/{w.supervision.pk}/", {"answer": "x"}),
    ],
    "transfers:official_clue_new": [
        ("get", lambda w: f"/transfers/official-clues/new/{w.case.pk}/", None),
        ("post", lambda w: f"/transfers/official-clues/new/{w.case.pk}/", {"kind": "other", "description": "x"}),
    ],
    "transfers:official_clue_detail": [
        ("get", lambda w: f"/transfers/official-clues/{w.clue.pk}/", None),
        ("post", lambda w: f"/transfers/official-clues/{w.clue.pk}/", {"event": "receive"}),
    ],
    "tips:detail": [
        ("get", lambda w: f"/tips/{w.tip.pk}/", None),
        ("get", lambda w: f"/tips/{w.tip.pk}/?reveal=1", None),
    ],
    "tips:action": [("post", lambda w: f"/tips/{w.tip.pk}/action/", {"op": "accept"})],
    "credit:match_decide": [("post", lambda w: f"/credit/matches/{w.match.pk}/", {"op": "reject", "note": "x"})],
    "credit:repair_detail": [
        ("get", lambda w: f"/credit/repair/requests/{w.repair.pk}/", None),
        ("post", lambda w: f"/credit/repair/requests/{w.repair.pk}/", {"op": "approve", "reason": "x"}),
    ],
    "credit:enterprise": [
        (
            "post",
            lambda w: f"/credit/enterprises/{w.enterprise.pk}/",
            lambda w: {"op": "remove", "entry": w.entry.pk, "reason": "x"},
        ),
    ],
    "disclosure:detail": [("get", lambda w: f"/disclosures/{w.disclosure.pk}/", None)],  # a draft: public nowhere
    "disclosure:review": [
        ("get", lambda w: f"/disclosures/review/{w.disclosure.pk}/", None),
        ("post", lambda w: f"/disclosures/review/{w.disclosure.pk}/", {"op": "publish"}),
    ],
    "api:cases_detail": [("get", lambda w: f"/api/v1/cases/{w.case.pk}", None)],
    "api:cases_patch": [("patch", lambda w: f"/api/v1/cases/{w.case.pk}", {"title": "改名"})],
    "api:transfers_create": [
        ("post", lambda w: f"/api/v1/cases/{w.decided_case.pk}/transfers", {"group_member_ids": [1, 2], "report": "x"})
    ],
    "api:transfers_detail": [("get", lambda w: f"/api/v1/transfers/{w.transfer.pk}", None)],
    "api:transfers_step": [
        (
            "post",
            lambda w: f"/api/v1/transfers/{w.transfer.pk}/steps",
            {"kind": "arrested", "person_name": "x", "occurred_on": "2026-11-02"},
        )
    ],
    "api:transfers_action": [("post", lambda w: f"/api/v1/transfers/{w.transfer.pk}/accept", {})],
    "api:tips_action": [("post", lambda w: f"/api/v1/tips/{w.tip.pk}/accept", {})],
    "api:cases_action": [
        ("post", lambda w: f"/api/v1/cases/{w.case.pk}/withdraw", {}),
        ("post", lambda w: f"/api/v1/cases/{w.decided_case.pk}/close", {"reason": "x"}),
    ],
    "api:cases_attachments": [("get", lambda w: f"/api/v1/cases/{w.case.pk}/attachments", None)],
    "api:cases_attachment_add": [
        (
            "post",
            lambda w: f"/api/v1/cases/{w.case.pk}/attachments",
            lambda w: {
                MULTIPART: True,
                "file": SimpleUploadedFile("x.pdf", LEGITIMATE["pdf one page"](), content_type="application/pdf"),
                "kind": "investigation_report",
            },
        )
    ],
    "api:cases_party_add": [("post", lambda w: f"/api/v1/cases/{w.case.pk}/parties", {"kind": "person", "name": "x"})],
    "api:official_clues_create": [
        (
            "post",
            lambda w: "/api/v1/official-clues",
            lambda w: {"case_id": w.case.pk, "kind": "other", "description": "x"},
        )
    ],
    "api:official_clues_detail": [("get", lambda w: f"/api/v1/official-clues/{w.clue.pk}", None)],
    "api:official_clues_act": [("post", lambda w: f"/api/v1/official-clues/{w.clue.pk}/receive", {})],
    "stats:alert_detail": [
        ("get", lambda w: f"/stats/alerts/{w.alert.pk}/", None),
        ("post", lambda w: f"/stats/alerts/{w.alert.pk}/", {"event": "close", "note": "误报"}),
    ],
    "api:alerts_detail": [("get", lambda w: f"/api/v1/stats/alerts/{w.alert.pk}", None)],
    "stats:assessment_detail": [
        ("get", lambda w: f"/stats/assessments/{w.assessment.pk}/", None),
        ("post", lambda w: f"/stats/assessments/{w.assessment.pk}/", {"event": "submit"}),
    ],
    "stats:package_download": [("get", lambda w: f"/stats/packages/{w.job.pk}/download/", None)],
    "api:alerts_act": [("post", lambda w: f"/api/v1/stats/alerts/{w.alert.pk}/close", {"note": "误报"})],
    "api:assessments_detail": [("get", lambda w: f"/api/v1/stats/assessments/{w.assessment.pk}", None)],
    "api:assessments_act": [("post", lambda w: f"/api/v1/stats/assessments/{w.assessment.pk}/submit", {})],
    "api:agency_members": [("get", lambda w: f"/api/v1/agencies/{w.case.agency_id}/members", None)],
    **_coop_api_routes(),
}
# Routes with a parameter that is not a record id: lists, checked below for the record's marks.
LISTS = {
    "transfers:queue": ["/transfers/queues/not_transferred/", "/transfers/queues/late/"],
    "api:supervision_list": ["/api/v1/supervision/not_transferred", "/api/v1/supervision/late"],
    "cooperation:new": [f"/cooperation/new/{kind}/" for kind in ("lead", "assistance", "joint", "consultation")],
    "api:report_detail": [
        f"/api/v1/stats/reports/{report}{query}"
        for report in ("linkage", "linkage_stages", "market_ip", "tips", "disclosure", "workload", "workload_officers")
        for query in ("?region=110000", "", "?region=110000&level=own")
    ],
}
# Routes whose parameter is not a record id at all.
NOT_RECORDS = {"core:password_reset_confirm": "a signed one-time reset token for one account"}
UNSCOPED_LISTS = ["/cases/", "/transfers/", "/tips/", "/disclosures/review/", "/credit/matches/", "/credit/repair/requests/",
                  "/work/", "/api/v1/cases", "/api/v1/transfers", "/api/v1/tips", "/transfers/official-clues/",
                  "/api/v1/official-clues", "/stats/alerts/?status=", "/api/v1/stats/alerts",
                  "/stats/dashboard/?region=110000", "/stats/dashboard/?region=000000", "/api/v1/disclosures",
                  "/api/v1/criminal-steps", "/transfers/criminal-steps/", "/tips/?received_from=2020-01-01",
                  "/disclosures/review/?state=due", "/stats/assessments/", "/stats/submissions/",
                  "/api/v1/stats/assessments",
                  "/cooperation/", "/cooperation/?box=all", "/api/v1/leads", "/api/v1/assistance-requests",
                  "/api/v1/joint-cases", "/api/v1/supervised-cases", "/api/v1/campaigns", "/api/v1/consultations",
                  ]  # fmt: skip


def _routes_with_parameters() -> set[str]:
    names = set()

    def walk(patterns: Any, namespace: str = "") -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner)
            elif ("<" in str(pattern.pattern) or "{" in str(pattern.pattern)) and pattern.name:
                names.add(f"{namespace}{pattern.name}")

    walk(get_resolver().url_patterns)
    return {n for n in names if not n.startswith("admin:")}


def test_every_route_with_a_record_id_is_in_the_suite():
    missing = _routes_with_parameters() - set(ROUTES) - set(LISTS) - set(NOT_RECORDS)
    assert missing == set(), f"add these routes to the leak suite: {sorted(missing)}"


def _clients(outsiders: list[Any]) -> list[tuple[Any, Client, dict[str, str]]]:
    sessions = []
    for user in outsiders:
        page = Client()
        verify_second_factor(page, user)  # a verified session: two factors never hide a leak
        response = token_request(Client(), user)
        sessions.append((user, page, {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}))
    return sessions


def test_no_route_leaks_or_writes_for_another_regions_roles(world, outsiders):
    sessions = _clients(outsiders)
    written_before = AuditEvent.objects.exclude(action__in=["api_token.issue", "user.2fa.verify"]).count()
    failures = []
    for name, probes in ROUTES.items():
        for method, url_of, body_of in probes:
            url = url_of(world)
            for user, page, token in sessions:
                body = body_of(world) if callable(body_of) else body_of  # fresh per call: an upload is read once
                if url.startswith("/api/"):
                    call = getattr(Client(), method)
                    if method == "get":
                        response = call(url, **token)
                    elif isinstance(body, dict) and body.pop(MULTIPART, False):
                        response = call(url, body, **token)
                    else:
                        response = call(url, body or {}, content_type="application/json", **token)
                else:
                    call = getattr(page, method)
                    response = call(url, body or {}) if method != "get" else call(url)
                if response.status_code != 404:
                    failures.append(f"{name} {method.upper()} {url} as {user.username}: {response.status_code}")
    assert failures == [], "\n".join(failures)
    written_after = AuditEvent.objects.exclude(action__in=["api_token.issue", "user.2fa.verify"]).count()
    assert written_after == written_before  # nothing was written by anyone outside


def test_lists_and_the_shared_archive_show_nothing_of_another_region(world, outsiders):
    marks = [
        world.case.number,
        world.decided_case.number,
        world.tip.tracking_number,
        "北京泄露测试案",
        "王小明",
        "北京泄露测试线索",
        "北京泄露测试预警",
        "北京泄露测试线索通报",
        "北京泄露测试协查",
        "北京泄露测试联合办案",
        "北京泄露测试督办",
        "北京泄露测试战役",
        "北京泄露测试会商",
    ]
    for user, page, token in _clients(outsiders):
        for url in [u for urls in LISTS.values() for u in urls] + UNSCOPED_LISTS:
            client = Client()
            response = client.get(url, **token) if url.startswith("/api/") else page.get(url)
            text = response.content.decode()
            assert not [m for m in marks if m in text], (url, user.username)
        archive = page.get(f"/credit/enterprises/{world.enterprise.pk}/").content.decode()
        assert world.case.number not in archive  # the unpublished transfer event stays in Beijing


def test_the_change_feed_names_nothing_of_another_region(world, outsiders):
    for user, _page, token in _clients(outsiders):
        cursor, more = 0, True
        while more:
            body = Client().get("/api/v1/events", {"since": cursor, "limit": 1000}, **token).json()
            assert body["items"] == [], user.username
            cursor, more = body["next_cursor"], body["has_more"]


def test_reports_count_nothing_of_another_region(world, outsiders):
    from ipshield.stats.reports import REPORTS

    for user, _page, token in _clients(outsiders):
        for report in REPORTS:
            body = Client().get(f"/api/v1/stats/reports/{report}", {"region": "110000"}, **token)
            if body.status_code == 403:  # a role that reads no statistics
                continue
            cells = [cell for row in body.json()["rows"] for cell in row["cells"].values()]
            values = {cell[k] for cell in cells for k in ("value", "last_year", "previous")}
            assert values <= {0, None}, (user.username, report)
