"""Choices of the integrity archive: match proposals and credit-repair requests, with their events."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("待确认")
    CONFIRMED = "confirmed", _("已确认合并")
    REJECTED = "rejected", _("已否定")


class MatchEvent(models.TextChoices):
    CONFIRM = "confirm", _("确认合并")
    REJECT = "reject", _("否定")


class RepairStatus(models.TextChoices):
    PENDING = "pending", _("待决定")
    APPROVED = "approved", _("准予修复")
    REJECTED = "rejected", _("不予修复")


class RepairEvent(models.TextChoices):
    APPROVE = "approve", _("准予修复")
    REJECT = "reject", _("不予修复")
