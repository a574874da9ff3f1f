"""Property tests: more money never makes a case less suspect; fact order never matters."""

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from ipshield.screening.engine import Facts, Outcome, screen

AMOUNT_OFFENCES = [
    "produce_sell_fake_shoddy_products",
    "counterfeit_registered_trademark",
    "sell_goods_with_counterfeit_trademark",
    "illegally_make_sell_trademark_marks",
    "counterfeit_patent",
    "copyright_infringement",
    "sell_infringing_copies",
    "infringe_trade_secrets",
    "produce_sell_fake_agricultural_inputs",
]
AMOUNTS = [
    "sales_amount_yuan",
    "goods_value_yuan",
    "illegal_business_amount_yuan",
    "illegal_gains_yuan",
    "service_illegal_gains_yuan",
    "loss_to_right_holder_yuan",
    "production_loss_yuan",
]
amount = st.integers(min_value=0, max_value=600_000)
dates = st.dates(min_value=dt.date(2002, 1, 1), max_value=dt.date(2026, 11, 1))


def _build(rulebook, offence, conduct, handling, values):
    return screen(
        rulebook, Facts.build(rulebook, offence=offence, conduct_date=conduct, handling_date=handling, values=values)
    )


@settings(max_examples=300, deadline=None)
@given(
    offence=st.sampled_from(AMOUNT_OFFENCES),
    values=st.dictionaries(st.sampled_from(AMOUNTS), amount, min_size=1),
    bump_metric=st.sampled_from(AMOUNTS),
    bump=st.integers(min_value=1, max_value=500_000),
    conduct=dates,
    later=st.integers(min_value=0, max_value=3000),
    repeat=st.booleans(),
    kinds=st.integers(min_value=1, max_value=3),
)
def test_raising_an_amount_never_removes_suspicion(
    rulebook, offence, values, bump_metric, bump, conduct, later, repeat, kinds
):
    handling = min(conduct + dt.timedelta(days=later), dt.date(2026, 11, 28))
    base = {**values, "prior_penalty_within_2y": repeat, "trademark_kinds": kinds}
    before = _build(rulebook, offence, conduct, handling, base)
    raised = {**base, bump_metric: base.get(bump_metric, 0) + bump}
    after = _build(rulebook, offence, conduct, handling, raised)
    if before.outcome is Outcome.SUSPECTED_CRIME:
        assert after.outcome is Outcome.SUSPECTED_CRIME


@settings(max_examples=200, deadline=None)
@given(
    offence=st.sampled_from(AMOUNT_OFFENCES),
    values=st.dictionaries(st.sampled_from(AMOUNTS), amount, min_size=2),
    seed=st.integers(),
    conduct=dates,
)
def test_result_does_not_depend_on_the_order_of_facts(rulebook, offence, values, seed, conduct):
    items = list(values.items())
    random.Random(seed).shuffle(items)
    first = _build(rulebook, offence, conduct, conduct, values)
    second = _build(rulebook, offence, conduct, conduct, dict(items))
    assert first.outcome is second.outcome
    assert {h.rule_id for h in first.hits} == {h.rule_id for h in second.hits}
    assert {h.rule_id for h in first.near_threshold} == {h.rule_id for h in second.near_threshold}
