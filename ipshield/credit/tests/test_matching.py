"""Names written differently: a score and the reasons (pure), proposals, and a human's kept decision."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import given
from hypothesis import strategies as st

from ipshield.core.audit import AuditEvent
from ipshield.credit.matching import PROPOSE_AT, canonical, match
from ipshield.credit.merging import match_decide
from ipshield.credit.models import (
    BlacklistEntry,
    CreditFeedEvent,
    Enterprise,
    EnterpriseMatch,
    IntegrityEvent,
    MatchStatus,
)
from ipshield.credit.selectors import match_queue
from ipshield.credit.services import blacklist_list, enterprise_for

USCC = "91350100M000100Y43"


@pytest.mark.parametrize(
    ("left", "right", "score", "reasons"),
    [
        ("恒远商贸有限公司", "恒远商贸有限公司", 100, ("same",)),
        ("ＡＢＣ商贸有限公司", "ABC商贸有限公司", 99, ("width",)),
        ("abc商贸有限公司", "ABC商贸有限公司", 99, ("case",)),
        ("恒远商贸（北京）有限公司", "恒远商贸北京有限公司", 99, ("punctuation",)),
        ("恒远商贸有限责任公司", "恒远商贸有限公司", 96, ("suffix",)),
        ("恒远商贸股份有限公司", "恒远商贸有限公司", 96, ("suffix",)),
        ("恆遠商貿有限公司", "恒远商贸有限公司", 94, ("script",)),
        ("恆遠商貿（北京）有限責任公司", "恒远商贸北京有限公司", 89, ("punctuation", "script", "suffix")),
        ("Hengyuan Shangmao Co., Ltd.", "恒远商贸有限公司", 85, ("pinyin",)),
        ("hengyuan shangmao", "恒远商贸有限公司", 85, ("pinyin",)),
    ],
)
def test_spellings_of_one_name_score_with_their_reasons(left, right, score, reasons):
    found = match(left, right)
    assert (found.score, found.reasons) == (score, reasons)
    assert match(right, left).score == score
    assert found.score >= PROPOSE_AT


def test_different_names_score_low_and_say_how_similar():
    found = match("恒远商贸有限公司", "佳美服饰有限公司")
    assert found.score < PROPOSE_AT
    assert found.reasons == ("similar",)
    assert found.explain("zh") == "名称相近 50%"
    assert found.explain("en") == "similar names 50%"


def test_reasons_are_explained_in_both_languages():
    found = match("恆遠商貿有限責任公司", "恒远商贸有限公司")
    assert found.explain("zh") == "繁体/简体不同；公司后缀写法不同（有限责任公司/有限公司）"
    assert found.explain("en") == "traditional / simplified characters; company suffix (有限责任公司 / 有限公司)"


@given(st.text(min_size=1, max_size=30))
def test_a_name_matches_itself_and_canonical_is_idempotent(name):
    assert match(name, name).score == 100
    assert canonical(canonical(name)) == canonical(name)


@pytest.mark.django_db
def test_a_new_spelling_is_proposed_not_merged(people):
    registered = enterprise_for(name="恒远商贸有限公司", uscc=USCC, region_code="110105")
    seller = enterprise_for(name="恆遠商貿有限責任公司", region_code="110105")
    assert seller.pk != registered.pk  # never merged silently
    proposal = EnterpriseMatch.objects.get()
    assert (proposal.first_id, proposal.second_id) == (registered.pk, seller.pk)
    assert proposal.score == 90
    assert proposal.status == MatchStatus.PROPOSED
    assert list(match_queue(people["officer"])) == [proposal]
    assert list(match_queue(people["sh_officer"])) == []  # a record outside Shanghai
    # the same pair is proposed once, however often the name comes back
    enterprise_for(name="恆遠商貿有限責任公司", region_code="110105")
    assert EnterpriseMatch.objects.count() == 1


@pytest.mark.django_db
def test_without_a_code_only_the_same_spelling_is_the_same_record(people):
    shop = enterprise_for(name="恒远网店")
    assert enterprise_for(name="恒远 网店").pk == shop.pk
    assert enterprise_for(name="（恒远网店）").pk == shop.pk
    other = enterprise_for(name="恆遠網店")  # another script: a proposal, not a silent merge
    assert other.pk != shop.pk
    assert EnterpriseMatch.objects.get().reasons == ["script"]


@pytest.mark.django_db
def test_two_registered_codes_are_never_proposed(people):
    enterprise_for(name="恒远商贸有限公司", uscc=USCC)
    enterprise_for(name="恒远商贸有限公司", uscc="91110000MA0000001T")
    assert EnterpriseMatch.objects.count() == 0


@pytest.mark.django_db
def test_confirming_moves_the_timeline_and_listing_and_tells_the_bank(client, people):
    registered = enterprise_for(name="恒远商贸有限公司", uscc=USCC, region_code="110105")
    seller = enterprise_for(name="Hengyuan Shangmao Co., Ltd.", region_code="110105")
    IntegrityEvent.objects.create(enterprise=seller, kind="penalty", occurred_on="2026-03-01", summary="网店售假")
    import datetime as dt

    from django.utils import timezone

    entry = blacklist_list(
        actor=people["head"],
        enterprise=seller,
        legal_basis="决定列入",
        planned_end=timezone.localdate() + dt.timedelta(days=365),
    )
    proposal = EnterpriseMatch.objects.get()
    assert "拼音相同" in proposal.explanation
    with pytest.raises(PermissionDenied):
        match_decide(actor=people["bank"], proposal=proposal, confirm=True)
    match_decide(actor=people["officer"], proposal=proposal, confirm=True, note="同一网店经营者")
    seller.refresh_from_db()
    assert seller.merged_into == registered
    assert registered.events.filter(kind="penalty", summary="网店售假").exists()
    assert registered.events.filter(kind="merged").exists()
    assert BlacklistEntry.objects.get(pk=entry.pk).enterprise == registered
    last = CreditFeedEvent.objects.order_by("-id").first()
    assert (last.action, last.payload["uscc"], last.payload["listed"]) == ("changed", USCC, True)
    assert AuditEvent.objects.filter(action="credit.match.confirm").count() == 1
    # the public query finds the surviving record, listed, and not the merged one
    body = client.get("/api/v1/public/credit", {"q": "恒远商贸"}).json()
    assert [(i["uscc"], i["listed"]) for i in body["items"]] == [(USCC, True)]
    with pytest.raises(ValidationError):  # decided once
        match_decide(actor=people["officer"], proposal=proposal, confirm=False, note="x")
    # a later party under the merged spelling lands on the surviving record
    assert enterprise_for(name="Hengyuan Shangmao Co., Ltd.").pk == registered.pk


@pytest.mark.django_db
def test_confirming_one_of_several_candidates_settles_the_others(people):
    first = enterprise_for(name="华通电子商务有限公司", uscc=USCC, region_code="110105")
    enterprise_for(name="华通电子商务有限公司", uscc="91110000MA0000001T")
    seller = enterprise_for(name="華通電子商務有限公司", region_code="110105")
    proposals = list(EnterpriseMatch.objects.order_by("first_id"))
    assert len(proposals) == 2
    match_decide(actor=people["officer"], proposal=proposals[0], confirm=True)
    other = EnterpriseMatch.objects.get(pk=proposals[1].pk)
    assert other.status == MatchStatus.REJECTED
    assert other.note == "已确认与“华通电子商务有限公司”为同一主体"
    assert Enterprise.objects.get(pk=seller.pk).merged_into == first


@pytest.mark.django_db
def test_a_rejection_needs_a_reason_and_is_kept(people):
    enterprise_for(name="恒远商贸有限公司", uscc=USCC, region_code="110105")
    enterprise_for(name="恒远商贸有限責任公司", region_code="110105")
    proposal = EnterpriseMatch.objects.get()
    with pytest.raises(ValidationError):
        match_decide(actor=people["officer"], proposal=proposal, confirm=False, note=" ")
    match_decide(actor=people["officer"], proposal=proposal, confirm=False, note="不同主体，地址不同")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by, proposal.note) == (
        MatchStatus.REJECTED,
        people["officer"],
        "不同主体，地址不同",
    )
    assert Enterprise.objects.filter(merged_into__isnull=False).count() == 0
    assert list(match_queue(people["officer"])) == []


@pytest.mark.django_db
def test_match_pages(client, people):
    registered = enterprise_for(name="恒远商贸有限公司", uscc=USCC, region_code="110105")
    seller = enterprise_for(name="恆遠商貿有限公司", region_code="110105")
    proposal = EnterpriseMatch.objects.get()
    assert client.get("/credit/matches/").status_code == 302  # login first
    client.force_login(people["bank"])
    assert client.get("/credit/matches/").status_code == 404
    client.force_login(people["officer"])
    page = client.get("/credit/matches/").content.decode()
    assert "恆遠商貿有限公司" in page
    assert "繁体/简体不同" in page
    # the two records side by side, regions by name, the confirm button not the page's primary action
    assert "北京市朝阳区" in page
    assert page.count('class="match-side"') == 2
    assert 'class="primary small" data-testid="match-confirm"' not in page
    assert 'data-testid="match-confirm"' in page
    # rejecting without a reason: a clear message, nothing written
    response = client.post(f"/credit/matches/{proposal.pk}/", {"op": "reject", "note": ""}, follow=True)
    assert "否定匹配时请说明理由" in response.content.decode()
    assert EnterpriseMatch.objects.get().status == MatchStatus.PROPOSED
    assert client.post("/credit/matches/999999/", {"op": "confirm"}).status_code == 404
    assert client.get(f"/credit/matches/{proposal.pk}/").status_code == 405
    client.post(f"/credit/matches/{proposal.pk}/", {"op": "confirm", "next": f"/credit/enterprises/{seller.pk}/"})
    # the merged record's page leads to the surviving one
    response = client.get(f"/credit/enterprises/{seller.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/credit/enterprises/{registered.pk}/"


@pytest.mark.django_db
def test_a_cross_province_proposal_offers_no_decision_to_an_officer(client, people, make_user):
    enterprise_for(name="恒远商贸有限公司", uscc=USCC, region_code="110105")
    enterprise_for(name="恆遠商貿有限公司", region_code="310115")
    assert EnterpriseMatch.objects.count() == 1
    client.force_login(people["officer"])
    page = client.get("/credit/matches/").content.decode()
    assert "上海市浦东新区" in page
    assert 'data-testid="match-confirm"' not in page
    assert "由领导小组办公室确认" in page
    client.force_login(make_user("coordinator", "000000", username="coord.national.match"))
    assert 'data-testid="match-confirm"' in client.get("/credit/matches/").content.decode()
