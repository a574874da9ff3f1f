"""Reward tiers of 国市监稽规〔2021〕4号 as a table (pure engine)."""

import datetime as dt
from decimal import Decimal

import pytest
import yaml
from django.conf import settings

from ipshield.tips.rewards import compute_reward, load_rules


@pytest.fixture(scope="module")
def rules():
    with open(settings.IPSHIELD_RULES_FILE, encoding="utf-8") as handle:
        return load_rules(yaml.safe_load(handle)["tip_rewards"])


@pytest.mark.parametrize(
    ("label", "level", "fines", "amount", "joint"),
    [
        ("level 1: 5 % of 200,000", 1, 200000, "10000.00", False),
        ("level 2: 3 % of 200,000", 2, 200000, "6000.00", False),
        ("level 3: 1 % of 200,000", 3, 200000, "2000.00", False),
        ("level 1 minimum 5,000", 1, 20000, "5000", False),
        ("level 3 minimum 1,000 with no fine", 3, 0, "1000", False),
        ("joint approval at 500,000", 1, 10_000_000, "500000.00", True),
        ("cap 1,000,000 per case", 1, 30_000_000, "1000000", True),
    ],
)
def test_reward_table(rules, label, level, fines, amount, joint):
    decision = compute_reward(rules, day=dt.date(2025, 5, 1), level=level, fines_yuan=Decimal(fines))
    assert decision.determined
    assert decision.amount == Decimal(amount)
    assert decision.joint_approval is joint
    assert decision.rule_id == "reward_2021"
    assert "国市监稽规〔2021〕4号" in decision.explanation_zh


def test_tips_before_december_2021_have_no_national_percentages(rules):
    decision = compute_reward(rules, day=dt.date(2020, 5, 1), level=1, fines_yuan=Decimal(100000))
    assert not decision.determined
    assert decision.rule_id == "reward_2001"


def test_unknown_level(rules):
    with pytest.raises(ValueError, match="level"):
        compute_reward(rules, day=dt.date(2025, 5, 1), level=4, fines_yuan=Decimal(1))
