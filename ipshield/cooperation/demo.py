"""Demo cooperation records, driven through the real services: a lead Guangdong accepted, a
co-investigation Beijing asked of Guangdong (replied) and one still open, a joint case, a
supervised case with a missed milestone (reminded), a running campaign with linked cases, and a
consultation with the procuratorate's opinion. Idempotent: nothing is added the second time."""

from __future__ import annotations

import datetime as dt
import io

from django.utils import timezone

from ipshield.cases.choices import CaseStatus
from ipshield.cases.models import Case
from ipshield.cooperation.models import Cooperation
from ipshield.cooperation.services import CREATORS, cooperation_act, sweep
from ipshield.core.models import User
from ipshield.tips.models import Tip


def _user(username: str) -> User | None:
    return User.objects.filter(username=username).select_related("agency").first()


def _open_case(user: User, skip: set[int]) -> Case | None:
    return (
        Case.objects.filter(agency_id=user.agency_id or 0, status__in=[CaseStatus.FILED, CaseStatus.INVESTIGATING])
        .exclude(pk__in=skip)
        .order_by("-lead_received_at")
        .first()
    )


def seed_cooperation() -> int:
    if Cooperation.objects.exists():
        return 0
    bj, bj2, gd = _user("officer.beijing"), _user("officer2.beijing"), _user("officer.guangdong")
    bj_coord, national, bj_proc = (
        _user("coordinator.beijing"),
        _user("coordinator.national"),
        _user("procurator.beijing"),
    )
    sh = _user("officer.shanghai")
    if bj is None or bj2 is None or gd is None or bj_coord is None or national is None or bj_proc is None or sh is None:
        return 0
    now = timezone.now()
    used: set[int] = set()
    created = 0
    bj_case = _open_case(bj, used)
    if bj_case is None:
        return 0
    used.add(bj_case.pk)

    lead = CREATORS["lead"](
        actor=bj,
        data={
            "title": "东莞某鞋业公司疑似生产假冒运动鞋",
            "body": "本局查获的假冒运动鞋外包装物流单显示发货地为东莞市某工业园，附物流单据照片。",
            "receivers": [gd.agency_id, sh.agency_id],
            "target_name": "东莞某鞋业有限公司",
            "domain": "trademark",
        },
    )
    cooperation_act(actor=gd, record=lead, action="accept", data={"note": "已立案调查"})
    CREATORS["lead"](
        actor=gd,
        data={
            "title": "上海某网店销售假冒化妆品",
            "body": "广东查处的假冒化妆品案中，下游买家包括上海某网店。",
            "receivers": [sh.agency_id],
            "urgency": "urgent",
            "domain": "drugs_cosmetics",
        },
    )
    assistance = CREATORS["assistance"](
        actor=bj,
        data={
            "title": "协查东莞仓库存货情况",
            "receiver": gd.agency_id,
            "case_id": bj_case.pk,
            "questions": ["东莞某工业园3号仓库内是否存放涉案运动鞋？", "仓库租用人的身份信息？"],
            "tasks": ["warehouse", "identity"],
        },
    )
    cooperation_act(actor=gd, record=assistance, action="acknowledge")
    cooperation_act(
        actor=gd,
        record=assistance,
        action="reply",
        data={
            "answers": ["存放假冒运动鞋约3000双，已查封。", "租用人李某，身份证号已核实（见笔录）。"],
            "note": "现场检查笔录附后",
        },
        uploads=[("现场检查笔录.pdf", io.BytesIO(_pdf()))],
    )
    CREATORS["assistance"](
        actor=bj2,
        data={
            "title": "协查上海某公司经营记录",
            "receiver": sh.agency_id,
            "questions": ["该公司2026年销售涉案商品的数量和金额？"],
            "tasks": ["business_records"],
        },
    )
    joint_case = _open_case(bj, used)
    if joint_case is not None:
        used.add(joint_case.pk)
        joint = CREATORS["joint"](
            actor=bj,
            data={
                "title": "京粤联合查办假冒运动鞋案",
                "case_id": joint_case.pk,
                "participants": [{"agency": gd.agency_id}],
            },
        )
        cooperation_act(actor=gd, record=joint, action="join")
        cooperation_act(actor=gd, record=joint, action="note", data={"note": "东莞生产窝点已捣毁，扣押生产设备5台。"})
    supervised_case = _open_case(bj, used)
    if supervised_case is not None:
        used.add(supervised_case.pk)
        start = now - dt.timedelta(days=20)
        supervision = CREATORS["supervision"](
            actor=bj_coord,
            data={
                "title": f"挂牌督办：{supervised_case.title}"[:200],
                "body": "涉案金额大、涉及多地，列为市级挂牌督办案件。",
                "case_id": supervised_case.pk,
                "milestones": [
                    {
                        "title": "查清货源和销售渠道",
                        "due_date": (timezone.localdate(start) + dt.timedelta(days=10)).isoformat(),
                    },
                    {"title": "作出处理决定", "due_date": (timezone.localdate() + dt.timedelta(days=30)).isoformat()},
                ],
            },
            now=start,
        )
        cooperation_act(
            actor=bj, record=supervision, action="report", data={"note": "已调取物流和支付记录。"}, now=start
        )
    campaign = CREATORS["campaign"](
        actor=national,
        data={
            "title": "2026年运动鞋类商标侵权集群战役",
            "body": "京粤沪联合打击运动鞋类商标侵权，重点是生产源头和网络销售。",
            "start": (timezone.localdate() - dt.timedelta(days=60)).isoformat(),
            "end": (timezone.localdate() + dt.timedelta(days=60)).isoformat(),
            "domains": ["trademark"],
            "product_categories": ["鞋类"],
            "regions": ["110000", "440000", "310000"],
        },
    )
    cooperation_act(actor=national, record=campaign, action="start")
    for user, dens in ((bj, 2), (gd, 3)):
        for case in Case.objects.filter(agency_id=user.agency_id or 0, domain="trademark").order_by(
            "-lead_received_at"
        )[:3]:
            cooperation_act(
                actor=user,
                record=campaign,
                action="link",
                data={"case_id": case.pk, "dens_destroyed": dens, "amount_involved": "120000.00"},
            )
            dens = 0
        for tip in Tip.objects.filter(agency_id=user.agency_id or 0, domain="trademark").order_by("-received_at")[:2]:
            cooperation_act(actor=user, record=campaign, action="link", data={"tip_id": tip.pk})
    consultation = CREATORS["consultation"](
        actor=bj,
        data={
            "title": "未销售假冒商品的货值如何认定",
            "body": "当事人仓库内尚未销售的假冒运动鞋无标价，货值按什么价格计算？",
            "invitees": [bj_proc.agency_id],
            "case_id": bj_case.pk,
        },
    )
    cooperation_act(
        actor=bj_proc,
        record=consultation,
        action="reply",
        data={"note": "无标价的，按被侵权产品的市场中间价格计算（最高法、最高检2004年解释第十二条）。"},
    )
    created = Cooperation.objects.count()
    sweep()  # the missed milestone is reminded, as the hourly sweep would have
    return created


def _pdf() -> bytes:
    """A one-page PDF (the demo's inspection record)."""
    from ipshield.transfers.sample_evidence import blank_pdf

    return blank_pdf("现场检查笔录")
