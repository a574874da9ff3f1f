"""Text kept in the source language so that each reader sees it in their own."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation


def source_text(label: Any) -> str:
    """The Chinese source text (the msgid) of a lazy label, whatever language is active."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(label)
