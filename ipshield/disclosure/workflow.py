"""Lifecycle of a penalty decision's publication (国发〔2014〕6号; 谁执法谁公开).

A draft is published or withheld (state secrets, trade secrets, privacy; the head approves); a
published decision is updated or withdrawn after reconsideration or litigation, and a withdrawn
one may be published again. A withheld decision stays withheld.
"""

from __future__ import annotations

from ipshield.core.workflow import Lifecycle, TransitionNotAllowed
from ipshield.disclosure.choices import DisclosureEvent as E
from ipshield.disclosure.choices import DisclosureStatus as S

# Transitions
TRANSITIONS: dict[tuple[S, E], S] = {
    (S.DRAFT, E.PUBLISH): S.PUBLISHED,
    (S.DRAFT, E.WITHHOLD): S.WITHHELD,
    (S.PUBLISHED, E.UPDATE): S.PUBLISHED,
    (S.PUBLISHED, E.WITHDRAW): S.WITHDRAWN,
    (S.PUBLISHED, E.WITHHOLD): S.WITHHELD,
    (S.WITHDRAWN, E.PUBLISH): S.PUBLISHED,
}
LIFECYCLE = Lifecycle("disclosure", TRANSITIONS, states=S, events=E)

__all__ = ["LIFECYCLE", "TRANSITIONS", "TransitionNotAllowed"]
