"""Demo reports from the public at every stage, through the real services."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from ipshield.core.models import User
from ipshield.tips.models import Tip
from ipshield.tips.services import tip_act, tip_reply, tip_submit

PLACES = [
    ("北京市朝阳区三里屯路", "beijing"),
    ("北京市海淀区中关村大街", "beijing"),
    ("北京市丰台区大红门", "beijing"),
    ("上海市黄浦区南京东路", "shanghai"),
    ("上海市浦东新区张杨路", "shanghai"),
    ("上海市静安区七浦路", "shanghai"),
]
STORIES = [
    ("trademark", "销售假冒运动鞋，价格只有正品三分之一", "某某体育用品店"),
    ("trademark", "店内销售假冒名牌箱包，包装粗糙", "某某皮具商行"),
    ("online_trade", "网店销售假冒化妆品，买到后过敏", "某某美妆旗舰店"),
    ("copyright", "复印店大量复印销售教材", "某某文印社"),
    ("drugs_cosmetics", "药店销售无批准文号的进口药品", "某某大药房"),
    ("agri_inputs", "农资店销售假冒种子，出苗率很低", "某某农资店"),
]


def seed_tips(count: int = 36, seed: int = 9) -> int:
    if Tip.objects.exists():
        return 0
    rng = random.Random(seed)
    now = timezone.now()
    officers = {p: User.objects.filter(username=f"officer.{p}").first() for p in ("beijing", "shanghai")}
    for index in range(count):
        address, province = PLACES[index % len(PLACES)]
        domain, text, target = STORIES[index % len(STORIES)]
        received = now - dt.timedelta(days=rng.randint(0, 40), hours=rng.randint(0, 20))
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
        officer = officers[province]
        if officer is None or tip.agency_id != officer.agency_id:
            continue
        stage = index % 4
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
