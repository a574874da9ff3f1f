"""GET /api/v1/events: the changes a client may read, in order, after a cursor (issue 11 §4)."""

import datetime as dt

import pytest

from ipshield.cases.services import case_create
from ipshield.transfers.official_clues import official_clue_report
from ipshield.transfers.tests.conftest import walk

pytestmark = pytest.mark.django_db


def _feed(api, user, since=0, limit=100):
    response = api(user).get("/api/v1/events", data={"since": since, "limit": limit})
    assert response.status_code == 200, response.content
    return response.json()


def _all(api, user, since=0, limit=100):
    items, more = [], True
    while more:
        page = _feed(api, user, since, limit)
        items += page["items"]
        since, more = page["next_cursor"], page["has_more"]
    return items, since


def test_the_agency_follows_its_case_in_order_and_a_cursor_never_repeats_or_skips(api, cast, filed_case):
    everything, _cursor = _all(api, cast["officer"])
    case_items = [(i["type"], i["id"], i["action"]) for i in everything if i["type"] == "case"]
    assert ("case", filed_case.pk, "case.create") in case_items
    assert ("case", filed_case.pk, "case.file") in case_items
    assert everything[0]["url"] == f"/api/v1/cases/{filed_case.pk}"
    one_by_one, last = _all(api, cast["officer"], limit=1)
    assert [(i["cursor"], i["id"]) for i in one_by_one] == [(i["cursor"], i["id"]) for i in everything]
    assert [i["cursor"] for i in everything] == sorted(i["cursor"] for i in everything)
    # nothing new: the same cursor comes back, and a new write shows up after it
    assert _feed(api, cast["officer"], since=last)["items"] == []
    api(cast["officer"]).patch(f"/api/v1/cases/{filed_case.pk}", {"title": "某公司销售假冒白酒案（补充）"})
    new = _feed(api, cast["officer"], since=last)["items"]
    assert [(i["action"], i["id"], i["fields"]) for i in new] == [
        ("case.update", filed_case.pk, ["revision", "title", "updated_at"])
    ]
    assert "某公司销售假冒白酒案（补充）" not in str(new)  # names of fields, never their values


def test_another_region_sees_nothing_and_a_summed_group_shows_only_ones_own_case(api, cast, filed_case):
    assert _all(api, cast["sh_officer"])[0] == []
    party = {"kind": "enterprise", "name": "某酒业商贸有限公司", "uscc": "91350100M000100Y43"}

    def small_case(actor, title):
        return case_create(
            actor=actor,
            data={
                "title": title,
                "domain": "trademark",
                "offence": "sell_goods_with_counterfeit_trademark",
                "conduct_date": dt.date(2025, 1, 20),
                "facts": {"sales_amount_yuan": 30000},
            },
            parties=[party],
        )

    beijing = small_case(cast["officer"], "北京门店销售假冒白酒案")
    shanghai = small_case(cast["sh_officer"], "上海门店销售假冒白酒案")  # the sum of both crosses 5万
    summed = [i for i in _all(api, cast["officer"])[0] if i["action"] == "case.cumulative_screen"]
    assert {i["id"] for i in summed} == {beijing.pk}  # the Shanghai member of the same re-sum is not named
    shanghai_feed = _all(api, cast["sh_officer"])[0]
    assert {i["id"] for i in shanghai_feed if i["action"] == "case.cumulative_screen"} == {shanghai.pk}
    assert not {filed_case.pk, beijing.pk} & {i["id"] for i in shanghai_feed}


def test_the_police_follow_a_transfer_once_sent_and_never_see_clues_about_officials(api, cast, proposed):
    official_clue_report(actor=cast["officer"], case=proposed.case, data={"kind": "other", "description": "线索"})
    assert [i for i in _all(api, cast["police"])[0] if i["type"] == "transfer"] == []
    walk(proposed, [("head", "approve", {}, 2), ("officer", "send", {}, 5)], cast)
    police = _all(api, cast["police"])[0]
    assert "transfer.send" in {i["action"] for i in police if i["type"] == "transfer"}
    assert "official_clue" not in {i["type"] for i in police}
    assert "official_clue" not in {i["type"] for i in _all(api, cast["coordinator"])[0]}
    clues = [i for i in _all(api, cast["procurator"])[0] if i["type"] == "official_clue"]
    assert [i["action"] for i in clues] == ["official_clue.report"]


@pytest.mark.parametrize(
    "params",
    [{"since": -1}, {"since": "abc"}, {"since": 10**30}, {"limit": 0}, {"limit": 5000}, {"limit": "x\x00"}],
)
def test_bad_cursors_and_limits_are_422(api, cast, params):
    response = api(cast["officer"]).get("/api/v1/events", data=params)
    assert response.status_code in {400, 422}, response.content


def test_the_feed_needs_a_token(client):
    assert client.get("/api/v1/events").status_code == 401


def test_a_cursor_past_the_newest_change_is_refused(api, cast, filed_case):
    head = _feed(api, cast["officer"])["head"]
    assert head > 0
    response = api(cast["officer"]).get(
        "/api/v1/events", data={"since": head + 1000}
    )  # (issuing a token is a write too)
    assert response.status_code == 422
    assert "since" in response.json()["error"]["fields"]
    assert _feed(api, cast["officer"], since=head)["items"] == []
