"""Administrative cases (行政处罚案件): parties, seized goods, figures, penalty, screenings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ipshield.cases.choices import CaseStatus, Channel, PartyKind, ScreeningOutcome
from ipshield.core.choices import CampaignDomain
from ipshield.core.identifiers import mask_phone, mask_resident_id
from ipshield.core.models import Agency, RegionScopedModel

# The rows split_case_queue reads (kept equal to its filter so the planner uses the partial indexes).
SPLIT_OPEN_CONDITION = (
    models.Q(status__in=[CaseStatus.LEAD, CaseStatus.FILED, CaseStatus.INVESTIGATING])
    & ~models.Q(own_outcome=ScreeningOutcome.SUSPECTED_CRIME)
    & ~models.Q(cumulative_outcome="")
)


class Case(RegionScopedModel):
    """One administrative case of one agency. Status changes only through cases.workflow."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="cases", verbose_name=_("办案机构"))
    number = models.CharField(_("案件编号"), max_length=64)
    title = models.CharField(_("案件名称"), max_length=200)
    domain = models.CharField(_("专项领域"), max_length=32, choices=CampaignDomain.choices)
    product_category = models.CharField(_("产品类别"), max_length=100, blank=True)
    channel = models.CharField(_("渠道"), max_length=32, choices=Channel.choices, default=Channel.OFFLINE_MARKET)
    offence = models.CharField(_("涉嫌罪名"), max_length=80, blank=True, help_text=_("刑事罪名代码，用于立案标准筛查"))
    conduct_date = models.DateField(_("违法行为日期"), null=True, blank=True)
    right_holder = models.CharField(_("权利人"), max_length=200, blank=True)
    goods_description = models.TextField(_("涉案商品"), blank=True)
    facts_text = models.TextField(_("案情简述"), blank=True)
    facts = models.JSONField(_("涉案数额与情节"), default=dict, blank=True)

    status = models.CharField(_("状态"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.LEAD)
    lead_received_at = models.DateTimeField(_("线索收到时间"))
    filed_at = models.DateTimeField(_("立案时间"), null=True, blank=True)
    decided_at = models.DateTimeField(_("处罚决定时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("结案时间"), null=True, blank=True)
    filing_extended = models.BooleanField(_("立案审查期限已延长"), default=False)
    decision_extended = models.BooleanField(_("办案期限已延长"), default=False)
    filing_due_at = models.DateTimeField(_("立案决定期限"), null=True, blank=True)
    decision_due_at = models.DateTimeField(_("处罚决定期限"), null=True, blank=True)
    next_due_at = models.DateTimeField(
        _("当前期限"), null=True, blank=True, editable=False, help_text="the deadline now running (derived)"
    )

    penalty_kinds = models.JSONField(_("处罚种类"), default=list, blank=True)
    fine_amount = models.DecimalField(_("罚款金额（元）"), max_digits=14, decimal_places=2, null=True, blank=True)
    confiscated_amount = models.DecimalField(
        _("没收违法所得（元）"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    # 涉案金额 and 捣毁窝点 of the market-regulation IP enforcement table, stated with the decision.
    amount_involved = models.DecimalField(
        _("涉案金额（元）"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("经查实的涉案商品货值和违法经营额"),
    )
    dens_destroyed = models.PositiveIntegerField(_("捣毁窝点（个）"), default=0, db_default=0)
    decision_number = models.CharField(_("处罚决定书文号"), max_length=100, blank=True)
    penalty_basis = models.CharField(_("处罚依据"), max_length=255, blank=True)
    close_reason = models.TextField(
        _("不移送理由"), blank=True, help_text=_("涉嫌犯罪案件仅作行政处罚结案时必须说明理由")
    )

    screening_outcome = models.CharField(
        _("筛查结果"), max_length=20, choices=ScreeningOutcome.choices, default=ScreeningOutcome.NOT_SCREENED
    )
    screened_at = models.DateTimeField(_("筛查时间"), null=True, blank=True)
    suspected_since = models.DateTimeField(_("首次筛查为涉嫌犯罪的时间"), null=True, blank=True)
    # 累计计算: the party's open cases of the same offence screened together (cases/cumulative.py).
    # `screening_outcome` is the case's own outcome raised to suspected when the sum is.
    own_outcome = models.CharField(
        _("本案单独筛查结果"), max_length=20, choices=ScreeningOutcome.choices, default=ScreeningOutcome.NOT_SCREENED
    )
    cumulative_outcome = models.CharField(_("累计筛查结果"), max_length=20, blank=True, default="")
    cumulative_key = models.CharField(max_length=40, blank=True, default="", help_text="party key the sum is for")
    cumulative = models.JSONField(default=dict, blank=True)
    # 二年内再犯 found in the platform's own decisions (number, date, agency), or {}.
    prior_penalty = models.JSONField(default=dict, blank=True)
    # Where the officer asserts 二年内受过处罚 from records outside the platform: which (机关、文号、日期).
    prior_penalty_note = models.CharField(_("二年内受过处罚的外部记录说明"), max_length=500, blank=True, default="")

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    revision = models.PositiveIntegerField(default=1, help_text="optimistic lock: bumped by every write")

    class Meta:
        ordering = ["-lead_received_at", "-id"]
        verbose_name = _("案件")
        verbose_name_plural = _("案件")
        constraints = [models.UniqueConstraint(fields=["agency", "number"], name="case_number_unique_per_agency")]
        indexes = [
            models.Index(fields=["agency", "-lead_received_at"], name="case_agency_recent"),
            models.Index(fields=["region_province", "-lead_received_at"], name="case_province_recent"),
            models.Index(fields=["region_prefecture", "-lead_received_at"], name="case_prefecture_recent"),
            models.Index(fields=["status", "filing_due_at"], name="case_status_filing_due"),
            models.Index(fields=["status", "decision_due_at"], name="case_status_decision_due"),
            models.Index(fields=["screening_outcome", "status"], name="case_screening_status"),
            models.Index(fields=["domain"], name="case_domain"),
            # 拆分案件线索 (cases.selectors.split_case_queue): the open members below their own
            # thresholds, grouped by party and offence, nationally and per province.
            models.Index(
                fields=["cumulative_outcome", "cumulative_key", "offence", "id"],
                name="case_split_open",
                condition=SPLIT_OPEN_CONDITION,
            ),
            models.Index(
                fields=["region_province", "cumulative_outcome", "cumulative_key", "offence", "id"],
                name="case_prov_split_open",
                condition=SPLIT_OPEN_CONDITION,
            ),
            # A party's group (cumulative.refresh_cumulative on every write): ~200 ms → 5 ms at 1M.
            models.Index(
                fields=["cumulative_key", "offence"], name="case_cumulative_key", condition=~models.Q(cumulative_key="")
            ),
            # 应移未移 oldest first, for the supervisors' lists.
            models.Index(
                fields=["status", "suspected_since", "id"],
                name="case_suspected_since",
                condition=models.Q(screening_outcome="suspected_crime"),
            ),
            models.Index(
                fields=["region_province", "status", "suspected_since", "id"],
                name="case_prov_suspected_since",
                condition=models.Q(screening_outcome="suspected_crime"),
            ),
            models.Index(fields=["-lead_received_at", "-id"], name="case_recent"),
            # Statistics (stats.reports): per province and period, counted index-only down to counties
            # (1M cases: the 两法衔接 report 760 → 200 ms nationally, 731 → 90 ms for a province).
            *[
                models.Index(
                    fields=["region_province", field, "region_code"],
                    name=f"case_stats_{name}",
                    condition=models.Q(**{f"{field}__isnull": False}),
                )
                for name, field in [("filed", "filed_at"), ("decided", "decided_at"), ("suspected", "suspected_since")]
            ],
            # Scope × the filters officers use most: counts become index-only scans.
            models.Index(fields=["agency", "status"], name="case_agency_status"),
            models.Index(fields=["agency", "screening_outcome", "status"], name="case_agency_screen_status"),
            models.Index(fields=["region_province", "status"], name="case_province_status"),
            models.Index(fields=["region_province", "screening_outcome"], name="case_province_screening"),
            # The running deadline: overdue queues are range scans in deadline order.
            models.Index(fields=["next_due_at"], name="case_next_due", condition=models.Q(next_due_at__isnull=False)),
            models.Index(fields=["agency", "next_due_at"], name="case_agency_next_due"),
            models.Index(fields=["region_province", "next_due_at"], name="case_province_next_due"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def running_deadline(self) -> dt.datetime | None:
        """The statutory deadline running in the current status (filing decision, then penalty decision)."""
        if self.status == CaseStatus.LEAD:
            return self.filing_due_at
        if self.status in (CaseStatus.FILED, CaseStatus.INVESTIGATING):
            return self.decision_due_at
        return None

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.next_due_at = self.running_deadline()
        super().save(*args, **kwargs)

    @classmethod
    def shared_record_ids(cls, agency_id: int) -> models.QuerySet[CaseShare, int]:
        return CaseShare.objects.filter(agency_id=agency_id).values_list("case_id", flat=True)


class CaseShare(models.Model):
    """A case explicitly shared with another agency (transfer, co-investigation, supervision)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="shares")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "agency"], name="case_share_unique")]


class CaseCounter(models.Model):
    """Per agency and year, the last case number issued (locked while numbering)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="case_counter_unique")]


class Party(models.Model):
    """当事人: an enterprise (by USCC) or a natural person (by resident ID)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    kind = models.CharField(_("类型"), max_length=16, choices=PartyKind.choices)
    name = models.CharField(_("名称/姓名"), max_length=200)
    uscc = models.CharField(_("统一社会信用代码"), max_length=18, blank=True, db_index=True)
    resident_id = models.CharField(_("公民身份号码"), max_length=18, blank=True, db_index=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=64, blank=True)
    address = models.CharField(_("地址"), max_length=255, blank=True)
    phone = models.CharField(_("联系电话"), max_length=32, blank=True)
    # A party with no valid key of its own whose integrity-archive record a human merged with another
    # (credit.merging): the surviving record's key ("uscc:…", or "arc:<record id>"), so 累计计算 and
    # 二年内再犯 treat the records as one party. Written by the archive only.
    archive_key = models.CharField(max_length=40, blank=True, default="", db_index=True, editable=False)

    class Meta:
        ordering = ["id"]
        verbose_name = _("当事人")
        verbose_name_plural = _("当事人")

    def __str__(self) -> str:
        return self.name

    @property
    def masked_resident_id(self) -> str:
        return mask_resident_id(self.resident_id) if self.resident_id else ""

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone) if self.phone else ""


class SeizedItem(models.Model):
    """涉案物品: goods seized or recorded in the case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="seized_items")
    name = models.CharField(_("物品名称"), max_length=200)
    quantity = models.DecimalField(_("数量"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("单位"), max_length=16, default="件")
    value_yuan = models.DecimalField(_("价值（元）"), max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("涉案物品")
        verbose_name_plural = _("涉案物品")

    def __str__(self) -> str:
        return self.name


class CaseScreening(models.Model):
    """One screening of a case's figures (history; the latest is mirrored on the case)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="screenings")
    created_at = models.DateTimeField(auto_now_add=True)
    offence = models.CharField(max_length=80)
    outcome = models.CharField(max_length=20, choices=ScreeningOutcome.choices)
    rule_version = models.CharField(max_length=200)
    handling_date = models.DateField()
    facts = models.JSONField(default=dict)
    result = models.JSONField(default=dict)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["case", "-id"])]
