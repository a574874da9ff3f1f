"""Screening throughput on one core, in-process (target: ≥ 50,000 single-case screenings/s).

Run: make bench   (pytest-benchmark; figures are reported, never asserted)
"""

import datetime as dt

import pytest
import yaml

from ipshield.screening.engine import Facts, RuleBook, explain, screen

RULES = "ipshield/screening/rules/legal-rules.yaml"

CASES = {
    "213 below, one version": (
        "counterfeit_registered_trademark",
        "2026-01-05",
        "2026-03-01",
        {"illegal_business_amount_yuan": 45000, "trademark_kinds": 1},
    ),
    "140 suspected (formula)": (
        "produce_sell_fake_shoddy_products",
        "2024-01-05",
        "2026-03-01",
        {"sales_amount_yuan": 40000, "goods_value_yuan": 30000},
    ),
    "217 two versions (从旧兼从轻)": (
        "copyright_infringement",
        "2024-06-01",
        "2026-03-01",
        {"clicks_count": 60000, "copies_count": 300},
    ),
}


@pytest.fixture(scope="module")
def rulebook():
    with open(RULES, encoding="utf-8") as handle:
        return RuleBook.from_document(yaml.safe_load(handle))


def _facts(rulebook, offence, conduct, handling, values):
    return Facts.build(
        rulebook,
        offence=offence,
        conduct_date=dt.date.fromisoformat(conduct),
        handling_date=dt.date.fromisoformat(handling),
        values=values,
    )


@pytest.mark.parametrize("name", list(CASES))
def test_screen_decision(benchmark, rulebook, name):
    facts = _facts(rulebook, *CASES[name])
    benchmark(screen, rulebook, facts)


@pytest.mark.parametrize("name", list(CASES))
def test_build_facts_and_screen(benchmark, rulebook, name):
    offence, conduct, handling, values = CASES[name]
    benchmark(lambda: screen(rulebook, _facts(rulebook, offence, conduct, handling, values)))


def test_screen_with_bilingual_explanation(benchmark, rulebook):
    facts = _facts(rulebook, *CASES["140 suspected (formula)"])
    benchmark(lambda: explain(rulebook, screen(rulebook, facts)))
