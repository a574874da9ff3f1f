"""Kinds, states and actions of the cooperation records (ARCHITECTURE §6 cooperation routes)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CoopKind(models.TextChoices):
    LEAD = "lead", _("线索通报")
    ASSISTANCE = "assistance", _("案件协查")
    JOINT = "joint", _("联合办案")
    SUPERVISION = "supervision", _("挂牌督办")
    CAMPAIGN = "campaign", _("集群战役")
    CONSULTATION = "consultation", _("疑难案件会商")


class CoopStatus(models.TextChoices):
    SENT = "sent", _("待签收")
    ACKNOWLEDGED = "acknowledged", _("办理中")
    ACCEPTED = "accepted", _("已受理立案")
    FED_BACK = "fed_back", _("已反馈结果")
    DECLINED = "declined", _("已退回")
    WITHDRAWN = "withdrawn", _("已撤回")
    REPLIED = "replied", _("已答复")
    CLOSED = "closed", _("已办结")
    PLANNED = "planned", _("筹备中")
    ACTIVE = "active", _("进行中")
    OPEN = "open", _("征求意见中")
    CONCLUDED = "concluded", _("已结束")


class CoopAction(models.TextChoices):
    """Every step a record can take; each kind's table (workflow.py) allows its own."""

    ACKNOWLEDGE = "acknowledge", _("签收")
    ACCEPT = "accept", _("受理立案")
    DECLINE = "decline", _("退回")
    WITHDRAW = "withdraw", _("撤回")
    FEEDBACK = "feedback", _("反馈结果")
    REPLY = "reply", _("答复")
    RETURN = "return", _("要求补充")
    CONFIRM = "confirm", _("确认办结")
    JOIN = "join", _("确认参加")
    INVITE = "invite", _("邀请参加")
    NOTE = "note", _("记录进展")
    REPORT = "report", _("报告进展")
    COMPLETE_MILESTONE = "complete_milestone", _("报告节点完成")
    ADD_MILESTONE = "add_milestone", _("增加节点")
    MOVE_MILESTONE = "move_milestone", _("调整节点期限")
    REMIND = "remind", _("催办")
    CRITICIZE = "criticize", _("通报批评")
    CLOSE = "close", _("结案评价")
    START = "start", _("启动")
    LINK = "link", _("关联案件")
    CONCLUDE = "conclude", _("结束")


class Participation(models.TextChoices):
    """A participant's part in a record."""

    RECEIVER = "receiver", _("接收单位")
    LEAD_AGENCY = "lead_agency", _("主办单位")
    PARTICIPANT = "participant", _("协办单位")
    SUPPORT = "support", _("专业支持")
    HANDLER = "handler", _("承办单位")
    INVITEE = "invitee", _("受邀单位")
    REGION = "region", _("参战地区")


class ParticipantState(models.TextChoices):
    PENDING = "pending", _("待回复")
    ACKNOWLEDGED = "acknowledged", _("已签收")
    ACCEPTED = "accepted", _("已受理")
    DECLINED = "declined", _("已谢绝")
    REPLIED = "replied", _("已答复")
    JOINED = "joined", _("已参加")


class EntryKind(models.TextChoices):
    NOTE = "note", _("进展")
    EVIDENCE = "evidence", _("证据材料")
    REPLY = "reply", _("答复")
    OPINION = "opinion", _("意见")
    FEEDBACK = "feedback", _("结果反馈")
    REMINDER = "reminder", _("催办")
    ESCALATION = "escalation", _("逾期上报")
    CRITICISM = "criticism", _("通报批评")
    DECISION = "decision", _("处理")
    ASSESSMENT = "assessment", _("总结")


class AssistanceTask(models.TextChoices):
    IDENTITY = "identity", _("核查身份信息")
    BUSINESS_RECORDS = "business_records", _("调取经营记录")
    WAREHOUSE = "warehouse", _("仓库现场检查")
    WITNESS = "witness", _("询问当事人或证人")
    OTHER = "other", _("其他协查事项")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("一般")
    URGENT = "urgent", _("紧急")


class ClosingRating(models.TextChoices):
    GOOD = "good", _("优秀")
    QUALIFIED = "qualified", _("合格")
    UNQUALIFIED = "unqualified", _("不合格")
