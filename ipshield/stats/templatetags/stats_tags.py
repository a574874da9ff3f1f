from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def explain(score: Any) -> str:
    """An assessment item's scoring note (a msgid with its figures) in the reader's language."""
    try:
        return str(gettext(score.message) % score.params)
    except (KeyError, TypeError, ValueError):
        return gettext(score.message)
