"""Risk alerts (风险预警) raised by the daily sweep (stats.sweep) from the rules in
data/warning-rules.yaml; owned by the leading-group office of the alert's region."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import CampaignDomain
from ipshield.core.models import Agency, RegionScopedModel
from ipshield.stats.choices import AlertLevel, AlertStatus, AssessmentStatus, WarningRuleId


class Alert(RegionScopedModel):
    """One situation a rule found (a region × domain surge in a month, a brand spreading in a
    quarter...). The sweep refreshes its figures while it lasts; people assess and close it.

    Seen by its owner office and by the coordinators and procurators whose region contains it
    (JurisdictionQuerySet.visible_to with `owner` as the owning agency)."""

    jurisdiction_agency_field = "owner"

    owner = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="alerts", verbose_name=_("责任单位"))
    rule = models.CharField(_("预警规则"), max_length=32, choices=WarningRuleId.choices)
    rule_version = models.CharField(_("规则版本"), max_length=10)
    key = models.CharField(max_length=300, help_text="the situation: one alert per rule and key")
    level = models.CharField(_("预警等级"), max_length=8, choices=AlertLevel.choices)
    subject = models.CharField(_("预警对象"), max_length=200, blank=True)
    message = models.CharField(max_length=500, help_text="msgid; figures fill it when shown")
    figures = models.JSONField(_("依据数据"), default=dict)
    status = models.CharField(_("状态"), max_length=10, choices=AlertStatus.choices, default=AlertStatus.OPEN)
    first_seen_at = models.DateTimeField(_("首次发现"))
    last_seen_at = models.DateTimeField(_("最近一次确认"))
    assessment = models.TextField(_("研判意见"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assessed_at = models.DateTimeField(_("研判时间"), null=True, blank=True)
    closing_note = models.TextField(_("处置情况"), blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(_("关闭时间"), null=True, blank=True)

    class Meta:
        ordering = ["-last_seen_at", "-id"]
        verbose_name = _("风险预警")
        verbose_name_plural = _("风险预警")
        constraints = [models.UniqueConstraint(fields=["rule", "key"], name="alert_rule_key_unique")]
        indexes = [
            models.Index(fields=["owner", "status", "-last_seen_at"], name="alert_owner_open"),
            models.Index(fields=["region_province", "status", "-last_seen_at"], name="alert_province_open"),
            models.Index(fields=["status", "-last_seen_at"], name="alert_status_recent"),
        ]

    def __str__(self) -> str:
        return self.headline

    @property
    def headline(self) -> str:
        """The rule, what it is about and where, in words (a domain's or region's name, never a code)."""
        from ipshield.core.models import Region

        place = Region.full_name_of(self.region_code) if self.region_code not in ("", "000000") else ""
        parts = [str(self.get_rule_display()), self.subject_display, place]
        return " · ".join(p for p in parts if p)

    @property
    def subject_display(self) -> str:
        """What the alert is about in words: a domain's name, never its id."""
        if (
            self.rule in (WarningRuleId.CASE_SURGE, WarningRuleId.CONCENTRATION)
            and self.subject in CampaignDomain.values
        ):
            return str(CampaignDomain(self.subject).label)
        return self.subject

    @property
    def explanation(self) -> str:
        """The finding in the reader's language, its figures filled in."""
        figures: dict[str, Any] = dict(self.figures or {})
        for name, value in figures.items():
            if isinstance(value, list):
                figures[name] = gettext("、").join(str(v) for v in value)
        figures["subject"] = self.subject_display
        try:
            return gettext(self.message) % figures
        except (KeyError, TypeError, ValueError):
            return gettext(self.message)


class ReportSubmission(RegionScopedModel):
    """月报报送: an administrative agency's head confirms its figures for a month (filled from its
    records, never typed) by the 10th of the next month (the deadline module rolls a rest day over).
    Missing, late and all-zero (零申报) returns are listed for the coordinating office."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="report_submissions")
    month = models.DateField(_("月份"), help_text="the first day of the month reported")
    figures = models.JSONField(_("报送数据"), default=dict)
    zero = models.BooleanField(_("零申报"), default=False)
    note = models.CharField(_("说明"), max_length=500, blank=True)
    due_at = models.DateTimeField(_("报送期限"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("报送时间"))

    class Meta:
        ordering = ["-month", "agency_id"]
        verbose_name = _("月报报送")
        verbose_name_plural = _("月报报送")
        constraints = [models.UniqueConstraint(fields=["agency", "month"], name="submission_agency_month_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.month:%Y-%m}"

    @property
    def late(self) -> bool:
        return self.submitted_at > self.due_at


class Assessment(RegionScopedModel):
    """One region's assessment under one scheme for one year (考核): figures computed from the
    records, manual items self-assessed with evidence, the reviewing office's adjustments with
    reasons, the final score and rank, and an appeal. Owned by the assessed region's leading-group
    office; the office above reviews it."""

    jurisdiction_agency_field = "owner"

    owner = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("被考核单位")
    )
    scheme = models.CharField(_("考核方案"), max_length=64)
    year = models.PositiveSmallIntegerField(_("年度"))
    status = models.CharField(
        _("状态"), max_length=12, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    figures = models.JSONField(_("考核数据"), default=dict, help_text="figure key → {value, page}")
    figures_at = models.DateTimeField(_("数据统计时间"), null=True, blank=True)
    self_scores = models.JSONField(_("自评"), default=dict, help_text="item → {points, note}")
    adjustments = models.JSONField(_("复核调整"), default=dict, help_text="item → {points, reason, by}")
    vetoes = models.JSONField(_("一票否决"), default=list, blank=True)
    total = models.DecimalField(_("总分"), max_digits=7, decimal_places=2, null=True, blank=True)
    rank = models.PositiveSmallIntegerField(_("排名"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("提交自评时间"), null=True, blank=True)
    finalized_at = models.DateTimeField(_("定分时间"), null=True, blank=True)
    appeal = models.TextField(_("申诉理由"), blank=True)
    appeal_answer = models.TextField(_("申诉答复"), blank=True)

    class Meta:
        ordering = ["-year", "scheme", "region_code"]
        verbose_name = _("考核")
        verbose_name_plural = _("考核")
        constraints = [
            models.UniqueConstraint(fields=["scheme", "year", "region_code"], name="assessment_scheme_year_region")
        ]

    def __str__(self) -> str:
        return f"{self.scheme} {self.year} {self.region_code}"
