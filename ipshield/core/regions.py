"""GB/T 2260 region codes: levels and subtree prefixes (pure functions, no Django)."""

from __future__ import annotations

import re

NATIONAL_CODE = "000000"
_CODE_RE = re.compile(r"^[0-9]{6}$")


def is_region_code(code: str) -> bool:
    return bool(_CODE_RE.match(code or ""))


def subtree_prefix(code: str) -> str:
    """The prefix every code under `code` starts with: 110000 → "11", 110100 → "1101"."""
    if code == NATIONAL_CODE:
        return ""
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


def level_of(code: str) -> str:
    prefix = subtree_prefix(code)
    return {0: "national", 2: "province", 4: "prefecture", 6: "county"}[len(prefix)]


def province_of(code: str) -> str:
    return code[:2]


def prefecture_of(code: str) -> str:
    return code[:4]


def chain_up(code: str) -> list[str]:
    """The region, its prefecture, its province and the country, nearest first, without repeats
    (where an agency of the same level is missing, the one above it acts: 移送 to the police)."""
    return list(dict.fromkeys([code, prefecture_of(code) + "00", province_of(code) + "0000", NATIONAL_CODE]))


def contains(ancestor: str, code: str) -> bool:
    """True when `code` lies in the subtree of `ancestor` (a region contains itself)."""
    return code.startswith(subtree_prefix(ancestor))
