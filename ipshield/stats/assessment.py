"""Performance assessment (考核): schemes as versioned data (data/assessment-schemes.yaml) and a pure
scoring engine over figures — no Django here. Every point says where it came from: the figure, the
band or rate applied, and (outside this module) the records behind the figure.

Scoring primitives (reference/statistics.md §2): banded rates with a floor, points per unit with a
cap, deductions from a start, manual items (self-assessed, reviewed) and 一票否决.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import yaml

SCHEMES_FILE = Path(__file__).with_name("data") / "assessment-schemes.yaml"
KINDS = frozenset({"band", "per", "deduct", "manual", "veto"})


def gettext_noop(message: str) -> str:
    """Marks a message for translation (extracted by makemessages); translated when shown."""
    return message


@dataclass(frozen=True)
class Band:
    at: float
    points: float


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    kind: str
    title_en: str = ""
    figure: str = ""
    bands: tuple[Band, ...] = ()
    floor: float = 0
    points: float = 0  # per unit (per) or deducted per unit (deduct)
    cap: float = 0
    start: float = 0
    max: float = 0  # manual
    evidence: str = ""
    evidence_en: str = ""


@dataclass(frozen=True)
class Area:
    id: str
    title: str
    max: float
    items: tuple[Item, ...]
    bonus: bool = False
    title_en: str = ""


@dataclass(frozen=True)
class Scheme:
    id: str
    year: int
    title: str
    title_en: str
    basis: str
    areas: tuple[Area, ...]
    bonus_cap: float = 0

    def items(self) -> Iterable[Item]:
        for area in self.areas:
            yield from area.items

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items() if i.id == item_id), None)

    @property
    def figures(self) -> list[str]:
        return sorted({i.figure for i in self.items() if i.figure})


def _item(raw: Mapping[str, Any]) -> Item:
    kind = str(raw["kind"])
    if kind not in KINDS:
        raise ValueError(f"unknown item kind {kind!r} in {raw.get('id')}")
    bands = tuple(
        sorted((Band(float(b["at"]), float(b["points"])) for b in raw.get("bands") or []), key=lambda b: -b.at)
    )
    return Item(
        id=str(raw["id"]),
        title=str(raw["title"]),
        kind=kind,
        title_en=str(raw.get("title_en") or ""),
        figure=str(raw.get("figure") or ""),
        bands=bands,
        floor=float(raw.get("floor") or 0),
        points=float(raw.get("points") or 0),
        cap=float(raw.get("cap") or 0),
        start=float(raw.get("start") or 0),
        max=float(raw.get("max") or 0),
        evidence=str(raw.get("evidence") or ""),
        evidence_en=str(raw.get("evidence_en") or ""),
    )


def load_schemes(path: Path = SCHEMES_FILE) -> list[Scheme]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    schemes = []
    for s in raw["schemes"]:
        areas = tuple(
            Area(
                id=str(a["id"]),
                title=str(a["title"]),
                max=float(a["max"]),
                items=tuple(_item(i) for i in a["items"]),
                bonus=bool(a.get("bonus", False)),
                title_en=str(a.get("title_en") or ""),
            )
            for a in s["areas"]
        )
        schemes.append(
            Scheme(
                id=str(s["id"]),
                year=int(s["year"]),
                title=str(s["title"]),
                title_en=str(s.get("title_en") or s["title"]),
                basis=str(s.get("basis") or ""),
                areas=areas,
                bonus_cap=float(s.get("bonus_cap") or 0),
            )
        )
    return schemes


def scheme_for(schemes: Iterable[Scheme], scheme_id: str, year: int) -> Scheme | None:
    """The scheme's version for `year`: the one of that year, else the latest before it."""
    found = [s for s in schemes if s.id == scheme_id and s.year <= year]
    return max(found, key=lambda s: s.year) if found else None


def _round(value: float) -> float:
    return float(Decimal(str(value)).quantize(Decimal("0.01"), ROUND_HALF_UP))


@dataclass(frozen=True)
class ItemScore:
    item: Item
    figure: float | None  # the figure scored (None: manual, veto, or no data)
    points: float
    message: str  # msgid; `params` fill it
    params: dict[str, Any] = field(default_factory=dict)
    vetoed: bool = False


