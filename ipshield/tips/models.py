"""Public tips (举报投诉): the report, its messages, rewards and spot checks."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ipshield.cases.models import Case
from ipshield.core.choices import CampaignDomain
from ipshield.core.models import Agency, RegionScopedModel
from ipshield.tips.choices import RewardStatus, TipStatus


class Tip(RegionScopedModel):
    """One report from the public. No IP address or user agent is ever stored with it."""

    encrypted_fields: ClassVar[tuple[str, ...]] = ("reporter_ciphertext",)  # core.crypto; key rotation
    tracking_number = models.CharField(_("查询编号"), max_length=24, unique=True)
    passphrase_hash = models.CharField(max_length=64)
    domain = models.CharField(_("专项领域"), max_length=32, choices=CampaignDomain.choices)
    description = models.TextField(_("举报内容"))
    address = models.CharField(_("地点"), max_length=255, blank=True)
    target_name = models.CharField(_("被举报对象"), max_length=200, blank=True)
    target_uscc = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    target_url = models.URLField(_("网址或网店链接"), max_length=500, blank=True)
    target_key = models.CharField(
        max_length=200, blank=True, db_index=True, help_text="normalised target for duplicates"
    )
    anonymous = models.BooleanField(_("匿名举报"), default=True)
    insider = models.BooleanField(_("内部人员举报"), default=False)
    reporter_ciphertext = models.TextField(blank=True, help_text="encrypted {name, phone, id_number}")
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="tips", verbose_name=_("承办机构")
    )
    status = models.CharField(_("状态"), max_length=16, choices=TipStatus.choices, default=TipStatus.ROUTED)
    received_at = models.DateTimeField(_("收到时间"))
    accept_due_at = models.DateTimeField(_("受理期限"), null=True, blank=True)
    accept_extended = models.BooleanField(default=False)
    decided_at = models.DateTimeField(_("受理决定时间"), null=True, blank=True)
    concluded_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    notify_due_at = models.DateTimeField(_("告知期限"), null=True, blank=True)
    reporter_notified_at = models.DateTimeField(null=True, blank=True)
    next_due_at = models.DateTimeField(null=True, blank=True)
    result = models.TextField(_("办理结果"), blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates", verbose_name=_("重复举报")
    )
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="tips")
    satisfaction = models.PositiveSmallIntegerField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("举报")
        verbose_name_plural = _("举报")
        indexes = [
            models.Index(fields=["agency", "status", "next_due_at"], name="tip_agency_status_due"),
            models.Index(fields=["region_province", "-received_at"], name="tip_province_recent"),
            models.Index(fields=["domain", "target_key", "-received_at"], name="tip_duplicates"),
            models.Index(fields=["next_due_at"], name="tip_next_due"),
        ]

    def __str__(self) -> str:
        return self.tracking_number


class TipMessage(models.Model):
    """A message on a tip: the agency's replies (seen by the reporter) or the reporter's additions."""

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="messages")
    from_reporter = models.BooleanField(default=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class Reward(models.Model):
    """有奖举报: proposed from the linked case's outcome, approved by the head, paid."""

    tip = models.ForeignKey(Tip, on_delete=models.PROTECT, related_name="rewards")
    level = models.PositiveSmallIntegerField(_("奖励等级"))
    fines_yuan = models.DecimalField(_("罚没款（元）"), max_digits=14, decimal_places=2)
    amount_yuan = models.DecimalField(_("奖励金额（元）"), max_digits=14, decimal_places=2)
    rule_id = models.CharField(max_length=32)
    explanation = models.TextField()
    joint_approval = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=RewardStatus.choices, default=RewardStatus.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    refusal_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-proposed_at"]


class SpotCheck(models.Model):
    """跟踪抽查: a reproducible random sample of one agency's concluded tips for a period."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    period = models.CharField(max_length=7, help_text="YYYY-MM")
    seed = models.CharField(max_length=64)
    ratio_percent = models.PositiveSmallIntegerField()
    drawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    drawn_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "period"], name="spotcheck_once_per_period")]


class SpotCheckItem(models.Model):
    spot_check = models.ForeignKey(SpotCheck, on_delete=models.CASCADE, related_name="items")
    tip = models.ForeignKey(Tip, on_delete=models.PROTECT, related_name="+")
    finding = models.TextField(blank=True)
    satisfactory = models.BooleanField(null=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
