"""Writes in the integrity archive check the record's own authority, and reads hide another
region's unpublished events (issue 10, found 1-2: each reproduced as a Shanghai user)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ipshield.cases.services import case_create, case_transition
from ipshield.core.testing import verify_second_factor
from ipshield.credit.merging import match_decide
from ipshield.credit.models import BlacklistEntry, EnterpriseMatch, MatchStatus
from ipshield.credit.services import blacklist_list, blacklist_remove, enterprise_for, record_case_event

pytestmark = pytest.mark.django_db
USCC = "91350100M000100Y43"


@pytest.fixture
def two_regions(make_user):
    bj_officer = make_user("officer", "110000", username="officer.bj")
    sh_officer = make_user("officer", "310000", username="officer.sh")
    return {
        "bj_officer": bj_officer,
        "bj_head": make_user("agency_head", agency=bj_officer.agency, username="head.bj"),
        "sh_officer": sh_officer,
        "sh_head": make_user("agency_head", agency=sh_officer.agency, username="head.sh"),
        "sh_coordinator": make_user("coordinator", "310000", username="coord.sh"),
        "national": make_user("coordinator", "000000", username="coord.cn"),
    }


@pytest.fixture
def bj_case(two_regions):
    """A Beijing case against an enterprise: penalised, then transferred (an unpublished event)."""
    officer = two_regions["bj_officer"]
    case = case_create(
        actor=officer,
        data={"title": "北京假冒案", "domain": "trademark"},
        parties=[{"kind": "enterprise", "name": "某某商贸有限公司", "uscc": USCC}],
    )
    case = case_transition(actor=officer, case=case, event="file")
    record_case_event(case=case, kind="transfer", summary=f"移送公安机关并立案：{case.number}", on=timezone.localdate())
    return case


def _enterprise():
    return enterprise_for(name="某某商贸有限公司", uscc=USCC)


def test_another_regions_head_cannot_list_the_enterprise(two_regions, bj_case):
    planned = timezone.localdate() + dt.timedelta(days=365)
    with pytest.raises(PermissionDenied):
        blacklist_list(actor=two_regions["sh_head"], enterprise=_enterprise(), legal_basis="x", planned_end=planned)
    assert not BlacklistEntry.objects.exists()
    entry = blacklist_list(actor=two_regions["bj_head"], enterprise=_enterprise(), legal_basis="x", planned_end=planned)
    assert entry.authority_id == two_regions["bj_head"].agency_id


def test_only_the_listing_agency_removes(two_regions, bj_case):
    planned = timezone.localdate() + dt.timedelta(days=365)
    entry = blacklist_list(actor=two_regions["bj_head"], enterprise=_enterprise(), legal_basis="x", planned_end=planned)
    with pytest.raises(PermissionDenied):
        blacklist_remove(actor=two_regions["sh_head"], entry=entry, reason="信用修复")
    entry.refresh_from_db()
    assert entry.removed_on is None


def test_page_refuses_cross_region_listing_and_removal(client, two_regions, bj_case):
    planned = timezone.localdate() + dt.timedelta(days=365)
    entry = blacklist_list(actor=two_regions["bj_head"], enterprise=_enterprise(), legal_basis="x", planned_end=planned)
    url = f"/credit/enterprises/{entry.enterprise_id}/"
    client.force_login(two_regions["sh_head"])
    assert client.post(url, {"op": "remove", "entry": entry.pk, "reason": "x"})["Location"].startswith(
        "/account/verify/"
    )
    verify_second_factor(client, two_regions["sh_head"])
    page = client.get(url)
    assert page.status_code == 200
    assert 'data-testid="blacklist-remove"' not in page.content.decode()
    assert client.post(url, {"op": "remove", "entry": entry.pk, "reason": "x"}).status_code == 404
    client.post(url, {"op": "list", "legal_basis": "x", "planned_end": planned.isoformat()})
    entry.refresh_from_db()
    assert entry.removed_on is None
    assert BlacklistEntry.objects.count() == 1


def test_unpublished_events_stay_inside_their_jurisdiction(client, two_regions, bj_case):
    enterprise = _enterprise()
    url = f"/credit/enterprises/{enterprise.pk}/"
    client.force_login(two_regions["sh_officer"])
    assert bj_case.number not in client.get(url).content.decode()
    client.force_login(two_regions["bj_officer"])
    assert bj_case.number in client.get(url).content.decode()
    client.force_login(two_regions["national"])
    assert bj_case.number in client.get(url).content.decode()


@pytest.fixture
def bj_proposal(two_regions):
    enterprise_for(name="恒远商贸有限公司", uscc=USCC, region_code="110105")
    enterprise_for(name="恆遠商貿有限責任公司", region_code="110105")
    return EnterpriseMatch.objects.get()


def test_another_regions_officer_cannot_decide_a_beijing_proposal(client, two_regions, bj_proposal):
    with pytest.raises(PermissionDenied):
        match_decide(actor=two_regions["sh_officer"], proposal=bj_proposal, confirm=False, note="不同主体")
    client.force_login(two_regions["sh_officer"])
    response = client.post(f"/credit/matches/{bj_proposal.pk}/", {"op": "reject", "note": "不同主体"})
    assert response.status_code == 404
    bj_proposal.refresh_from_db()
    assert bj_proposal.status == MatchStatus.PROPOSED


def test_a_proposal_across_provinces_needs_a_coordinator(two_regions):
    enterprise_for(name="恒远商贸有限公司", uscc=USCC, region_code="110105")
    enterprise_for(name="恆遠商貿有限責任公司", region_code="310101")
    proposal = EnterpriseMatch.objects.get()
    with pytest.raises(PermissionDenied):
        match_decide(actor=two_regions["bj_officer"], proposal=proposal, confirm=True)
    decided = match_decide(actor=two_regions["national"], proposal=proposal, confirm=True)
    assert decided.status == MatchStatus.CONFIRMED