def score_item(item: Item, figure: float | None, manual: float | None = None, veto: bool = False) -> ItemScore:
    """One item's points and why. A missing figure scores the floor (band) or nothing (per)."""
    if item.kind == "band":
        if figure is None:
            return ItemScore(
                item, None, item.floor, gettext_noop("无数据，按最低档计 %(points)s 分"), {"points": item.floor}
            )
        for band in item.bands:
            if figure >= band.at:
                return ItemScore(
                    item,
                    figure,
                    band.points,
                    gettext_noop("%(value)s%% 达到 %(at)s%% 档，得 %(points)s 分"),
                    {"value": figure, "at": band.at, "points": band.points},
                )
        lowest = item.bands[-1].at if item.bands else 0
        return ItemScore(
            item,
            figure,
            item.floor,
            gettext_noop("%(value)s%% 低于最低档 %(at)s%%，得 %(points)s 分"),
            {"value": figure, "at": lowest, "points": item.floor},
        )
    if item.kind == "per":
        value = figure or 0
        raw = _round(value * item.points)
        points = min(raw, item.cap) if item.cap else raw
        return ItemScore(
            item,
            figure,
            points,
            gettext_noop("%(value)s × 每项 %(per)s 分 = %(raw)s 分，上限 %(cap)s 分"),
            {"value": value, "per": item.points, "raw": raw, "cap": item.cap},
        )
    if item.kind == "deduct":
        value = figure or 0
        points = max(0.0, _round(item.start - value * item.points))
        return ItemScore(
            item,
            figure,
            points,
            gettext_noop("%(start)s 分 − %(value)s × %(per)s 分 = %(points)s 分（不低于0分）"),
            {"start": item.start, "value": value, "per": item.points, "points": points},
        )
    if item.kind == "manual":
        points = max(0.0, min(float(manual or 0), item.max))
        return ItemScore(
            item,
            None,
            points,
            gettext_noop("评定 %(points)s 分（上限 %(max)s 分）"),
            {"points": points, "max": item.max},
        )
    if veto:
        return ItemScore(item, None, 0, gettext_noop("一票否决：总分记为0分"), {}, vetoed=True)
    return ItemScore(item, None, 0, gettext_noop("未触发一票否决"), {})


@dataclass(frozen=True)
class AreaScore:
    area: Area
    items: list[ItemScore]
    points: float  # capped at the area's maximum


@dataclass(frozen=True)
class ScoreSheet:
    scheme: Scheme
    areas: list[AreaScore]
    base: float
    bonus: float
    total: float
    vetoed: bool


def adjusted(computed: ItemScore, points: float, reason: str) -> ItemScore:
    """The reviewer's points for an item, with the reason and what the rule gave."""
    limit = computed.item.max if computed.item.kind == "manual" else None
    points = max(0.0, min(points, limit) if limit is not None else points)
    return ItemScore(
        computed.item,
        computed.figure,
        _round(points),
        gettext_noop("复核调整为 %(points)s 分（按规则 %(computed)s 分）：%(reason)s"),
        {"points": _round(points), "computed": computed.points, "reason": reason},
        vetoed=computed.vetoed,
    )


def score(
    scheme: Scheme,
    figures: Mapping[str, float | None],
    manual: Mapping[str, float] | None = None,
    vetoes: Iterable[str] = (),
    adjustments: Mapping[str, tuple[float, str]] | None = None,
) -> ScoreSheet:
    """The whole sheet: each area capped at its maximum, bonus areas together at bonus_cap, and 0
    overall when a veto item is confirmed. `adjustments` (item → points, reason) replace an item's
    points; the rule's figure stays beside them."""
    manual = manual or {}
    adjustments = adjustments or {}
    vetoed_items = set(vetoes)
    areas = []
    for area in scheme.areas:
        items = []
        for item in area.items:
            computed = score_item(item, figures.get(item.figure), manual.get(item.id), item.id in vetoed_items)
            if item.id in adjustments and item.kind != "veto":
                computed = adjusted(computed, *adjustments[item.id])
            items.append(computed)
        areas.append(AreaScore(area, items, _round(min(sum(i.points for i in items), area.max))))
    base = _round(sum(a.points for a in areas if not a.area.bonus))
    bonus = _round(min(sum(a.points for a in areas if a.area.bonus), scheme.bonus_cap))
    vetoed = any(i.vetoed for a in areas for i in a.items)
    return ScoreSheet(scheme, areas, base, bonus, 0.0 if vetoed else _round(base + bonus), vetoed)
