"""Tip reward rules (有奖举报) as data + a pure engine: no Django imports.

国市监稽规〔2021〕4号 (in force 2021-12-01): level 1/2/3 → 5 % / 3 % / 1 % of the fines and
confiscations, at least 5,000 / 3,000 / 1,000 yuan (also when there is no fine), at most 1,000,000
yuan per case; 500,000 yuan or more is set jointly with the finance department. The 2001 measures
(财行〔2001〕175号) had no national percentages: a reward under them is undetermined.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any


@dataclass(frozen=True)
class RewardRule:
    id: str
    title: str
    number: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    tiers: Mapping[int, tuple[Decimal, Decimal]]  # level → (percent, minimum)
    cap: Decimal | None
    joint_approval_at: Decimal | None
    excluded: tuple[str, ...]


@dataclass(frozen=True)
class RewardDecision:
    determined: bool
    amount: Decimal
    rule_id: str
    joint_approval: bool
    explanation_zh: str
    explanation_en: str


def load_rules(document: Sequence[Mapping[str, Any]]) -> list[RewardRule]:
    rules = []
    for raw in document:
        tiers = {
            int(t["level"]): (Decimal(str(t["percent_of_fines"])), Decimal(str(t["minimum_yuan"])))
            for t in raw.get("tiers") or []
        }
        rules.append(
            RewardRule(
                id=str(raw["id"]),
                title=str(raw.get("title", "")),
                number=str(raw.get("number", "")),
                valid_from=_date(raw.get("effective")),
                valid_to=_date(raw.get("valid_to")),
                tiers=tiers,
                cap=Decimal(str(raw["cap_per_case_yuan"])) if raw.get("cap_per_case_yuan") else None,
                joint_approval_at=Decimal(str(raw["joint_approval_threshold_yuan"]))
                if raw.get("joint_approval_threshold_yuan")
                else None,
                excluded=tuple(str(x) for x in raw.get("excluded") or []),
            )
        )
    return rules


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).split(" ")[0])


def rule_on(rules: Sequence[RewardRule], day: dt.date) -> RewardRule | None:
    for rule in rules:
        starts = rule.valid_from or dt.date.min
        if starts <= day and (rule.valid_to is None or day < rule.valid_to):
            return rule
    return None


def compute_reward(rules: Sequence[RewardRule], *, day: dt.date, level: int, fines_yuan: Decimal) -> RewardDecision:
    """The reward for a tip of `level` (1 highest) whose case ended with `fines_yuan` of fines/confiscations."""
    rule = rule_on(rules, day)
    if rule is None or not rule.tiers:
        name = rule.number if rule else "—"
        return RewardDecision(
            False,
            Decimal(0),
            rule.id if rule else "",
            False,
            f"{name}：未找到全国统一的奖励比例，须按地方规定人工确定。",
            f"{name}: no national percentages; set the reward under local rules by hand.",
        )
    if level not in rule.tiers:
        raise ValueError(f"level must be one of {sorted(rule.tiers)}")
    percent, minimum = rule.tiers[level]
    by_percent = (fines_yuan * percent / Decimal(100)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    amount = max(by_percent, minimum)
    capped = rule.cap is not None and amount > rule.cap
    if capped and rule.cap is not None:
        amount = rule.cap
    joint = rule.joint_approval_at is not None and amount >= rule.joint_approval_at
    zh = (
        f"{rule.number} 第{level}级：罚没款 {fines_yuan:,} 元 × {percent}% = {by_percent:,} 元，"
        f"最低 {minimum:,} 元"
        + ("，超过每案上限按上限" if capped else "")
        + f"，奖励 {amount:,} 元"
        + ("；50万元以上须会同财政部门确定" if joint else "")
        + "。"
    )
    en = (
        f"{rule.number} level {level}: fines {fines_yuan:,} × {percent}% = {by_percent:,}, minimum {minimum:,}"
        + (", capped per case" if capped else "")
        + f"; reward {amount:,} yuan"
        + ("; 500,000 or more is set with the finance department" if joint else "")
        + "."
    )
    return RewardDecision(True, amount, rule.id, joint, zh, en)
