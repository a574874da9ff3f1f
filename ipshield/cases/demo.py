"""Realistic demo cases across domains and provinces: some above thresholds, some near, some overdue."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Protocol

from django.db import transaction
from django.utils import timezone

from ipshield.cases.choices import CaseStatus, Channel, PartyKind, PenaltyKind
from ipshield.cases.models import Case, CaseScreening, Party
from ipshield.cases.services import case_create, decision_due, filing_due
from ipshield.core.audit import audit_record
from ipshield.core.choices import AgencyKind, CampaignDomain
from ipshield.core.identifiers import USCC_ALPHABET, organisation_code_check_char, uscc_check_char
from ipshield.core.models import Agency, Region, User
from ipshield.screening.engine import Facts, screen
from ipshield.screening.services import current_rulebook, screening_as_dict

# (domain, offence, main metric, entry threshold, product categories)
PROFILES: list[tuple[str, str, str, int, list[str]]] = [
    (
        CampaignDomain.TRADEMARK,
        "sell_goods_with_counterfeit_trademark",
        "sales_amount_yuan",
        50000,
        ["运动鞋", "箱包", "白酒", "手表", "化妆品"],
    ),
    (
        CampaignDomain.TRADEMARK,
        "counterfeit_registered_trademark",
        "illegal_business_amount_yuan",
        50000,
        ["服装", "汽车配件", "电池", "润滑油"],
    ),
    (CampaignDomain.TRADEMARK, "illegally_make_sell_trademark_marks", "marks_count", 10000, ["商标标识", "包装盒"]),
    (
        CampaignDomain.COPYRIGHT,
        "copyright_infringement",
        "illegal_business_amount_yuan",
        50000,
        ["盗版图书", "盗版软件", "网络视频"],
    ),
    (CampaignDomain.COPYRIGHT, "sell_infringing_copies", "sales_amount_yuan", 100000, ["盗版光盘", "盗版图书"]),
    (CampaignDomain.PATENT, "counterfeit_patent", "illegal_business_amount_yuan", 200000, ["家用电器", "医疗器械"]),
    (
        CampaignDomain.ONLINE_TRADE,
        "sell_goods_with_counterfeit_trademark",
        "sales_amount_yuan",
        50000,
        ["服装", "化妆品", "数码配件"],
    ),
    (
        CampaignDomain.AGRI_INPUTS,
        "produce_sell_fake_agricultural_inputs",
        "production_loss_yuan",
        20000,
        ["种子", "农药", "化肥", "兽药"],
    ),
    (
        CampaignDomain.AUTO_PARTS,
        "produce_sell_fake_shoddy_products",
        "sales_amount_yuan",
        50000,
        ["刹车片", "轮胎", "机油滤清器"],
    ),
    (
        CampaignDomain.RURAL_MARKET,
        "produce_sell_fake_shoddy_products",
        "sales_amount_yuan",
        50000,
        ["小家电", "食品", "日化用品", "液化气钢瓶"],
    ),
    (
        CampaignDomain.IMPORT_EXPORT,
        "sell_goods_with_counterfeit_trademark",
        "goods_value_yuan",
        150000,
        ["汽车配件", "手表", "电子产品"],
    ),
    (
        CampaignDomain.TRADE_SECRET,
        "infringe_trade_secrets",
        "loss_to_right_holder_yuan",
        300000,
        ["技术图纸", "客户名单"],
    ),
    (
        CampaignDomain.GEOGRAPHICAL_INDICATION,
        "produce_sell_fake_shoddy_products",
        "sales_amount_yuan",
        50000,
        ["茶叶", "大米", "白酒"],
    ),
]
COMPANY_WORDS = ["鑫盛", "华通", "恒远", "佳美", "宏达", "金诚", "瑞丰", "顺发", "永利", "新世纪", "东方", "汇丰源"]
COMPANY_KINDS = ["商贸有限公司", "贸易有限责任公司", "电子商务有限公司", "服饰有限公司", "科技有限公司"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静强磊军洋勇艳杰娟涛明超秀霞平刚"
# The right-holder a product's case names (a pirated book's is a publisher, not a car maker).
RIGHT_HOLDER_OF_PRODUCT = {
    "运动鞋": "某国际体育用品公司",
    "箱包": "某国际奢侈品集团",
    "白酒": "某酒业股份有限公司",
    "手表": "某钟表集团",
    "化妆品": "某化妆品集团",
    "服装": "某服饰集团",
    "汽车配件": "某汽车集团",
    "电池": "某新能源科技公司",
    "润滑油": "某石化润滑油公司",
    "商标标识": "某国际体育用品公司",
    "包装盒": "某酒业股份有限公司",
    "盗版图书": "某出版社",
    "盗版软件": "某软件公司",
    "网络视频": "某网络视频平台公司",
    "盗版光盘": "某音像出版社",
    "家用电器": "某电器股份有限公司",
    "医疗器械": "某医疗器械公司",
    "数码配件": "某电子科技公司",
    "种子": "某种业公司",
    "农药": "某农化股份有限公司",
    "化肥": "某化肥集团",
    "兽药": "某动物保健品公司",
    "刹车片": "某汽车零部件集团",
    "轮胎": "某轮胎股份有限公司",
    "机油滤清器": "某汽车零部件集团",
    "小家电": "某电器股份有限公司",
    "食品": "某食品集团",
    "日化用品": "某日化集团",
    "液化气钢瓶": "某燃气设备公司",
    "电子产品": "某电子科技公司",
    "技术图纸": "某精密机械公司",
    "客户名单": "某供应链管理公司",
    "茶叶": "某茶叶地理标志协会",
    "大米": "某大米地理标志协会",
}
DEMO_SPAN_DAYS = 730  # two years of history: statistics compare a year with the one before
SEASON = [0.8, 0.55, 1.25, 1.0, 0.95, 1.1, 0.85, 0.85, 1.0, 1.0, 1.35, 1.2]  # relative leads per month


def fake_uscc(rng: random.Random, region_code: str) -> str:
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    while not body.isalnum():
        body = "".join(rng.choice("0123456789") for _ in range(8))
    org = body + organisation_code_check_char(body)
    first17 = "91" + region_code + org
    if any(c not in USCC_ALPHABET for c in first17):
        return fake_uscc(rng, region_code)
    return first17 + uscc_check_char(first17)


def _amount(rng: random.Random, threshold: int) -> int:
    band = rng.random()
    if band < 0.25:  # above the threshold
        return int(threshold * rng.uniform(1.0, 6.0))
    if band < 0.40:  # near it (80-99 %)
        return int(threshold * rng.uniform(0.8, 0.99))
    return int(threshold * rng.uniform(0.05, 0.75))


# The article a demo decision cites, by campaign domain (the laws' penalty articles).
PENALTY_BASIS: dict[str, str] = {
    CampaignDomain.TRADEMARK: "《中华人民共和国商标法》第六十条第二款",
    CampaignDomain.ONLINE_TRADE: "《中华人民共和国商标法》第六十条第二款、《中华人民共和国电子商务法》第七十五条",
    CampaignDomain.COPYRIGHT: "《中华人民共和国著作权法》第五十三条",
    CampaignDomain.PATENT: "《中华人民共和国专利法》第六十八条",
    CampaignDomain.GEOGRAPHICAL_INDICATION: "《中华人民共和国商标法》第六十条第二款",
    CampaignDomain.TRADE_SECRET: "《中华人民共和国反不正当竞争法》第二十一条",
    CampaignDomain.DRUGS_COSMETICS: "《化妆品监督管理条例》第五十九条",
    CampaignDomain.AGRI_INPUTS: "《农药管理条例》第五十五条",
}


class Progress(Protocol):
    def write(self, msg: str) -> Any: ...


class DemoCaseFactory:
    """Builds realistic unsaved cases (and their screening) for the demo and the benchmarks."""

    def __init__(self, rng: random.Random, now: dt.datetime) -> None:
        self.rng = rng
        self.now = now
        agencies = list(Agency.objects.filter(kind=AgencyKind.MARKET_REGULATION, level__in=["province", "county"]))
        self.creators = {u.agency_id: u for u in User.objects.filter(role="officer", agency__in=agencies)}
        self.agencies = [a for a in agencies if a.pk in self.creators]
        if not self.agencies:
            raise RuntimeError("no market-regulation agency with an officer: run demo_seed first")
        self.counties: dict[str, list[str]] = {}
        for code in Region.objects.filter(level="county").values_list("code", flat=True):
            self.counties.setdefault(code[:2], []).append(code)
        self.counters: dict[int, int] = {}
        self.rulebook = current_rulebook()  # once: the per-call lookup costs a query
        self.season_rng = random.Random(rng.random())  # its own stream: the other draws stay as they were

    def _seasonal_days_ago(self) -> int:
        """Days back, more often in busy months (3·15, 618, 双11 and year-end campaigns) and fewer
        around the Spring Festival, so the trend charts look like a real year."""
        while True:
            days = self.season_rng.randint(0, DEMO_SPAN_DAYS)
            month = (self.now - dt.timedelta(days=days)).month
            if self.season_rng.random() * max(SEASON) <= SEASON[month - 1]:
                return days

    def build(self, index: int, *, tag: str = "DEMO", explain_result: bool = True) -> tuple[Case, dict[str, Any]]:
        rng, now = self.rng, self.now
        agency = rng.choice(self.agencies)
        domain, offence, metric, threshold, products = rng.choice(PROFILES)
        region = agency.region_id if agency.level == "county" else rng.choice(self.counties[agency.region_id[:2]])
        lead_at = now - dt.timedelta(
            days=self._seasonal_days_ago(), hours=rng.randint(0, 10), minutes=rng.randint(0, 59)
        )
        conduct = (lead_at - dt.timedelta(days=rng.randint(5, 200))).date()
        facts: dict[str, Any] = {metric: _amount(rng, threshold)}
        if metric in {"sales_amount_yuan", "illegal_business_amount_yuan"} and rng.random() < 0.3:
            facts["illegal_gains_yuan"] = int(facts[metric] * rng.uniform(0.2, 0.5))
        if offence in {"counterfeit_registered_trademark", "illegally_make_sell_trademark_marks"}:
            facts["trademark_kinds"] = rng.choice([1, 1, 1, 2, 3])
        prior_note = ""
        if rng.random() < 0.1:
            facts["prior_penalty_within_2y"] = True
            prior_note = "外地行政处罚决定书（演示数据），见案卷附件"
        product = rng.choice(products)
        company = rng.choice(COMPANY_WORDS) + rng.choice(COMPANY_KINDS)
        age_days = (now - lead_at).days
        # Older cases have mostly moved on; a few stall, which is what the overdue queues are for.
        weights = (
            [40, 20, 30, 5, 0, 5] if age_days < 30 else [2, 4, 10, 14, 66, 4] if age_days < 150 else [1, 1, 3, 5, 86, 4]
        )
        status = rng.choices(STATUSES, weights=weights)[0]
        self.counters[agency.pk] = self.counters.get(agency.pk, 0) + 1
        case = Case(
            agency=agency,
            number=f"{agency.code.upper()}-{tag}-{self.counters[agency.pk]:07d}",
            title=f"{company}销售假冒{product}案"
            if domain != CampaignDomain.TRADE_SECRET
            else f"{company}侵犯商业秘密案",
            domain=domain,
            product_category=product,
            channel=Channel.ONLINE_PLATFORM
            if domain == CampaignDomain.ONLINE_TRADE
            else rng.choice([Channel.OFFLINE_MARKET, Channel.FACTORY, Channel.ONLINE_PLATFORM, Channel.RURAL_MARKET]),
            offence=offence,
            conduct_date=conduct,
            right_holder=RIGHT_HOLDER_OF_PRODUCT.get(product, "某权利人"),
            facts_text=(
                f"执法人员检查{company}经营场所时发现涉嫌假冒的{product}，现场查扣并登记保存。"
                if domain != CampaignDomain.TRADE_SECRET
                else f"权利人举报{company}以不正当手段获取并使用其{product}，执法人员调取了相关材料。"
            ),
            facts=facts,
            prior_penalty_note=prior_note,
            status=status,
            lead_received_at=lead_at,
            region_code=region,
            region_province=region[:2],
            region_prefecture=region[:4],
            filing_due_at=filing_due(lead_at, extended=False),
            created_by=self.creators[agency.pk],
        )
        if status not in {CaseStatus.LEAD, CaseStatus.NOT_FILED}:
            case.filed_at = min(lead_at + dt.timedelta(days=rng.randint(1, 20)), now)
            case.decision_due_at = decision_due(case.filed_at, extended=False)
        if status in {CaseStatus.DECIDED, CaseStatus.CLOSED}:
            decided_at = min(lead_at + dt.timedelta(days=rng.randint(25, 100)), now)
            case.decided_at = decided_at
            case.penalty_kinds = [PenaltyKind.FINE, PenaltyKind.CONFISCATE_GOODS]
            case.fine_amount = Decimal(rng.randint(2, 200) * 1000)
            # 涉案金额 as found: the figures' money, else a multiple of the fine; a den in one case of eight
            # (from the index, not the random stream, so that the rest of the demo stays as it was).
            money = [Decimal(str(v)) for k, v in facts.items() if k.endswith("_yuan") and isinstance(v, (int, float))]
            case.amount_involved = max(money) if money else case.fine_amount * (2 + index % 4)
            case.dens_destroyed = 1 if index % 8 == 0 else 0
            case.decision_number = f"{agency.name[:2]}市监处罚〔{decided_at.year}〕{index + 1}号"
            case.penalty_basis = PENALTY_BASIS.get(domain, "《中华人民共和国产品质量法》第五十条")
            if status == CaseStatus.CLOSED:
                case.closed_at = min(decided_at + dt.timedelta(days=rng.randint(1, 30)), now)
        case.next_due_at = case.running_deadline()  # bulk inserts skip save()
        rulebook = self.rulebook
        screening = screen(
            rulebook,
            Facts.build(
                rulebook, offence=offence, conduct_date=conduct, handling_date=timezone.localdate(lead_at), values=facts
            ),
        )
        case.screening_outcome = case.own_outcome = screening.outcome.value
        case.screened_at = lead_at
        if screening.outcome.value == "suspected_crime":
            case.suspected_since = lead_at
            if status == CaseStatus.CLOSED:
                case.close_reason = rng.choice(["当事人已全额缴纳罚款", "涉案数额计算存在争议", "数额存疑"])
        result = screening_as_dict(rulebook, screening, language="zh-hans") if explain_result else {}
        return case, result


STATUSES = [
    CaseStatus.LEAD,
    CaseStatus.FILED,
    CaseStatus.INVESTIGATING,
    CaseStatus.DECIDED,
    CaseStatus.CLOSED,
    CaseStatus.NOT_FILED,
]


def seed_cases(count: int, *, progress: Progress | None = None, seed: int = 20121) -> int:
    """Create `count` demo cases unless demo cases already exist; returns how many were created."""
    if count <= 0 or Case.objects.filter(number__contains="-DEMO-").exists():
        return 0
    factory = DemoCaseFactory(random.Random(seed), timezone.now())
    cases: list[Case] = []
    results: list[dict[str, Any]] = []
    for index in range(count):
        case, result = factory.build(index)
        cases.append(case)
        results.append(result)
        if progress is not None and (index + 1) % 1000 == 0:
            progress.write(f"  demo cases: {index + 1}/{count}")
    save_demo_cases(cases, results, factory.rng)
    seed_split_cases()
    return len(cases)


def save_demo_cases(
    cases: list[Case],
    results: list[dict[str, Any]],
    rng: random.Random,
    party_of: Callable[[Case], dict[str, str]] | None = None,
    action: str = "demo.seed.cases",
) -> None:
    """Save built demo cases with their screenings and one enterprise party each (`party_of` names
    it; by default a made-up trader of the case's region)."""
    with transaction.atomic():
        Case.objects.bulk_create(cases, batch_size=500)
        CaseScreening.objects.bulk_create(
            [
                CaseScreening(
                    case=case,
                    offence=result["offence"],
                    outcome=result["outcome"],
                    rule_version=result["rule_version"],
                    handling_date=timezone.localdate(case.lead_received_at),
                    facts=case.facts,
                    result=result,
                )
                for case, result in zip(cases, results, strict=True)
            ],
            batch_size=500,
        )
        parties = []
        for c in cases:
            named = party_of(c) if party_of else {}
            parties.append(
                Party(
                    case=c,
                    kind=PartyKind.ENTERPRISE,
                    name=named.get("name") or c.title.split("销售")[0].split("侵犯")[0],
                    uscc=named.get("uscc") or fake_uscc(rng, c.region_code),
                    legal_representative=rng.choice(SURNAMES) + rng.choice(GIVEN),
                )
            )
        Party.objects.bulk_create(parties, batch_size=500)
        audit_record(actor=None, action=action, object_type="system", after={"cases": len(cases)})


# One trader, three small cases in three provinces: none reaches 5万 alone, together they do (累计计算).
SPLIT_PARTY = {"kind": PartyKind.ENTERPRISE, "name": "鑫盛鞋业商贸有限公司", "uscc": "91350100M000100Y43"}
SPLIT_CASES = [
    ("beijing", 22000, "北京市朝阳区"),
    ("shanghai", 18000, "上海市静安区"),
    ("guangdong", 16000, "广东省广州市"),
]


def seed_split_cases() -> None:
    """Through the real services, so the sums, the banner and the 拆分案件 queue show what a user would see."""
    now = timezone.now()
    for index, (pinyin, amount, place) in enumerate(SPLIT_CASES):
        officer = User.objects.filter(username=f"officer.{pinyin}").first()
        if officer is None:
            continue
        case_create(
            actor=officer,
            data={
                "title": f"{SPLIT_PARTY['name']}{place}门店销售假冒运动鞋案",
                "domain": CampaignDomain.TRADEMARK,
                "offence": "sell_goods_with_counterfeit_trademark",
                "conduct_date": (now - dt.timedelta(days=40 + 10 * index)).date(),
                "facts": {"sales_amount_yuan": amount},
                "facts_text": f"执法人员在{place}门店查获假冒运动鞋，当事人称仅零星销售。",
                "right_holder": RIGHT_HOLDER_OF_PRODUCT["运动鞋"],
                "product_category": "运动鞋",
            },
            parties=[SPLIT_PARTY],
            now=now - dt.timedelta(days=20 - 5 * index),
        )
