"""Criminal thresholds as a table: one row per statutory scenario, labelled with its article,
plus a sweep over every trigger of every offence version (at, just below, just above; and the day
before each change date)."""

import datetime as dt
import itertools
import re
from decimal import Decimal

import pytest

from ipshield.screening.engine import FactError, Facts, Outcome, UnknownOffenceError, explain, screen

S, B, U = Outcome.SUSPECTED_CRIME, Outcome.BELOW_THRESHOLD, Outcome.UNDETERMINED

# (label, offence, conduct, handling, facts, expected outcome)
STATUTORY = [
    (
        "140 sales 5万 以上 includes the number",
        "produce_sell_fake_shoddy_products",
        "2020-05-01",
        "2020-06-01",
        {"sales_amount_yuan": 50000},
        S,
    ),
    (
        "140 sales just under 5万",
        "produce_sell_fake_shoddy_products",
        "2020-05-01",
        "2020-06-01",
        {"sales_amount_yuan": 49999.99},
        B,
    ),
    (
        "140 unsold 货值 15万 (attempt)",
        "produce_sell_fake_shoddy_products",
        "2020-05-01",
        "2020-06-01",
        {"goods_value_yuan": 150000},
        S,
    ),
    (
        "140 sales×3 + unsold = 4万×3+3万 = 15万",
        "produce_sell_fake_shoddy_products",
        "2020-05-01",
        "2020-06-01",
        {"sales_amount_yuan": 40000, "goods_value_yuan": 30000},
        S,
    ),
    (
        "140 sales×3 + unsold = 3万×3+5万 = 14万",
        "produce_sell_fake_shoddy_products",
        "2020-05-01",
        "2020-06-01",
        {"sales_amount_yuan": 30000, "goods_value_yuan": 50000},
        B,
    ),
    (
        "214 (2025) plain sum 4万+11万 = 15万",
        "sell_goods_with_counterfeit_trademark",
        "2025-06-01",
        "2025-07-01",
        {"sales_amount_yuan": 40000, "goods_value_yuan": 110000},
        S,
    ),
    (
        "214 (2025) plain sum does NOT multiply: 4万+3万",
        "sell_goods_with_counterfeit_trademark",
        "2025-06-01",
        "2025-07-01",
        {"sales_amount_yuan": 40000, "goods_value_yuan": 30000},
        B,
    ),
    (
        "214 (2025) repeat conduct sales 3万",
        "sell_goods_with_counterfeit_trademark",
        "2025-06-01",
        "2025-07-01",
        {"sales_amount_yuan": 30000, "prior_penalty_within_2y": True},
        S,
    ),
    (
        "214 (2024 conduct) repeat tier did not exist yet",
        "sell_goods_with_counterfeit_trademark",
        "2024-06-01",
        "2025-07-01",
        {"sales_amount_yuan": 30000, "prior_penalty_within_2y": True},
        B,
    ),
    (
        "213 (2025) goods gains 3万",
        "counterfeit_registered_trademark",
        "2025-06-01",
        "2025-07-01",
        {"illegal_gains_yuan": 30000},
        S,
    ),
    (
        "213 (2025) two marks, business 3万",
        "counterfeit_registered_trademark",
        "2025-06-01",
        "2025-07-01",
        {"illegal_business_amount_yuan": 30000, "trademark_kinds": 2},
        S,
    ),
    (
        "213 (2025) one mark, business 3万",
        "counterfeit_registered_trademark",
        "2025-06-01",
        "2025-07-01",
        {"illegal_business_amount_yuan": 30000, "trademark_kinds": 1},
        B,
    ),
    (
        "213 (2025) services gains 5万",
        "counterfeit_registered_trademark",
        "2025-06-01",
        "2025-07-01",
        {"service_illegal_gains_yuan": 50000},
        S,
    ),
    (
        "213 (2025) goods 2万 + services 3万 = 5万 (art.3 para.3)",
        "counterfeit_registered_trademark",
        "2025-06-01",
        "2025-07-01",
        {"illegal_gains_yuan": 20000, "service_illegal_gains_yuan": 30000},
        S,
    ),
    (
        "213 (2025) goods 1万 + services 3万 = 4万",
        "counterfeit_registered_trademark",
        "2025-06-01",
        "2025-07-01",
        {"illegal_gains_yuan": 10000, "service_illegal_gains_yuan": 30000},
        B,
    ),
    (
        "215 (2025) 1万件 marks",
        "illegally_make_sell_trademark_marks",
        "2025-06-01",
        "2025-07-01",
        {"marks_count": 10000},
        S,
    ),
    (
        "215 (2010 conduct) unsold-marks attempt standard starts 2011-01-10",
        "illegally_make_sell_trademark_marks",
        "2010-06-01",
        "2010-07-01",
        {"unsold_marks_count": 60000},
        U,
    ),
    (
        "215 (2012 conduct) unsold marks 6万",
        "illegally_make_sell_trademark_marks",
        "2012-06-01",
        "2012-07-01",
        {"unsold_marks_count": 60000},
        S,
    ),
    (
        "216 (2025) patentee loss 30万 (lowered)",
        "counterfeit_patent",
        "2025-06-01",
        "2025-07-01",
        {"loss_to_right_holder_yuan": 300000},
        S,
    ),
    (
        "216 (2024 conduct, handled 2025) loss 30万: conduct-time 50万 applies",
        "counterfeit_patent",
        "2024-06-01",
        "2025-07-01",
        {"loss_to_right_holder_yuan": 300000},
        B,
    ),
    ("217 (2025) clicks 10万", "copyright_infringement", "2025-06-01", "2025-07-01", {"clicks_count": 100000}, S),
    (
        "217 (2024 conduct, handled 2026) clicks 6万: later version more lenient (从旧兼从轻)",
        "copyright_infringement",
        "2024-06-01",
        "2026-01-10",
        {"clicks_count": 60000},
        B,
    ),
    (
        "217 (2024 conduct, handled 2026) clicks 12万 meets both",
        "copyright_infringement",
        "2024-06-01",
        "2026-01-10",
        {"clicks_count": 120000},
        S,
    ),
    (
        "217 (2025) two items at half: copies 250 + clicks 5万",
        "copyright_infringement",
        "2025-06-01",
        "2025-07-01",
        {"copies_count": 250, "clicks_count": 50000},
        S,
    ),
    (
        "217 (2025) one item at half only",
        "copyright_infringement",
        "2025-06-01",
        "2025-07-01",
        {"copies_count": 250},
        B,
    ),
    (
        "217 (2015) online two criteria at half: works 250 + clicks 2.5万",
        "copyright_infringement",
        "2015-06-01",
        "2015-07-01",
        {"works_count": 250, "clicks_count": 25000},
        S,
    ),
    (
        "217 (2005) copies 1000 before the 2007 change",
        "copyright_infringement",
        "2005-06-01",
        "2005-07-01",
        {"copies_count": 999},
        B,
    ),
    (
        "217 (2008) copies 500 after the 2007 change",
        "copyright_infringement",
        "2008-06-01",
        "2008-07-01",
        {"copies_count": 500},
        S,
    ),
    (
        "218 (2025) sold + unsold copies 3000",
        "sell_infringing_copies",
        "2025-06-01",
        "2025-07-01",
        {"copies_count": 900, "sold_plus_unsold_copies_count": 3000},
        S,
    ),
    (
        "218 (2025) gains 5万 (lowered from 10万)",
        "sell_infringing_copies",
        "2025-06-01",
        "2025-07-01",
        {"illegal_gains_yuan": 50000},
        S,
    ),
    (
        "219 (2019 conduct, handled 2026) loss 40万 < conduct-time 50万",
        "infringe_trade_secrets",
        "2019-06-01",
        "2026-01-10",
        {"loss_to_right_holder_yuan": 400000},
        B,
    ),
    (
        "219 (2021 conduct, handled 2026) loss 30万",
        "infringe_trade_secrets",
        "2021-06-01",
        "2026-01-10",
        {"loss_to_right_holder_yuan": 300000},
        S,
    ),
    (
        "141 (2015) conduct offence, no amount",
        "produce_sell_counterfeit_drugs",
        "2015-06-01",
        "2015-07-01",
        {"any_production_or_sale_of_counterfeit_drug": True},
        S,
    ),
    (
        "146 thresholds recalled, unverified → undetermined",
        "produce_sell_products_below_safety_standards",
        "2020-06-01",
        "2020-07-01",
        {"direct_economic_loss_yuan": 200000},
        U,
    ),
    (
        "225 tobacco 20万支",
        "illegal_business_operations",
        "2020-06-01",
        "2020-07-01",
        {"tobacco_case": True, "cigarettes_count": 200000},
        S,
    ),
    (
        "225 without saying which sub-rule → undetermined",
        "illegal_business_operations",
        "2020-06-01",
        "2020-07-01",
        {"cigarettes_count": 200000},
        U,
    ),
    (
        "225 publications, unit 5万 is below the unit standard 15万",
        "illegal_business_operations",
        "2020-06-01",
        "2020-07-01",
        {"illegal_publications_case": True, "offender_is_unit": True, "illegal_business_amount_yuan": 50000},
        B,
    ),
    (
        "225 publications, individual 5万",
        "illegal_business_operations",
        "2020-06-01",
        "2020-07-01",
        {"illegal_publications_case": True, "illegal_business_amount_yuan": 50000},
        S,
    ),
    (
        "no facts at all → undetermined, never a silent below",
        "counterfeit_registered_trademark",
        "2025-06-01",
        "2025-07-01",
        {},
        U,
    ),
    (
        "213 conduct before any interpretation: handling-time version applies (2001 rule art.2)",
        "counterfeit_registered_trademark",
        "2003-06-01",
        "2026-01-10",
        {"illegal_gains_yuan": 30000},
        S,
    ),
]


