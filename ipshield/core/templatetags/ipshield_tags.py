from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    """{{ dict|get_item:"zh-hans" }} for keys that are not identifiers."""
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""
