"""Free addresses → GB/T 2260 codes, offline: the longest region names found in the text."""

from __future__ import annotations

from ipshield.core.models import Region

SUFFIXES = ("省", "市", "自治区", "特别行政区", "自治州", "地区", "盟", "区", "县", "自治县", "旗", "自治旗")


def _short(name: str) -> str:
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


_CACHE: dict[str, dict[str, list[tuple[str, str, str, str | None]]]] = {}


def _index() -> dict[str, list[tuple[str, str, str, str | None]]]:
    """level → [(full name, short name, code, parent code)]; cached once regions are loaded."""
    if "index" in _CACHE:
        return _CACHE["index"]
    rows: dict[str, list[tuple[str, str, str, str | None]]] = {"province": [], "prefecture": [], "county": []}
    for code, name, level, parent in Region.objects.exclude(level="national").values_list(
        "code", "name", "level", "parent_id"
    ):
        if name in {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}:
            continue
        rows[level].append((name, _short(name), code, parent))
    if rows["province"]:
        _CACHE["index"] = rows
    return rows


def resolve_region(address: str) -> str | None:
    """The most specific region named in `address` (county, else prefecture, else province)."""
    text = address.strip()
    if not text:
        return None
    index = _index()
    province = _best(text, index["province"], None)
    prefecture = _best(text, index["prefecture"], province[:2] if province else None)
    scope = prefecture[:4] if prefecture else (province[:2] if province else None)
    county = _best(text, index["county"], scope) if scope else None
    return county or prefecture or province


def _best(text: str, candidates: list[tuple[str, str, str, str | None]], prefix: str | None) -> str | None:
    found: tuple[int, str] | None = None
    for full, short, code, _parent in candidates:
        if prefix and not code.startswith(prefix):
            continue
        for name in (full, short):
            if len(name) >= 2 and name in text and (found is None or len(name) > found[0]):
                found = (len(name), code)
    return found[1] if found else None
