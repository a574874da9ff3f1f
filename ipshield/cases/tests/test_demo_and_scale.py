"""Demo data, the benchmark generator, and a constant number of queries per page (no N+1)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ipshield.cases.models import Case
from ipshield.core.models import User
from ipshield.stats.models import Alert

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(regions, capsys):
    call_command("demo_seed", "--cases", "60")
    return capsys.readouterr().out


def test_demo_seed_prints_accounts_and_is_idempotent(demo, capsys):
    for username in [
        "officer.beijing",
        "officer.shanghai",
        "agency_head.beijing",
        "police.beijing",
        "procurator.beijing",
        "coordinator.beijing",
        "coordinator.national",
        "admin",
    ]:
        assert username in demo
    assert "ipshield-demo-2026" in demo
    users, cases = User.objects.count(), Case.objects.count()
    # and one trader's three small cases in three provinces (累计计算), and the situations that trip
    # each early-warning rule (stats.demo: 18 surge + 3 beside it, 5 spread party, 12 spread brand)
    assert cases == 60 + 3 + 38
    assert {"case_surge", "concentration", "systemic_spread", "tip_spike"} <= set(
        Alert.objects.values_list("rule", flat=True)
    )
    split = Case.objects.filter(cumulative_outcome="suspected_crime")
    assert split.count() == 3
    assert set(split.values_list("own_outcome", flat=True)) == {"below_threshold"}
    assert Case.objects.filter(screening_outcome="suspected_crime").exists()
    assert Case.objects.exclude(screening_outcome="suspected_crime").exists()
    call_command("demo_seed", "--cases", "60")
    out = capsys.readouterr().out
    assert "demo cases: 0 created, demo transfers: 0 created, demo tips: 0, disclosures: 0, risk alerts: 0" in out
    assert (User.objects.count(), Case.objects.count()) == (users, cases)


def test_demo_password_comes_from_the_environment(regions, monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PASSWORD", "another-secret-42")
    call_command("demo_seed", "--cases", "0")
    assert User.objects.get(username="officer.beijing").check_password("another-secret-42")


def test_generator_adds_cases(demo):
    call_command("cases_generate", "--count", "250", "--batch", "100")
    assert Case.objects.filter(number__contains="-GEN").count() == 250


def _list_queries(client, user, url):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/api/v1/cases?page_size=50", "/cases/", "/work/"])
def test_queries_per_request_do_not_grow_with_data(demo, client, url):
    user = User.objects.get(username="coordinator.national")
    small = _list_queries(client, user, url)
    call_command("cases_generate", "--count", "300", "--batch", "300")
    large = _list_queries(client, user, url)
    assert small == large
    assert large <= 20


def test_detail_queries_are_bounded(demo, client):
    user = User.objects.get(username="coordinator.national")
    case = Case.objects.first()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/api/v1/cases/{case.pk}")
    assert len(queries) <= 20


@pytest.mark.django_db(transaction=True)
def test_demo_seed_runs_outside_a_test_transaction(regions, capsys):
    # `make run` calls demo_seed with no surrounding transaction: every row lock it reaches must open its own
    # (on PostgreSQL select_for_update outside a transaction is an error; the other tests hide it).
    call_command("demo_seed", "--cases", "60")
    assert "officer.beijing" in capsys.readouterr().out
    assert Case.objects.filter(status="decided").exists()
    from ipshield.disclosure.models import Disclosure  # local: only this test looks at disclosures

    assert Disclosure.objects.exists()
