"""Every lifecycle of the platform goes through core.workflow: each (state, event) pair is
allowed exactly when its table says so, and no code outside a workflow module writes a status."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from ipshield.cases.workflow import LIFECYCLE as CASE
from ipshield.core.workflow import Lifecycle, TransitionNotAllowed
from ipshield.credit.workflow import MATCH, REPAIR
from ipshield.disclosure.workflow import LIFECYCLE as DISCLOSURE
from ipshield.tips.workflow import REWARD, TIP
from ipshield.transfers.workflow import LIFECYCLE as TRANSFER

LIFECYCLES: list[Lifecycle] = [CASE, TRANSFER, TIP, REWARD, DISCLOSURE, MATCH, REPAIR]
PAIRS = [
    (lifecycle, state, event)
    for lifecycle in LIFECYCLES
    for state, event in itertools.product(lifecycle.states, lifecycle.events)
]
PACKAGE = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("lifecycle", "state", "event"), PAIRS, ids=[f"{lc.name}-{s}-{e}" for lc, s, e in PAIRS])
def test_every_pair_is_allowed_exactly_when_the_table_says(lifecycle, state, event):
    if (state, event) in lifecycle.transitions:
        assert lifecycle.next_status(state, event) == lifecycle.transitions[(state, event)]
        assert event in lifecycle.events_from(state)
    else:
        with pytest.raises(TransitionNotAllowed):
            lifecycle.next_status(state, event)
        assert not lifecycle.allows(state, event)


@pytest.mark.parametrize("lifecycle", LIFECYCLES, ids=[lc.name for lc in LIFECYCLES])
def test_unknown_values_are_refused_not_crashed(lifecycle):
    with pytest.raises(TransitionNotAllowed):
        lifecycle.next_status("no-such-state", next(iter(lifecycle.events)))
    with pytest.raises(TransitionNotAllowed):
        lifecycle.next_status(next(iter(lifecycle.states)), "no-such-event")


def test_move_sets_the_status_and_reports_both_ends():
    class Record:
        status = "draft"

    record = Record()
    before, after = DISCLOSURE.move(record, "publish")
    assert (before, after, record.status) == ("draft", "published", "published")
    with pytest.raises(TransitionNotAllowed):
        DISCLOSURE.move(record, "withhold_twice")


def _python_files() -> list[Path]:
    return [
        path
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts and "tests" not in path.parts and path.name != "workflow.py"
    ]


def test_no_status_is_written_outside_a_workflow_module():
    assignment = re.compile(r"\.status\s*=\s*[^=]")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in _python_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if assignment.search(line)
    ]
    assert offenders == []


def test_one_transition_helper_only():
    copies = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "tests" not in path.parts
        and re.search(r"^class TransitionNotAllowed|^def next_status", path.read_text(encoding="utf-8"), re.M)
    ]
    assert copies == ["core/workflow.py"]
