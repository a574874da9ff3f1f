from django.db import models
from django.utils.translation import gettext_lazy as _


class TipStatus(models.TextChoices):
    RECEIVED = "received", _("已收到")
    ROUTED = "routed", _("已分办")
    ACCEPTED = "accepted", _("已受理")
    REJECTED = "rejected", _("不予受理")
    HANDLING = "handling", _("办理中")
    CONCLUDED = "concluded", _("已办结")


class TipAction(models.TextChoices):
    ACCEPT = "accept", _("受理")
    REJECT = "reject", _("不予受理")
    EXTEND = "extend", _("延长受理期限")
    START = "start", _("开始办理")
    CONCLUDE = "conclude", _("办结")
    REASSIGN = "reassign", _("改派")


class RewardStatus(models.TextChoices):
    PROPOSED = "proposed", _("已提出")
    APPROVED = "approved", _("已批准")
    REFUSED = "refused", _("不予奖励")
    PAID = "paid", _("已发放")


class RewardEvent(models.TextChoices):
    APPROVE = "approve", _("批准奖励")
    REFUSE = "refuse", _("不予奖励")
    PAY = "pay", _("发放奖励")
