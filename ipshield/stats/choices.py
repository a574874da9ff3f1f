from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AlertLevel(models.TextChoices):
    RED = "red", _("红色预警")
    ORANGE = "orange", _("橙色预警")
    YELLOW = "yellow", _("黄色预警")


class AlertStatus(models.TextChoices):
    OPEN = "open", _("待研判")
    ASSESSED = "assessed", _("已研判，处置中")
    CLOSED = "closed", _("已关闭")


class AlertEvent(models.TextChoices):
    ASSESS = "assess", _("记录研判意见")
    CLOSE = "close", _("关闭预警")


class WarningRuleId(models.TextChoices):
    """The rules of data/warning-rules.yaml (the engine's ids; titles for the pages)."""

    CASE_SURGE = "case_surge", _("案件激增")
    CONCENTRATION = "concentration", _("案件集中")
    SYSTEMIC_SPREAD = "systemic_spread", _("跨区域蔓延")
    WEAK_LINKAGE = "weak_linkage", _("两法衔接薄弱")
    TIP_SPIKE = "tip_spike", _("举报集中")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("自评中")
    SUBMITTED = "submitted", _("已提交自评，待复核")
    FINAL = "final", _("已定分")
    APPEALED = "appealed", _("申诉中")


class AssessmentEvent(models.TextChoices):
    SELF_SCORE = "self_score", _("填写自评")
    SUBMIT = "submit", _("提交自评")
    REVIEW = "review", _("复核调整")
    FINALIZE = "finalize", _("确定分数")
    APPEAL = "appeal", _("提出申诉")
