"""Loading new rule versions: validated, audited, effective by date, no code change."""

import datetime as dt
import textwrap

import pytest
from django.core.management import CommandError, call_command

from ipshield.core.models import AuditEvent
from ipshield.core.testing import verify_second_factor
from ipshield.screening.engine import Facts, RuleDataError, screen
from ipshield.screening.models import RuleAmendment
from ipshield.screening.services import current_rulebook, rule_amendment_load

pytestmark = pytest.mark.django_db

NEW_219 = textwrap.dedent("""
    offences:
      - id: infringe_trade_secrets
        versions:
          - valid_from: 2027-01-01
            valid_to: null
            sources: [fashi_2025_5 art.17]
            triggers:
              - {metric: loss_to_right_holder_yuan, operator: ">=", value: 200000, confidence: confirmed}
""")


def _outcome(day, loss):
    book = current_rulebook()
    return screen(
        book,
        Facts.build(
            book,
            offence="infringe_trade_secrets",
            conduct_date=day,
            handling_date=day,
            values={"loss_to_right_holder_yuan": loss},
        ),
    ).outcome.value


def test_new_version_takes_effect_on_its_date_only(officer):
    assert _outcome(dt.date(2027, 2, 1), 250000) == "below_threshold"
    rule_amendment_load(actor=officer, text=NEW_219, note="test")
    assert _outcome(dt.date(2027, 2, 1), 250000) == "suspected_crime"
    assert _outcome(dt.date(2026, 6, 1), 250000) == "below_threshold"  # old version closed at 2027-01-01
    assert AuditEvent.objects.filter(action="screening.rules.load").count() == 1


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (NEW_219.replace("loss_to_right_holder_yuan", "made_up_metric"), "unknown metric made_up_metric"),
        (NEW_219.replace("sources: [fashi_2025_5 art.17]", "sources: []"), "no source document"),
        (NEW_219.replace("fashi_2025_5 art.17", "nowhere_2099 art.1"), "not in `sources`"),
        (NEW_219.replace('operator: ">="', 'operator: "=>"'), "operator"),
        (NEW_219.replace("2027-01-01", "2024-01-01"), "overlap"),
        ("offences: [", "not valid YAML"),
        ("foo: bar", "offences"),
        (NEW_219.replace("valid_from: 2027-01-01", "valid_from: null"), "valid_from"),
    ],
)
def test_invalid_amendments_are_refused_with_the_reason(officer, text, reason):
    with pytest.raises(RuleDataError) as excinfo:
        rule_amendment_load(actor=officer, text=text)
    assert reason in str(excinfo.value)
    assert RuleAmendment.objects.count() == 0


def test_management_command_loads_and_refuses(tmp_path, capsys):
    good = tmp_path / "good.yaml"
    good.write_text(NEW_219, encoding="utf-8")
    call_command("screening_load_rules", str(good), "--dry-run")
    assert RuleAmendment.objects.count() == 0
    call_command("screening_load_rules", str(good))
    assert "loaded amendment" in capsys.readouterr().out
    bad = tmp_path / "bad.yaml"
    bad.write_text(NEW_219.replace("loss_to_right_holder_yuan", "nope_metric"), encoding="utf-8")
    with pytest.raises(CommandError, match="unknown metric nope_metric"):
        call_command("screening_load_rules", str(bad))


def test_admin_upload_page(client, make_user):
    admin = make_user("admin", username="root")
    client.force_login(admin)
    assert client.get("/admin/").status_code == 302  # the back office asks for a second factor first
    verify_second_factor(client, admin)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        "/admin/screening/ruleamendment/upload/",
        {"file": SimpleUploadedFile("r.yaml", NEW_219.replace("200000", "x").encode()), "note": "bad"},
    )
    assert response.status_code == 200
    assert "not a number" in response.content.decode()
    response = client.post(
        "/admin/screening/ruleamendment/upload/",
        {"file": SimpleUploadedFile("r.yaml", NEW_219.encode()), "note": "2027"},
    )
    assert response.status_code == 302
    assert RuleAmendment.objects.get().note == "2027"
