"""An alert's lifecycle: the owner office records its assessment (研判), then closes it with how
it was handled; an alert may also be closed at once (a false signal), always with a note."""

from __future__ import annotations

from ipshield.core.workflow import Lifecycle
from ipshield.stats.choices import AlertEvent, AlertStatus, AssessmentEvent, AssessmentStatus

ALERT_TRANSITIONS: dict[tuple[AlertStatus, AlertEvent], AlertStatus] = {
    (AlertStatus.OPEN, AlertEvent.ASSESS): AlertStatus.ASSESSED,
    (AlertStatus.ASSESSED, AlertEvent.ASSESS): AlertStatus.ASSESSED,  # a later assessment adds to the record
    (AlertStatus.OPEN, AlertEvent.CLOSE): AlertStatus.CLOSED,
    (AlertStatus.ASSESSED, AlertEvent.CLOSE): AlertStatus.CLOSED,
}
ALERT_OPEN = frozenset({AlertStatus.OPEN, AlertStatus.ASSESSED})
ALERT = Lifecycle("alert", ALERT_TRANSITIONS, states=AlertStatus, events=AlertEvent)

ASSESSMENT_TRANSITIONS: dict[tuple[AssessmentStatus, AssessmentEvent], AssessmentStatus] = {
    (AssessmentStatus.DRAFT, AssessmentEvent.SELF_SCORE): AssessmentStatus.DRAFT,
    (AssessmentStatus.DRAFT, AssessmentEvent.SUBMIT): AssessmentStatus.SUBMITTED,
    (AssessmentStatus.SUBMITTED, AssessmentEvent.REVIEW): AssessmentStatus.SUBMITTED,
    (AssessmentStatus.SUBMITTED, AssessmentEvent.FINALIZE): AssessmentStatus.FINAL,
    (AssessmentStatus.FINAL, AssessmentEvent.APPEAL): AssessmentStatus.APPEALED,
    (AssessmentStatus.APPEALED, AssessmentEvent.REVIEW): AssessmentStatus.APPEALED,
    (AssessmentStatus.APPEALED, AssessmentEvent.FINALIZE): AssessmentStatus.FINAL,
}
ASSESSMENT = Lifecycle("assessment", ASSESSMENT_TRANSITIONS, states=AssessmentStatus, events=AssessmentEvent)
