"""Free addresses → GB/T 2260 codes, offline: the longest region names found in the text."""

from __future__ import annotations

from ipshield.core.models import Region

SUFFIXES = ("省", "市", "自治区", "特别行政区", "自治州", "地区", "盟", "区", "县", "自治县", "旗", "自治旗")


def _short(name: str) -> str:
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


_CACHE: dict[str, dict[str, list[tuple[str, str]]]] = {}
MAX_NAME = 12


def _index() -> dict[str, list[tuple[str, str]]]:
    """name (full and short) → [(level, code)]; cached once regions are loaded."""
    if "index" in _CACHE:
        return _CACHE["index"]
    names: dict[str, list[tuple[str, str]]] = {}
    for code, name, level in Region.objects.exclude(level="national").values_list("code", "name", "level"):
        if name in {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}:
            continue
        for variant in {name, _short(name)}:
            if len(variant) >= 2:
                names.setdefault(variant, []).append((level, code))
    if names:
        _CACHE["index"] = names
    return names


def resolve_region(address: str) -> str | None:
    """The most specific region named in `address` (county, else prefecture, else province).

    Every substring of the address is looked up once (an address is short), so this costs
    microseconds, not a scan of 3,000 names.
    """
    text = address.strip()[:120]
    if not text:
        return None
    names = _index()
    found: dict[str, list[tuple[int, str]]] = {"province": [], "prefecture": [], "county": []}
    for start in range(len(text)):
        for end in range(start + 2, min(len(text), start + MAX_NAME) + 1):
            for level, code in names.get(text[start:end], ()):
                found[level].append((end - start, code))
    province = _longest(found["province"], None)
    prefecture = _longest(found["prefecture"], province[:2] if province else None)
    scope = prefecture[:4] if prefecture else (province[:2] if province else None)
    county = _longest(found["county"], scope) if scope else None
    return county or prefecture or province


def _longest(candidates: list[tuple[int, str]], prefix: str | None) -> str | None:
    matching = [(length, code) for length, code in candidates if prefix is None or code.startswith(prefix)]
    return max(matching)[1] if matching else None
