"""Creating, screening, editing and closing cases."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ipshield.cases.choices import CaseStatus, ScreeningOutcome
from ipshield.cases.models import CaseScreening
from ipshield.cases.services import StaleCaseError, case_transition, case_update
from ipshield.core.audit import verify_chain
from ipshield.core.deadlines import CHINA_TZ
from ipshield.core.models import AuditEvent

from .conftest import SUSPECTED_FACTS

pytestmark = pytest.mark.django_db


def test_new_case_gets_an_agency_number_deadline_and_screening(new_case, officer):
    case = new_case(lead_received_at=dt.datetime(2024, 9, 20, 10, tzinfo=CHINA_TZ))
    second = new_case(lead_received_at=dt.datetime(2024, 9, 21, 10, tzinfo=CHINA_TZ))
    assert case.number.endswith("-2024-000001")
    assert second.number.endswith("-2024-000002")
    assert case.status == CaseStatus.LEAD
    # 15 working days from 2024-09-20 across National Day 2024 (samr_case_opening).
    assert case.filing_due_at.astimezone(CHINA_TZ).date() == dt.date(2024, 10, 16)
    assert case.screening_outcome == ScreeningOutcome.BELOW_THRESHOLD
    assert case.region_code == officer.agency.region_id
    assert AuditEvent.objects.filter(action="case.create", object_id=str(case.pk)).exists()


def test_changing_figures_rescreens_and_keeps_history(new_case, officer):
    case = new_case()
    updated = case_update(actor=officer, case=case, data={"facts": SUSPECTED_FACTS}, revision=case.revision)
    assert updated.screening_outcome == ScreeningOutcome.SUSPECTED_CRIME
    assert updated.suspected_since is not None
    history = list(CaseScreening.objects.filter(case=case).values_list("outcome", flat=True))
    assert history == ["suspected_crime", "below_threshold"]  # newest first
    assert verify_chain()[1] is None


def test_editing_text_only_does_not_rescreen(new_case, officer):
    case = new_case()
    case_update(actor=officer, case=case, data={"facts_text": "补充案情"}, revision=case.revision)
    assert CaseScreening.objects.filter(case=case).count() == 1


def test_stale_revision_is_refused(new_case, officer):
    case = new_case()
    case_update(actor=officer, case=case, data={"title": "first"}, revision=case.revision)
    with pytest.raises(StaleCaseError):
        case_update(actor=officer, case=case, data={"title": "second"}, revision=case.revision)


def test_unknown_metric_in_figures_is_refused(new_case):
    with pytest.raises(ValidationError) as excinfo:
        new_case(facts={"not_a_metric": 5})
    assert "not_a_metric" in str(excinfo.value)


def test_outsider_cannot_update(new_case, outsider):
    case = new_case()
    with pytest.raises(PermissionDenied):
        case_update(actor=outsider, case=case, data={"title": "x"})


def _to_decided(case, officer):
    case = case_transition(actor=officer, case=case, event="file")
    case = case_transition(actor=officer, case=case, event="start_investigation")
    return case_transition(
        actor=officer,
        case=case,
        event="decide",
        data={"penalty_kinds": ["fine"], "fine_amount": 20000, "decision_number": "京市监罚〔2025〕1号"},
    )


def test_filing_starts_the_ninety_day_clock(new_case, officer):
    case = new_case()
    filed = case_transition(
        actor=officer, case=case, event="file", data={"filed_at": dt.datetime(2025, 3, 3, 9, tzinfo=CHINA_TZ)}
    )
    assert filed.status == CaseStatus.FILED
    assert filed.decision_due_at.astimezone(CHINA_TZ).date() == dt.date(2025, 6, 3)


def test_closing_a_suspected_case_with_only_a_penalty_needs_a_reason(new_case, officer):
    case = _to_decided(new_case(facts=SUSPECTED_FACTS), officer)
    with pytest.raises(ValidationError) as excinfo:
        case_transition(actor=officer, case=case, event="close")
    assert "必须说明不移送的理由" in str(excinfo.value)
    closed = case_transition(actor=officer, case=case, event="close", data={"close_reason": "当事人已缴纳罚款"})
    assert closed.status == CaseStatus.CLOSED
    assert closed.close_reason == "当事人已缴纳罚款"


def test_decision_needs_penalty_kind_and_number(new_case, officer):
    case = new_case()
    case = case_transition(actor=officer, case=case, event="file")
    case = case_transition(actor=officer, case=case, event="start_investigation")
    with pytest.raises(ValidationError) as excinfo:
        case_transition(actor=officer, case=case, event="decide", data={"penalty_kinds": ["fine"]})
    assert set(excinfo.value.message_dict) == {"decision_number", "fine_amount"}


def test_only_the_head_refuses_to_file(new_case, officer, head):
    case = new_case()
    with pytest.raises(PermissionDenied):
        case_transition(actor=officer, case=case, event="not_file")
    assert case_transition(actor=head, case=case, event="not_file").status == CaseStatus.NOT_FILED


def test_filing_deadline_can_be_extended_once(new_case, head):
    case = new_case(lead_received_at=dt.datetime(2024, 9, 20, 10, tzinfo=CHINA_TZ))
    extended = case_transition(actor=head, case=case, event="extend_filing")
    assert extended.filing_due_at > case.filing_due_at
    with pytest.raises(ValidationError):
        case_transition(actor=head, case=extended, event="extend_filing")


def test_refused_transition_names_the_state(new_case, officer):
    case = new_case()
    with pytest.raises(ValidationError) as excinfo:
        case_transition(actor=officer, case=case, event="close")
    assert "线索" in str(excinfo.value)
