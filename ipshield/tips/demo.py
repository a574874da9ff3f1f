"""Demo reports from the public at every stage, through the real services."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from ipshield.core.choices import Role
from ipshield.core.demo import PROVINCES
from ipshield.core.models import User
from ipshield.tips.models import Tip
from ipshield.tips.services import tip_act, tip_reply, tip_submit

PLACES = [
    ("北京市朝阳区三里屯路", "beijing"),
    ("上海市黄浦区南京东路", "shanghai"),
    ("广东省广州市越秀区站西路", "guangdong"),
    ("浙江省金华市义乌市国际商贸城", "zhejiang"),
    ("江苏省苏州市姑苏区石路", "jiangsu"),
    ("福建省泉州市晋江市陈埭镇", "fujian"),
    ("四川省成都市锦江区春熙路", "sichuan"),
    ("北京市海淀区中关村大街", "beijing"),
    ("上海市静安区七浦路", "shanghai"),
    ("北京市丰台区大红门", "beijing"),
    ("广东省深圳市福田区华强北路", "guangdong"),
    ("浙江省杭州市上城区四季青", "zhejiang"),
]
DEMO_SPAN_DAYS = 730
SHOP_WORDS = ["鑫源", "佳品", "惠民", "金利", "万家", "鸿运", "福满", "嘉禾", "华联", "新潮", "百润", "顺达"]
FULL_PROVINCES = {p.pinyin for p in PROVINCES if p.full}
STORIES = [
    ("trademark", "销售假冒运动鞋，价格只有正品三分之一", "某某体育用品店"),
    ("trademark", "店内销售假冒名牌箱包，包装粗糙", "某某皮具商行"),
    ("online_trade", "网店销售假冒化妆品，买到后过敏", "某某美妆旗舰店"),
    ("copyright", "复印店大量复印销售教材", "某某文印社"),
    ("drugs_cosmetics", "药店销售无批准文号的进口药品", "某某大药房"),
    ("agri_inputs", "农资店销售假冒种子，出苗率很低", "某某农资店"),
]


def seed_tips(count: int = 96, seed: int = 9) -> int:
    """Reports in every demo province over two years; the older ones have been handled."""
    if Tip.objects.exists():
        return 0
    rng = random.Random(seed)
    now = timezone.now()
    officers = {u.agency_id: u for u in User.objects.filter(role=Role.OFFICER, is_active=True).order_by("-id")}
    for index in range(count):
        address, province = PLACES[index % len(PLACES)]
        # Provinces with market regulation only get the reports that agency handles.
        stories = STORIES if province in FULL_PROVINCES else STORIES[:3]
        domain, text, target = stories[index % len(stories)]
        target = SHOP_WORDS[rng.randrange(len(SHOP_WORDS))] + target.removeprefix("某某")
        # A third arrive in the last six weeks (the live queues); the rest over two years.
        days_ago = rng.randint(0, 40) if index % 3 == 0 else rng.randint(41, DEMO_SPAN_DAYS)
        received = now - dt.timedelta(days=days_ago, hours=rng.randint(0, 20))
        tip, _passphrase = tip_submit(
            data={
                "domain": domain,
                "description": f"{address}的{target}{text}。",
                "address": address,
                "target_name": target,
                "anonymous": index % 3 != 0,
                "reporter": {"name": "王小明", "phone": "13800000000"} if index % 3 == 0 else None,
            },
            now=received,
        )
        officer = officers.get(tip.agency_id)
        if officer is None:  # routed to an agency without a demo officer: it waits in its queue
            continue
        stage = index % 4 if days_ago <= 40 else 2 + index % 2
        if stage >= 1:
            tip = tip_act(actor=officer, tip=tip, action="accept", now=received + dt.timedelta(days=2))
            tip_reply(actor=officer, tip=tip, text="已安排执法人员现场核查。")
        if stage >= 2:
            tip = tip_act(
                actor=officer,
                tip=tip,
                action="conclude",
                now=received + dt.timedelta(days=12),
                data={"result": "经查属实，已立案查处并没收涉案商品。"},
            )
    return count
