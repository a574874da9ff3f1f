"""Leak tests: every read path of cases, with two jurisdictions (ARCHITECTURE §2)."""

import pytest

from ipshield.cases.models import CaseShare
from ipshield.cases.selectors import case_list
from ipshield.core.testing import assert_hidden, assert_leak_free

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(make_user, officer):
    return {
        "owner": officer,
        "colleague": make_user("agency_head", agency=officer.agency, username="head"),
        "shanghai_officer": make_user("officer", "310000", username="sh.officer"),
        "beijing_procurator": make_user("procurator", "110000", username="bj.proc"),
        "shanghai_procurator": make_user("procurator", "310000", username="sh.proc"),
        "beijing_coordinator": make_user("coordinator", "110000", username="bj.coord"),
        "national_coordinator": make_user("coordinator", "000000", username="nat.coord"),
        "chaoyang_coordinator": make_user("coordinator", "110105", username="cy.coord"),
        "haidian_coordinator": make_user("coordinator", "110108", username="hd.coord"),
        "beijing_police": make_user("police", "110000", username="bj.police"),
        "chaoyang_district_officer": make_user("officer", "110105", username="cy.officer"),
    }


def test_visible_to_follows_agency_share_and_region_subtree(cast, new_case):
    case = new_case(region_code="110105")
    visible = {name for name, user in cast.items() if case_list(user, {}).filter(pk=case.pk).exists()}
    assert visible == {
        "owner",
        "colleague",
        "beijing_procurator",
        "beijing_coordinator",
        "national_coordinator",
        "chaoyang_coordinator",
    }


def test_sharing_with_the_police_makes_it_visible_to_them(cast, new_case):
    case = new_case()
    assert not case_list(cast["beijing_police"], {}).filter(pk=case.pk).exists()
    CaseShare.objects.create(case=case, agency=cast["beijing_police"].agency, reason="transfer")
    assert case_list(cast["beijing_police"], {}).filter(pk=case.pk).exists()
    assert case_list(cast["beijing_police"], {}).count() == 1  # no duplicates from the join


def test_detail_page_is_404_outside(client, cast, new_case):
    case = new_case()

    def fetch(user):
        client.force_login(user)
        return client.get(f"/cases/{case.pk}/")

    assert_leak_free(
        fetch,
        owner=cast["owner"],
        outsiders=[cast["shanghai_officer"], cast["shanghai_procurator"], cast["beijing_police"]],
    )
    client.force_login(cast["owner"])
    assert_hidden(client.get("/cases/99999999/"))  # a missing case looks the same


def test_list_page_and_export_show_only_visible_cases(client, cast, new_case):
    mine = new_case(title="北京运动鞋案")
    theirs = new_case(user=cast["shanghai_officer"], title="上海箱包案")
    client.force_login(cast["owner"])
    page = client.get("/cases/").content.decode()
    assert mine.number in page
    assert theirs.number not in page
    export = b"".join(client.get("/cases/?export=csv").streaming_content).decode("utf-8-sig")
    assert mine.number in export
    assert theirs.number not in export


def test_api_list_and_detail_are_scoped(client, api, cast, new_case):
    case = new_case()
    outsider_api = api(cast["shanghai_officer"])
    assert outsider_api.get("/api/v1/cases").json()["count"] == 0
    assert_hidden(outsider_api.get(f"/api/v1/cases/{case.pk}"))
    assert outsider_api.patch(f"/api/v1/cases/{case.pk}", {"title": "x"}).status_code == 404
    assert api(cast["beijing_procurator"]).get(f"/api/v1/cases/{case.pk}").status_code == 200


def test_action_endpoints_are_404_outside(client, cast, new_case):
    case = new_case()
    client.force_login(cast["shanghai_officer"])
    assert_hidden(client.post(f"/cases/{case.pk}/action/", {"event": "file"}))
    assert_hidden(client.post(f"/cases/{case.pk}/parties/", {"party-kind": "person", "party-name": "x"}))
    assert_hidden(client.get(f"/cases/{case.pk}/edit/"))


def test_home_queue_counts_are_scoped(client, cast, new_case):
    import datetime as dt

    from django.utils import timezone

    from ipshield.cases.models import Case

    from .conftest import SUSPECTED_FACTS

    case = new_case(facts=SUSPECTED_FACTS)
    Case.objects.filter(pk=case.pk).update(suspected_since=timezone.now() - dt.timedelta(days=30))

    def counts(user):
        client.force_login(user)
        return {q.key: q.count for q in client.get("/work/").context["queues"]}

    assert counts(cast["owner"])["cases_suspected_not_transferred"] == 1
    assert counts(cast["shanghai_officer"])["cases_suspected_not_transferred"] == 0
    assert counts(cast["beijing_procurator"])["supervision_not_transferred"] == 1
    assert counts(cast["shanghai_procurator"])["supervision_not_transferred"] == 0


def test_home_queue_counts_stop_at_the_cap_and_say_so(client, cast, new_case, monkeypatch):
    from ipshield.core import work

    from .conftest import SUSPECTED_FACTS

    monkeypatch.setattr(work, "COUNT_CAP", 2)
    for _ in range(3):
        new_case(facts=SUSPECTED_FACTS)
    client.force_login(cast["owner"])
    response = client.get("/work/")
    queue = {q.key: q for q in response.context["queues"]}["cases_suspected_not_transferred"]
    assert (queue.count, queue.shown) == (3, "2+")  # counted up to the cap + 1, never further
    assert '<span class="queue-count">2+</span>' in response.content.decode()
    for _ in range(2):
        new_case(facts=SUSPECTED_FACTS)
    queue = {q.key: q for q in client.get("/work/").context["queues"]}["cases_suspected_not_transferred"]
    assert (queue.count, queue.shown) == (3, "2+")