@pytest.mark.parametrize(
    ("label", "offence", "conduct", "handling", "facts", "expected"), STATUTORY, ids=[row[0] for row in STATUTORY]
)
def test_statutory_scenarios(rulebook, label, offence, conduct, handling, facts, expected):
    result = screen(
        rulebook,
        Facts.build(
            rulebook,
            offence=offence,
            conduct_date=dt.date.fromisoformat(conduct),
            handling_date=dt.date.fromisoformat(handling),
            values=facts,
        ),
    )
    assert result.outcome is expected, explain(rulebook, result)["en"]


def _contexts(trigger):
    """Fact sets that make a trigger's `when` condition true, tried from the simplest."""
    if trigger.when is None:
        return [{}]
    numbers = [Decimal(n) for n in re.findall(r"\b\d+\b", trigger.when.source)]
    options = []
    for name in sorted(trigger.when.names):
        if name.endswith(("_case", "_2y", "_unit")) or name in {"prior_penalty_within_2y"}:
            options.append([(name, None), (name, True)])
        else:
            options.append([(name, None), (name, Decimal(0))] + [(name, n) for n in numbers])
    found = []
    for combo in itertools.product(*options):
        facts = {k: v for k, v in combo if v is not None}
        if trigger.when.function(facts):
            found.append(facts)
    return sorted(found, key=len)


