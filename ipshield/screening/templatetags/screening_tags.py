"""Offence and rule-version names for pages, in the reader's language (never the internal ids)."""

from __future__ import annotations

from django import template

from ipshield.screening.services import offence_label, rule_version_label

register = template.Library()


@register.filter(name="offence_label")
def offence_label_filter(offence_id: str) -> str:
    return offence_label(offence_id) if offence_id else ""


@register.filter(name="rule_version_label")
def rule_version_label_filter(version_id: str) -> str:
    return rule_version_label(version_id) if version_id else ""
