"""Integrity archive (诚信档案), blacklist (失信黑名单) and the bank feed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ipshield.cases.models import Case
from ipshield.core.models import Agency
from ipshield.credit.choices import MatchStatus, RepairStatus


class Enterprise(models.Model):
    """One producer or seller: by USCC when it has one; natural persons and online sellers by name."""

    uscc = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    name = models.CharField(_("名称"), max_length=200)
    name_key = models.CharField(max_length=200, db_index=True)  # matching.canonical(name)
    sound_key = models.CharField(max_length=200, blank=True, db_index=True)  # matching.sound_key(name)
    kind = models.CharField(max_length=16, default="enterprise")
    region_code = models.CharField(max_length=6, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # A record found to be the same subject as another; its timeline moved there (kept for history).
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_records"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("企业")
        verbose_name_plural = _("企业")
        constraints = [
            models.UniqueConstraint(fields=["uscc"], condition=~models.Q(uscc=""), name="enterprise_uscc_unique")
        ]

    def __str__(self) -> str:
        return self.name


class EnterpriseMatch(models.Model):
    """Two records that may be one subject: the score and reasons, and a human's kept decision."""

    first = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="matches_as_first")
    second = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="matches_as_second")
    score = models.PositiveSmallIntegerField(_("匹配分"))
    reasons = models.JSONField(default=list)
    similarity = models.PositiveSmallIntegerField(default=100)
    status = models.CharField(max_length=16, choices=MatchStatus.choices, default=MatchStatus.PROPOSED)
    proposed_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(_("说明"), max_length=500, blank=True)

    class Meta:
        ordering = ["-score", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="enterprise_match_pair_unique"),
            models.CheckConstraint(condition=models.Q(first__lt=models.F("second")), name="enterprise_match_ordered"),
        ]
        indexes = [models.Index(fields=["status", "-score"], name="enterprise_match_queue")]

    @property
    def explanation(self) -> str:
        """The reasons in the reader's language (名称相同 / 繁体/简体不同 / 拼音相同 …)."""
        from django.utils.translation import get_language

        from ipshield.credit.matching import NameMatch

        found = NameMatch(self.score, tuple(self.reasons), self.similarity)
        return found.explain("zh" if (get_language() or "zh").startswith("zh") else "en")


class IntegrityEvent(models.Model):
    """One entry of an enterprise's timeline; published events may be shown to the public."""

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=32)
    occurred_on = models.DateField()
    summary = models.CharField(max_length=500)
    published = models.BooleanField(default=False)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        indexes = [models.Index(fields=["enterprise", "kind", "occurred_on"])]


class BlacklistEntry(models.Model):
    enterprise = models.ForeignKey(Enterprise, on_delete=models.PROTECT, related_name="blacklist_entries")
    basis = models.CharField(_("列入方式"), max_length=16)  # rule | decision
    rule_id = models.CharField(max_length=64, blank=True)
    legal_basis = models.CharField(_("依据"), max_length=500)
    authority = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("决定机关"))
    starts_on = models.DateField(_("列入日期"))
    planned_end = models.DateField(_("计划移出日期"))
    removed_on = models.DateField(_("移出日期"), null=True, blank=True)
    removal_reason = models.CharField(_("移出理由"), max_length=500, blank=True)
    listed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["enterprise", "removed_on"])]


class CreditRepairRequest(models.Model):
    """信用修复申请: a listed enterprise shows it has corrected its conduct; an officer of the
    listing authority decides within the period of the rule data; approval removes the listing."""

    entry = models.ForeignKey(BlacklistEntry, on_delete=models.PROTECT, related_name="repair_requests")
    applicant = models.CharField(_("申请人（经办人）"), max_length=64)
    contact = models.CharField(_("联系电话"), max_length=32)
    statement = models.TextField(_("纠正失信行为、履行义务的情况"))
    status = models.CharField(max_length=16, choices=RepairStatus.choices, default=RepairStatus.PENDING)
    submitted_at = models.DateTimeField()
    due_at = models.DateTimeField(_("决定期限"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.CharField(_("决定理由"), max_length=500, blank=True)

    class Meta:
        ordering = ["status", "due_at"]
        indexes = [models.Index(fields=["status", "due_at"], name="credit_repair_queue")]


class CreditFeedEvent(models.Model):
    """The bank feed (企业诚信与银行授信挂钩): append-only, read in id order with a cursor.

    Rows are inserted inside audited transactions, which hold the audit-chain lock, so ids are
    committed in increasing order and a cursor never skips a row that commits later.
    """

    enterprise = models.ForeignKey(Enterprise, on_delete=models.PROTECT, related_name="+")
    entry = models.ForeignKey(BlacklistEntry, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=16)  # listed | changed | removed
    at = models.DateTimeField()
    payload = models.JSONField()

    class Meta:
        ordering = ["id"]


__all__ = ["MatchStatus", "RepairStatus"]