def _sweep_rows():
    import yaml
    from django.conf import settings

    from ipshield.screening.engine import RuleBook

    with open(settings.IPSHIELD_RULES_FILE, encoding="utf-8") as handle:
        book = RuleBook.from_document(yaml.safe_load(handle))
    for offence in book.offences.values():
        for version in offence.versions:
            for trigger in version.triggers:
                if trigger.formula is None:
                    yield pytest.param(offence.id, version.valid_from, trigger.rule_id, id=trigger.rule_id)


def _find(rulebook, offence_id, valid_from, rule_id):
    offence = rulebook.offences[offence_id]
    version = next(v for v in offence.versions if v.valid_from == valid_from)
    return offence, version, next(t for t in version.triggers if t.rule_id == rule_id)


def _screen(rulebook, offence, day, facts):
    return screen(
        rulebook, Facts.build(rulebook, offence=offence.id, conduct_date=day, handling_date=day, values=facts)
    )


@pytest.mark.parametrize(("offence_id", "valid_from", "rule_id"), list(_sweep_rows()))
def test_every_trigger_at_below_and_above_its_threshold(rulebook, offence_id, valid_from, rule_id):
    offence, version, trigger = _find(rulebook, offence_id, valid_from, rule_id)
    day = max(version.valid_from, trigger.applies_from or version.valid_from)
    context = next(c for c in _contexts(trigger) if trigger.metric not in c)

    def fired(value):
        result = _screen(rulebook, offence, day, {**context, trigger.metric: value})
        ids = {h.rule_id for r in result.results for h in r.hits + r.unverified_hits}
        return rule_id in ids, result

    if isinstance(trigger.threshold, bool):
        assert fired(True)[0]
        assert not fired(False)[0]
        return
    step = Decimal("0.01") if trigger.metric.endswith("_yuan") else Decimal(1)
    at, result = fired(trigger.threshold)
    assert at, explain(rulebook, result)["en"]
    assert result.outcome is (
        Outcome.SUSPECTED_CRIME if trigger.verified and version.has_verified_thresholds else Outcome.UNDETERMINED
    )
    assert fired(trigger.threshold + step)[0]
    below, below_result = fired(trigger.threshold - step)
    assert not below
    if trigger.metric.endswith("_yuan") and not below_result.hits:
        assert any(h.rule_id == rule_id for h in below_result.near_threshold)  # ≥ 80 %: a near miss


