"""The early-warning rules on figures alone (stats.early_warning: no database)."""

import dataclasses
import datetime as dt

import pytest

from ipshield.stats import early_warning as engine

RULES = engine.rules_in_force(engine.load_rules(), dt.date(2026, 12, 1))


def test_every_rule_of_the_data_file_is_in_force_and_has_levels():
    assert set(RULES) == {"case_surge", "concentration", "systemic_spread", "weak_linkage", "tip_spike"}
    for rule in RULES.values():
        assert set(rule.levels) == {"yellow", "orange", "red"}
        assert rule.basis


def test_a_newer_version_applies_from_its_day_and_the_older_before_it():
    old = RULES["tip_spike"]
    new = dataclasses.replace(old, valid_from=dt.date(2027, 1, 1), params={**old.params, "min_tips": 3})
    assert engine.rules_in_force([old, new], dt.date(2026, 12, 31))["tip_spike"] is old
    assert engine.rules_in_force([old, new], dt.date(2027, 1, 1))["tip_spike"] is new
    assert engine.rules_in_force([new], dt.date(2026, 6, 1)) == {}


def test_a_surge_over_mean_plus_two_sigma_with_ten_cases_is_an_alert():
    series = {("440300", "online_trade"): [2, 3, 2, 1, 3, 2, 2, 3, 2, 1, 2, 3, 14]}
    [finding] = engine.case_surge(RULES["case_surge"], series, {("440300", "online_trade"): 2}, "2026-11")
    assert finding.figures["above_sigma"]
    assert finding.figures["above_yoy"]
    assert finding.level == "red"  # σ + 同比 + three times the mean
    assert finding.figures["current"] == 14
    assert finding.figures["mean"] == 2.2
    assert "14" in finding.message % {**finding.figures, "subject": "网络"}


def test_below_ten_cases_or_within_two_sigma_is_no_surge():
    rule = RULES["case_surge"]
    assert engine.case_surge(rule, {("11", "t"): [1] * 12 + [9]}, {("11", "t"): 1}, "m") == []  # < 10 cases
    steady = [10, 14, 9, 13, 11, 12, 10, 15, 9, 12, 11, 13]
    assert engine.case_surge(rule, {("11", "t"): [*steady, 14]}, {("11", "t"): 12}, "m") == []


def test_fifty_percent_more_than_a_year_ago_alone_is_a_yellow_surge():
    steady = [8, 14, 9, 13, 11, 12, 10, 15, 9, 12, 11, 13]  # mean 11.4, σ ≈ 2: 15 is within mean + 2σ
    [finding] = engine.case_surge(RULES["case_surge"], {("11", "t"): [*steady, 15]}, {("11", "t"): 10}, "m")
    assert finding.level == "yellow"
    assert finding.figures["above_yoy"]
    assert not finding.figures["above_sigma"]


def _split(total, parts):
    """`total` in `parts` nearly equal shares (the other districts, none bigger than the first)."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


@pytest.mark.parametrize(("share_of_twenty", "level"), [(7, None), (8, "yellow"), (12, "orange"), (16, "red")])
def test_concentration_levels_follow_one_countys_share_in_a_domain(share_of_twenty, level):
    counties = {
        ("440306", "online_trade"): share_of_twenty,
        **{(f"44030{i}", "online_trade"): n for i, n in enumerate(_split(20 - share_of_twenty, 3), start=1)},
        ("440305", "trademark"): 50,  # another domain's cases do not dilute the share
    }
    found = engine.concentration(RULES["concentration"], counties, "2026Q4")
    found = [f for f in found if f.subject == "online_trade"]
    assert [f.level for f in found] == ([level] if level else [])
    if level:
        assert found[0].region == "440306"


def test_a_party_in_three_provinces_spreads_but_a_brand_must_also_have_risen():
    rule = RULES["systemic_spread"]
    parties = {"91440300MA5DEMO01X": ("恒通达", frozenset({"11", "31", "44"})), "x": ("两省", frozenset({"11", "31"}))}
    brands = {
        "新品牌": engine.BrandWindow(frozenset({"11", "31", "33", "44", "51"}), cases=12, cases_before=0),
        "老品牌": engine.BrandWindow(frozenset({"11", "31", "33", "44", "51", "32", "35", "50"}), 40, 30),
    }
    found = engine.systemic_spread(rule, parties, brands, "2026Q4")
    assert [(f.subject, f.level) for f in found] == [("恒通达", "yellow"), ("新品牌", "orange")]


def test_weak_linkage_counts_its_signals():
    rule = RULES["weak_linkage"]
    provinces = {
        "110000": engine.ProvinceLinkage(filed=300, transferred=2, pending=27, overdue=6, open_transfers=20),  # all
        "310000": engine.ProvinceLinkage(
            filed=300, transferred=20, pending=3, overdue=2, open_transfers=20
        ),  # 10 %: none
        "320000": engine.ProvinceLinkage(filed=20, transferred=0, pending=0, overdue=3, open_transfers=4),  # too few
    }
    found = engine.weak_linkage(rule, provinces, national_rate=0.05, year=2026)
    assert [(f.region, f.level) for f in found] == [("110000", "red")]
    assert found[0].figures["rate"] == 0.7
    assert found[0].figures["national"] == 5.0


def test_tip_spike_needs_five_reports_on_one_target():
    found = engine.tip_spike(RULES["tip_spike"], {("330000", "a"): ("星耀", 4), ("330000", "b"): ("某店", 10)}, "m")
    assert [(f.subject, f.level) for f in found] == [("某店", "orange")]
