from typing import Any

from django import template

from ipshield.core.region_picker import picker_context

register = template.Library()


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    """{{ dict|get_item:"zh-hans" }} for keys that are not identifiers."""
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""


@register.inclusion_tag("core/_region_picker.html")
def region_picker(name: str, value: Any = "") -> dict[str, Any]:
    """{% region_picker "region" filters.region %} for filters that are not Django forms."""
    return picker_context(name, str(value or ""))