def _version_rows():
    seen = set()
    for param in _sweep_rows():
        offence_id, valid_from, _rule = param.values
        if (offence_id, valid_from) not in seen:
            seen.add((offence_id, valid_from))
            yield pytest.param(offence_id, valid_from, id=f"{offence_id}@{valid_from}")


@pytest.mark.parametrize(("offence_id", "valid_from"), list(_version_rows()))
def test_the_day_before_a_version_starts_the_previous_version_applies(rulebook, offence_id, valid_from):
    offence = rulebook.offences[offence_id]
    version = next(v for v in offence.versions if v.valid_from == valid_from)
    day = version.valid_from - dt.timedelta(days=1)
    result = _screen(rulebook, offence, day, {})
    previous = offence.version_on(day)
    if previous is None:
        assert result.rule_version == f"{offence.id}@none"
        assert result.outcome is Outcome.UNDETERMINED
    else:
        assert result.rule_version == previous.label
    assert _screen(rulebook, offence, version.valid_from, {}).rule_version == version.label


def test_explanation_names_rule_figure_threshold_and_source(rulebook):
    result = _screen(
        rulebook,
        rulebook.offences["counterfeit_registered_trademark"],
        dt.date(2025, 6, 1),
        {"illegal_business_amount_yuan": 52000},
    )
    text = explain(rulebook, result)
    assert "涉嫌犯罪" in text["zh-hans"]
    assert "52,000 >= 50,000" in text["zh-hans"]
    assert "法释〔2025〕5号第3条" in text["zh-hans"]
    assert "【法释〔2025〕5号，2025年4月26日起】" in text["zh-hans"]
    assert "法释〔2025〕5号 art.3" in text["en"]
    # internal ids stay in the API's fields, never in the sentences
    for language in ("zh-hans", "en"):
        assert "counterfeit_registered_trademark" not in text[language]
        assert "@2025" not in text[language]
    assert "(goods)" not in text["zh-hans"]
    assert "art." not in text["zh-hans"]
    assert "confirmed" in text["en"]


def test_near_threshold_at_eighty_percent(rulebook):
    result = _screen(
        rulebook,
        rulebook.offences["sell_goods_with_counterfeit_trademark"],
        dt.date(2025, 6, 1),
        {"sales_amount_yuan": 40000},
    )
    assert result.outcome is Outcome.BELOW_THRESHOLD
    assert [h.metric for h in result.near_threshold] == ["sales_amount_yuan"]
    assert "80%" in explain(rulebook, result)["zh-hans"]


def test_below_eighty_percent_is_not_near(rulebook):
    result = _screen(
        rulebook,
        rulebook.offences["sell_goods_with_counterfeit_trademark"],
        dt.date(2025, 6, 1),
        {"sales_amount_yuan": 39999},
    )
    assert result.near_threshold == ()


@pytest.mark.parametrize(
    ("facts", "metric"),
    [
        ({"no_such_metric": 1}, "no_such_metric"),
        ({"sales_amount_yuan": True}, "sales_amount_yuan"),
        ({"sales_amount_yuan": -5}, "sales_amount_yuan"),
        ({"prior_penalty_within_2y": 1}, "prior_penalty_within_2y"),
        ({"trademark_kinds": 1.5}, "trademark_kinds"),
        ({"sales_amount_plus_goods_value_yuan": 1}, "sales_amount_plus_goods_value_yuan"),
    ],
)
def test_bad_facts_name_the_metric(rulebook, facts, metric):
    with pytest.raises(FactError) as excinfo:
        Facts.build(
            rulebook,
            offence="produce_sell_fake_shoddy_products",
            conduct_date=dt.date(2025, 1, 1),
            handling_date=dt.date(2025, 1, 1),
            values=facts,
        )
    assert excinfo.value.metric == metric


def test_unknown_offence(rulebook):
    with pytest.raises(UnknownOffenceError):
        Facts.build(
            rulebook,
            offence="no_such_offence",
            conduct_date=dt.date(2025, 1, 1),
            handling_date=dt.date(2025, 1, 1),
            values={},
        )
