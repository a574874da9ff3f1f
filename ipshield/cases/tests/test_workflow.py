"""The case lifecycle: every (state, event) pair, allowed or refused."""

import itertools

import pytest

from ipshield.cases.choices import CaseEvent, CaseStatus
from ipshield.cases.workflow import TRANSITIONS, TransitionNotAllowed, allowed_events, next_status

ALL_PAIRS = list(itertools.product(CaseStatus, CaseEvent))


@pytest.mark.parametrize(("status", "event"), ALL_PAIRS, ids=[f"{s.value}-{e.value}" for s, e in ALL_PAIRS])
def test_every_pair_is_allowed_exactly_when_the_table_says(status, event):
    if (status, event) in TRANSITIONS:
        assert next_status(status, event) == TRANSITIONS[(status, event)]
    else:
        with pytest.raises(TransitionNotAllowed):
            next_status(status, event)


def test_final_states_have_no_way_out():
    for status in (CaseStatus.CLOSED, CaseStatus.NOT_FILED, CaseStatus.WITHDRAWN):
        assert not [e for (s, e) in TRANSITIONS if s == status]


def test_officer_cannot_refuse_to_file_only_the_head_can():
    assert CaseEvent.NOT_FILE not in allowed_events(CaseStatus.LEAD, "officer")
    assert CaseEvent.NOT_FILE in allowed_events(CaseStatus.LEAD, "agency_head")
    assert CaseEvent.FILE in allowed_events(CaseStatus.LEAD, "officer")


def test_transfer_is_not_offered_on_case_pages():
    assert CaseEvent.TRANSFER not in allowed_events(CaseStatus.INVESTIGATING, "agency_head")
