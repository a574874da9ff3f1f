"""Demo situations that trip each early-warning rule (on top of the two years of ordinary demo cases),
then one sweep, so that a fresh `make run` shows real alerts on the dashboard."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from ipshield.cases.demo import DemoCaseFactory, save_demo_cases
from ipshield.cases.models import Case
from ipshield.core.choices import CampaignDomain
from ipshield.stats.sweep import sweep
from ipshield.tips.services import tip_submit

SURGE_COUNTY = "440306"  # 深圳市宝安区: an online-trade surge last month, concentrated in one district
NEIGHBOUR_COUNTY = "440304"  # 深圳市福田区
SPREAD_PARTY = {"name": "恒通达国际贸易有限公司", "uscc": "91440300MA5DEMO01X"}
SPREAD_BRAND = "澜湾电子科技有限公司"
SPREAD_COUNTIES = ["110105", "310106", "330106", "440106", "510104"]
TIP_TARGET = "星耀数码旗舰店"


def _last_month_day(now: dt.datetime, day: int) -> dt.datetime:
    first = timezone.localtime(now).replace(day=1, hour=10, minute=0, second=0, microsecond=0)
    return first - dt.timedelta(days=day)


def _place(case: Case, county: str) -> None:
    case.region_code, case.region_province, case.region_prefecture = county, county[:2], county[:4]


def seed_warning_patterns(now: dt.datetime | None = None) -> dict[str, int]:
    """Idempotent: skipped when the pattern cases exist. Returns the sweep's counts."""
    now = now or timezone.now()
    if Case.objects.filter(number__contains="-WARN-").exists():
        return {}
    factory = DemoCaseFactory(random.Random(4242), now)
    guangdong = [a for a in factory.agencies if a.region_id.startswith("44")]
    cases: list[Case] = []
    results: list[dict[str, Any]] = []
    parties: dict[int, dict[str, str]] = {}

    def add(county: str, lead_at: dt.datetime, **changes: Any) -> Case:
        case, result = factory.build(len(cases), tag="WARN")
        if guangdong and county.startswith("44"):
            case.agency = guangdong[0]
            case.created_by = factory.creators[guangdong[0].pk]
        _place(case, county)
        case.lead_received_at = case.screened_at = lead_at
        if case.suspected_since:
            case.suspected_since = lead_at
        for name, value in changes.items():
            setattr(case, name, value)
        cases.append(case)
        results.append(result)
        return case

    # 案件激增 + 案件集中: 18 online-trade leads in one district last month.
    for index in range(18):
        add(SURGE_COUNTY, _last_month_day(now, 2 + index % 25), domain=CampaignDomain.ONLINE_TRADE)
    for index in range(3):  # the rest of the city is quiet
        add(NEIGHBOUR_COUNTY, now - dt.timedelta(days=20 + 15 * index), domain=CampaignDomain.ONLINE_TRADE)
    # 跨区域蔓延: one trading company in five provinces within 90 days; one brand newly counterfeited widely.
    for index, county in enumerate(SPREAD_COUNTIES):
        case = add(county, now - dt.timedelta(days=10 + 12 * index))
        parties[id(case)] = SPREAD_PARTY
    for index in range(12):
        add(
            SPREAD_COUNTIES[index % len(SPREAD_COUNTIES)],
            now - dt.timedelta(days=5 + 6 * index),
            right_holder=SPREAD_BRAND,
        )
    save_demo_cases(cases, results, factory.rng, party_of=lambda c: parties.get(id(c), {}), action="demo.seed.warnings")
    # 举报集中: six reports about one online shop in Hangzhou within a week.
    for index in range(6):
        tip_submit(
            data={
                "domain": CampaignDomain.ONLINE_TRADE,
                "description": f"{TIP_TARGET}销售的耳机疑似假冒，包装印刷粗糙（演示举报 {index + 1}）。",
                "address": "浙江省杭州市西湖区",
                "target_name": TIP_TARGET,
                "anonymous": True,
            },
            now=now - dt.timedelta(days=1, hours=20 * index),
        )
    return sweep(now=now)
