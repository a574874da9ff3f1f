from typing import Any

from django import template
from django.utils.translation import get_language

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


@register.filter
def localized(obj: Any, field: str) -> str:
    """{{ rule|localized:"reason" }}: obj.reason_en in English, obj.reason_zh otherwise (rule data in both)."""
    english = (get_language() or "").startswith("en")
    value = getattr(obj, f"{field}_en", "") if english else ""
    return str(value or getattr(obj, f"{field}_zh", "") or "")


@register.filter
def region_name(code: Any) -> str:
    """{{ tip.region_code|region_name }}: 朝阳区 for 110105 (the full name, never the code alone)."""
    from ipshield.core.models import Region

    return Region.full_name_of(str(code or "")) or str(code or "")
