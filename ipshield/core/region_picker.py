"""A cascading region picker (province → prefecture → county, with search) for every form and filter.

Three <select>s share the field's name; htmx re-renders the widget when one changes, and the value is
the deepest choice that is consistent with the ones above it. Without JavaScript the province list
still works. Codes only appear beside names.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.datastructures import MultiValueDict
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from ipshield.core.choices import AgencyLevel
from ipshield.core.models import Region
from ipshield.core.regions import is_region_code, subtree_prefix

FIELD_NAME_MAX = 40
SEARCH_LIMIT = 12
PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


def chosen_code(values: list[str]) -> str:
    """The deepest code among the picker's selects that lies under the one chosen above it."""
    chosen = ""
    for value in values:
        value = (value or "").strip()
        if not is_region_code(value):
            continue
        if chosen and not (value != chosen and value.startswith(subtree_prefix(chosen))):
            continue
        chosen = value
    return chosen


def picker_context(name: str, code: str, *, label: str = "", required: bool = False) -> dict[str, Any]:
    """The three levels of options with the chain for `code` selected."""
    chain: list[Region] = []
    region = Region.objects.filter(pk=code).select_related("parent__parent").first() if is_region_code(code) else None
    while region is not None and region.level != AgencyLevel.NATIONAL:
        chain.insert(0, region)
        region = region.parent
    levels: list[dict[str, Any]] = [
        {
            "level": AgencyLevel.PROVINCE,
            "options": list(Region.objects.filter(level=AgencyLevel.PROVINCE).only("code", "name")),
            "selected": chain[0].code if chain else "",
        }
    ]
    for depth, level in ((1, AgencyLevel.PREFECTURE), (2, AgencyLevel.COUNTY)):
        parent = chain[depth - 1] if len(chain) >= depth else None
        options = list(Region.objects.filter(parent=parent).only("code", "name")) if parent is not None else []
        levels.append({"level": level, "options": options, "selected": chain[depth].code if len(chain) > depth else ""})
    return {
        "name": name,
        "code": code if chain else "",
        "chain": chain,
        "levels": levels,
        "label": label,
        "required": required,
    }


def region_search(query: str) -> list[Region]:
    query = query.strip()[:20]
    if not query:
        return []
    match = Q(name__contains=query) | Q(pinyin__istartswith=query)
    if query.isdigit():
        match = Q(code__startswith=query)
    found = list(
        Region.objects.filter(match)
        .exclude(level=AgencyLevel.NATIONAL)
        .select_related("parent__parent")
        .order_by("code")[:SEARCH_LIMIT]
    )
    for region in found:  # 朝阳区（北京市）, not 朝阳区（市辖区）
        parent = region.parent
        if parent is not None and parent.name in PLACEHOLDER_NAMES:
            parent = parent.parent
        region.context_name = parent.name if parent is not None and parent.level != AgencyLevel.NATIONAL else ""  # type: ignore[attr-defined]
    return found


class RegionPicker(forms.Widget):
    template_name = "core/_region_picker.html"

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
        # The project's template directory, not the form renderer's (which only sees app templates).
        return mark_safe(render_to_string(self.template_name, self.get_context(name, value, attrs)))  # nosec B308 B703 - a template render

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context.update(picker_context(name, str(value or ""), required=self.is_required))
        return context

    def value_from_datadict(self, data: Mapping[str, Any], files: Any, name: str) -> str:
        values = data.getlist(name) if isinstance(data, MultiValueDict) else [data.get(name, "")]
        picked = chosen_code([str(v) for v in values])
        # A code typed by hand (old links, API-style filters) still counts when nothing was picked.
        return picked or next((str(v).strip() for v in values if str(v).strip()), "")

    def value_omitted_from_data(self, data: Mapping[str, Any], files: Any, name: str) -> bool:
        return name not in data


def region_param(request: HttpRequest, name: str = "region") -> str:
    """A filter's region from the query string: the picker's deepest choice, or a code given by hand."""
    values = request.GET.getlist(name)
    return chosen_code(values) or next((v.strip()[:6] for v in values if v.strip()), "")


def region_field(label: Any, *, required: bool = False, **kwargs: Any) -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=6, widget=RegionPicker, **kwargs)


@require_GET
@cache_control(private=True, max_age=300)
def region_picker_view(request: HttpRequest) -> HttpResponse:
    """The widget again after a change (or the search results): public, read-only, names only."""
    name = request.GET.get("field", "region")[:FIELD_NAME_MAX]
    if not name.replace("_", "").isalnum():
        name = "region"
    query = request.GET.get(f"{name}__q", "")
    context = picker_context(name, chosen_code(request.GET.getlist(name)))
    context["results"] = region_search(query) if query else None
    context["query"] = query[:20]
    return HttpResponse(render_to_string("core/_region_picker.html", context, request=request))
