"""Integrity archive, blacklist rules, public query and the bank feed cursor."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ipshield.cases.services import case_create, case_transition
from ipshield.core.testing import verify_second_factor
from ipshield.credit import rules as blacklist_rules
from ipshield.credit.models import CreditFeedEvent, Enterprise
from ipshield.credit.services import blacklist_list, blacklist_remove, enterprise_for, name_key, rules

pytestmark = pytest.mark.django_db
USCC = "91350100M000100Y43"


def _penalise(people, day):
    case = case_create(
        actor=people["officer"],
        data={"title": "假冒案", "domain": "trademark"},
        parties=[{"kind": "enterprise", "name": "某某商贸有限责任公司", "uscc": USCC}],
    )
    for event, data in [
        ("file", {}),
        ("start_investigation", {}),
        (
            "decide",
            {
                "penalty_kinds": ["fine"],
                "fine_amount": 1000,
                "decision_number": "罚1号",
                "decided_at": dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC),
            },
        ),
    ]:
        case = case_transition(actor=people["officer"], case=case, event=event, data=data)
    return case


@pytest.mark.parametrize(
    ("penalties", "convictions", "meets"),
    [
        ([dt.date(2026, 3, 1), dt.date(2026, 9, 1)], [], True),
        ([dt.date(2026, 3, 1)], [], False),
        ([dt.date(2023, 3, 1), dt.date(2026, 9, 1)], [], False),  # the first is outside two years
        ([], [dt.date(2026, 5, 1)], True),
    ],
)
def test_blacklist_rule_table(penalties, convictions, meets):
    decision = blacklist_rules.evaluate(
        rules(), on=dt.date(2026, 11, 1), penalty_dates=penalties, conviction_dates=convictions
    )
    assert decision.meets is meets
    assert decision.rule_id == "blacklist_rule_2026"


def test_names_written_differently_match():
    assert name_key("某某商贸有限责任公司") == name_key("某某商贸 有限公司")
    assert name_key("ＡＢＣ（北京）有限公司") == name_key("ABC(北京)有限公司")


def test_penalties_attach_to_the_enterprise_timeline(people):
    _penalise(people, dt.date(2026, 3, 1))
    enterprise = Enterprise.objects.get(uscc=USCC)
    assert enterprise.events.filter(kind="penalty").count() == 1


def test_listing_by_rule_and_removal_reach_the_public_and_the_bank(client, api, people):
    _penalise(people, timezone.localdate() - dt.timedelta(days=100))
    enterprise = Enterprise.objects.get(uscc=USCC)
    with pytest.raises(ValidationError):  # one penalty is not enough
        blacklist_list(actor=people["head"], enterprise=enterprise, by_rule=True)
    _penalise(people, timezone.localdate() - dt.timedelta(days=10))
    with pytest.raises(PermissionDenied):
        blacklist_list(actor=people["officer"], enterprise=enterprise, by_rule=True)
    entry = blacklist_list(actor=people["head"], enterprise=enterprise, by_rule=True)
    public = client.get("/api/v1/public/credit", {"q": "某某商贸有限公司"}).json()
    assert public["items"][0]["listed"] is True
    assert public["items"][0]["uscc"] == USCC
    feed = api(people["bank"]).get("/api/v1/credit/feed?since=0").json()
    assert [i["action"] for i in feed["items"]] == ["listed"]
    blacklist_remove(actor=people["head"], entry=entry, reason="信用修复已完成")
    assert client.get("/api/v1/public/credit", {"q": USCC}).json()["items"][0]["listed"] is False
    after = api(people["bank"]).get(f"/api/v1/credit/feed?since={feed['next_cursor']}").json()
    assert [i["action"] for i in after["items"]] == ["removed"]


def test_feed_cursor_never_misses_or_repeats_while_events_arrive(api, people):
    enterprises = [enterprise_for(name=f"企业{i}", uscc="", region_code="110105") for i in range(7)]
    for e in enterprises[:4]:
        blacklist_list(
            actor=people["head"],
            enterprise=e,
            legal_basis="决定",
            planned_end=timezone.localdate() + dt.timedelta(days=365),
        )
    bank = api(people["bank"])
    seen, cursor = [], 0
    page = bank.get(f"/api/v1/credit/feed?since={cursor}&limit=3").json()
    seen += [i["cursor"] for i in page["items"]]
    cursor = page["next_cursor"]
    for e in enterprises[4:]:  # new events arrive between pages
        blacklist_list(
            actor=people["head"],
            enterprise=e,
            legal_basis="决定",
            planned_end=timezone.localdate() + dt.timedelta(days=365),
        )
    while True:
        page = bank.get(f"/api/v1/credit/feed?since={cursor}&limit=3").json()
        seen += [i["cursor"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert seen == sorted(seen)
    assert len(seen) == len(set(seen)) == CreditFeedEvent.objects.count() == 7


def test_feed_is_for_banks_only(api, people):
    assert api(people["officer"]).get("/api/v1/credit/feed").status_code == 403


@pytest.mark.parametrize("q", ["x" * 10000, "%", "_", "%_%", "某'; DROP TABLE credit_enterprise; --", "ＡＢＣ商贸"])
def test_public_query_answers_odd_input_safely(client, people, q):
    enterprise_for(name="某某商贸有限公司", uscc=USCC)
    response = client.get("/api/v1/public/credit", {"q": q})
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_public_query_is_rate_limited(client, settings):
    settings.IPSHIELD_CREDIT_QUERIES_PER_HOUR = 2
    settings.IPSHIELD_CREDIT_FREE_QUERIES = 100
    codes = [client.get("/api/v1/public/credit", {"q": "某某"}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_public_query_page(client, people):
    enterprise_for(name="某某商贸有限公司", uscc=USCC)
    html = client.get("/credit/", {"q": "某某商贸"}).content.decode()
    assert "某某商贸有限公司" in html
    # a clean enterprise says so, and links to its published penalty decisions
    assert "未列入严重违法失信名单" in html
    assert 'data-testid="listed"' not in html
    assert "/disclosures/?q=%E6%9F%90%E6%9F%90" in html
    listed = enterprise_for(name="失信商贸有限公司", uscc="", region_code="110105")
    blacklist_list(
        actor=people["head"],
        enterprise=listed,
        legal_basis="决定",
        planned_end=timezone.localdate() + dt.timedelta(days=30),
    )
    html = client.get("/credit/", {"q": "失信商贸"}).content.decode()
    assert 'data-testid="listed"' in html
    assert "未列入严重违法失信名单" not in html


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([], "A"),
        ([("penalty", dt.date(2026, 6, 1))], "B"),
        ([("penalty", dt.date(2026, 6, 1)), ("penalty", dt.date(2026, 1, 1))], "B"),
        (
            [
                ("penalty", dt.date(2026, 6, 1)),
                ("penalty", dt.date(2026, 1, 1)),
                ("blacklist_listed", dt.date(2026, 7, 1)),
            ],
            "D",
        ),
        ([("penalty", dt.date(2020, 6, 1))], "A"),  # outside the two-year window
        ([("conviction", dt.date(2025, 6, 1))], "C"),
    ],
)
def test_integrity_grade_table(events, expected):
    from ipshield.credit.services import grade_config

    assert blacklist_rules.grade(grade_config(), on=dt.date(2026, 11, 1), events=events).grade == expected


def test_expired_entries_are_removed_and_fed(people):
    from ipshield.credit.services import blacklist_expire

    enterprise = enterprise_for(name="到期企业", region_code="110105")
    blacklist_list(
        actor=people["head"],
        enterprise=enterprise,
        legal_basis="决定",
        planned_end=timezone.localdate() + dt.timedelta(days=1),
    )
    assert blacklist_expire() == 0
    assert blacklist_expire(today=timezone.localdate() + dt.timedelta(days=1)) == 1
    assert blacklist_expire(today=timezone.localdate() + dt.timedelta(days=2)) == 0
    assert list(CreditFeedEvent.objects.values_list("action", flat=True)) == ["listed", "removed"]


def test_transfer_and_judgment_attach_to_the_timeline(make_user):
    from ipshield.transfers.criminal_steps import criminal_step_record
    from ipshield.transfers.sample_evidence import attach_required_evidence
    from ipshield.transfers.services import transfer_act, transfer_propose

    officer = make_user("officer", "110000", username="o1")
    officer2 = make_user("officer", agency=officer.agency, username="o2")
    head = make_user("agency_head", agency=officer.agency, username="h1")
    police = make_user("police", "110000", username="p1")
    procurator = make_user("procurator", "110000", username="pr1")
    judge = make_user("judge", "110000", username="j1")
    case = case_create(
        actor=officer,
        data={"title": "假冒案", "domain": "trademark"},
        parties=[{"kind": "enterprise", "name": "某某商贸有限公司", "uscc": USCC}],
    )
    case = case_transition(actor=officer, case=case, event="file")
    attach_required_evidence(case, officer)
    t = transfer_propose(actor=officer, case=case, report="x", group_member_ids=[officer.pk, officer2.pk])
    for who, action in [(head, "approve"), (officer, "send"), (police, "accept")]:
        t = transfer_act(actor=who, transfer=t, action=action)
    today = timezone.localdate()
    criminal_step_record(actor=procurator, transfer=t, kind="prosecuted", person_name="张三", occurred_on=today)
    criminal_step_record(
        actor=judge, transfer=t, kind="judged", person_name="张三", occurred_on=today, result="有期徒刑一年"
    )
    enterprise = Enterprise.objects.get(uscc=USCC)
    kinds = set(enterprise.events.values_list("kind", flat=True))
    assert {"transfer", "conviction"} <= kinds
    from ipshield.credit.services import blacklist_check

    assert blacklist_check(enterprise).meets  # a conviction lists by rule


def test_captcha_after_a_few_public_queries(client, settings):
    from ipshield.core.captcha import solve_for_tests

    settings.IPSHIELD_CAPTCHA = "on"
    settings.IPSHIELD_CREDIT_FREE_QUERIES = 2
    codes = [client.get("/api/v1/public/credit", {"q": "某某"}).status_code for _ in range(3)]
    assert codes == [200, 200, 422]
    challenge = client.get("/api/v1/public/captcha").json()
    answer = solve_for_tests(challenge["token"])
    ok = client.get(
        "/api/v1/public/credit", {"q": "某某", "captcha_token": challenge["token"], "captcha_answer": answer}
    )
    assert ok.status_code == 200
    page = client.get("/credit/", {"q": "某某"}).content.decode()
    assert 'data-testid="captcha-image"' in page


@pytest.mark.parametrize(
    ("user", "form", "message"),
    [
        ("head", {"op": "list_by_decision", "legal_basis": "决定", "planned_end": "2030-13-01"}, "日期格式应为"),
        ("head", {"op": "list_by_decision", "legal_basis": "", "planned_end": "2030-01-01"}, "请填写列入依据"),
        ("head", {"op": "list_by_decision", "legal_basis": "决定", "planned_end": "2020-01-01"}, "须晚于今天"),
        ("head", {"op": "list_by_rule"}, "未达到"),
        ("officer", {"op": "list_by_decision", "legal_basis": "决定", "planned_end": "2030-01-01"}, "机构负责人"),
    ],
)
def test_enterprise_page_refuses_bad_listings_in_words(client, people, user, form, message):
    enterprise = enterprise_for(name="某某商贸有限公司", uscc=USCC, region_code="110105")
    verify_second_factor(client, people[user])
    page = client.post(f"/credit/enterprises/{enterprise.pk}/", form, follow=True).content.decode()
    assert message in page
    assert not enterprise.blacklist_entries.exists()


def test_enterprise_page_unknown_entry_is_404(client, people):
    enterprise = enterprise_for(name="某某商贸有限公司", uscc=USCC)
    verify_second_factor(client, people["head"])
    for entry in ["x", "999999", ""]:
        response = client.post(f"/credit/enterprises/{enterprise.pk}/", {"op": "remove", "entry": entry})
        assert response.status_code == 404
    client.force_login(people["bank"])
    assert client.get(f"/credit/enterprises/{enterprise.pk}/").status_code == 404


def test_the_public_sees_a_penalty_only_while_its_decision_is_published(client, people):
    from ipshield.disclosure.models import Disclosure
    from ipshield.disclosure.services import disclosure_change, disclosure_publish, disclosure_withhold

    case = _penalise(people, timezone.localdate() - dt.timedelta(days=5))
    enterprise = Enterprise.objects.get(uscc=USCC)
    assert enterprise.events.filter(kind="penalty").count() == 1  # counts for the grade at once

    def public_events():
        body = client.get("/api/v1/public/credit", {"q": USCC}).json()
        return [e["summary"] for e in body["items"][0]["events"]]

    assert public_events() == []  # draft: not public yet
    disclosure = disclosure_publish(actor=people["officer"], disclosure=Disclosure.objects.get(case=case))
    (summary,) = public_events()
    assert summary == f"{disclosure.agency_name} 罚1号：{disclosure.facts}"  # published (masked) fields only
    disclosure_change(actor=people["officer"], disclosure=disclosure, note="经行政复议撤销", withdraw=True)
    assert public_events() == []
    disclosure_publish(actor=people["officer"], disclosure=disclosure)
    assert len(public_events()) == 1
    disclosure_withhold(actor=people["head"], disclosure=disclosure, reason="涉及商业秘密")
    assert public_events() == []


def test_the_bank_reads_the_feed_on_its_own_page_and_exports_it(client, people):
    for i in range(3):
        blacklist_list(
            actor=people["head"],
            enterprise=enterprise_for(name=f"推送企业{i}", uscc="", region_code="110105"),
            legal_basis="行政处罚决定",
            planned_end=timezone.localdate() + dt.timedelta(days=365),
        )
    client.force_login(people["bank"])
    home = client.get("/work/")
    assert {q.key: q.count for q in home.context["queues"]}["credit_feed_recent"] == 3
    assert "/credit/feed/" in home.content.decode()
    page = client.get("/credit/feed/").content.decode()
    for i in range(3):
        assert f"推送企业{i}" in page
    first = CreditFeedEvent.objects.order_by("id").first()
    later = client.get("/credit/feed/", {"since": first.pk}).content.decode()
    assert "推送企业0" not in later
    assert "推送企业2" in later
    export = client.get("/credit/feed/", {"since": 0, "format": "csv"})
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert text.count("推送企业") == 3
    assert client.get("/credit/feed/", {"since": "x" * 50}).status_code == 200  # a bad cursor reads from 0
    client.force_login(people["officer"])
    assert client.get("/credit/feed/").status_code == 403
