"""The screening engine: pure Python, no Django (enforced by a test)."""

from ipshield.screening.engine.evaluate import (
    FactError,
    Facts,
    Hit,
    Outcome,
    Screening,
    UnknownOffenceError,
    screen,
)
from ipshield.screening.engine.explain import explain
from ipshield.screening.engine.rules import RuleBook, RuleDataError, merge_documents

__all__ = [
    "FactError",
    "Facts",
    "Hit",
    "Outcome",
    "RuleBook",
    "RuleDataError",
    "Screening",
    "UnknownOffenceError",
    "explain",
    "merge_documents",
    "screen",
]
