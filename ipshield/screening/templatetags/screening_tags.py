"""Offence and rule-version names for pages, in the reader's language (never the internal ids)."""

from __future__ import annotations

from django import template

from ipshield.screening.services import metric_label, offence_label, rule_version_label

register = template.Library()


@register.filter(name="offence_label")
def offence_label_filter(offence_id: str) -> str:
    return offence_label(offence_id) if offence_id else ""


@register.filter(name="rule_version_label")
def rule_version_label_filter(version_id: str) -> str:
    return rule_version_label(version_id) if version_id else ""


@register.filter(name="metric_label")
def metric_label_filter(metric: str) -> str:
    return metric_label(metric) if metric else ""


@register.filter(name="figure")
def figure_filter(value: object) -> str:
    """52000 → 52,000 (figures in explanations and sums)."""
    if isinstance(value, bool) or value is None:
        return str(value or "")
    try:
        number = float(str(value))
    except ValueError:
        return str(value)
    return f"{number:,.0f}" if number == int(number) else f"{number:,.2f}"
