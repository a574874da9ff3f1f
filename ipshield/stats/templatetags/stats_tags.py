from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language, gettext

register = template.Library()


@register.filter
def explain(score: Any) -> str:
    """An assessment item's scoring note (a msgid with its figures) in the reader's language."""
    try:
        return str(gettext(score.message) % score.params)
    except (KeyError, TypeError, ValueError):
        return gettext(score.message)


@register.filter
def title_in_language(obj: Any) -> str:
    """A scheme's, area's or item's title in the reader's language (the data gives both)."""
    english = str(getattr(obj, "title_en", "") or "")
    return english if english and (get_language() or "").startswith("en") else str(obj.title)


@register.filter
def evidence_in_language(item: Any) -> str:
    english = str(getattr(item, "evidence_en", "") or "")
    return english if english and (get_language() or "").startswith("en") else str(item.evidence)
