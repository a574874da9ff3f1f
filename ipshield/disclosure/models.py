"""Publication of administrative penalty decisions (案件信息公开, 国发〔2014〕6号)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ipshield.cases.models import Case
from ipshield.core.models import Agency, RegionScopedModel
from ipshield.disclosure.choices import DisclosureStatus


class Disclosure(RegionScopedModel):
    """The six required fields, masked, with the 20-working-day clock from the decision."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="disclosures")
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="disclosure")
    domain = models.CharField(max_length=32)
    decision_number = models.CharField(_("行政处罚决定书文号"), max_length=100)
    subject = models.CharField(_("被处罚的自然人姓名或企业名称"), max_length=200)
    legal_representative = models.CharField(_("法定代表人"), max_length=64, blank=True)
    facts = models.TextField(_("违法事实"))
    penalty = models.TextField(_("处罚种类和依据"))
    # The same decision in fields, so that each reader sees it in their own language.
    penalty_kinds = models.JSONField(_("处罚种类"), default=list, blank=True)
    fine_amount = models.DecimalField(_("罚款金额（元）"), max_digits=14, decimal_places=2, null=True, blank=True)
    legal_basis = models.CharField(_("处罚依据"), max_length=255, blank=True)
    performance = models.CharField(_("履行方式和期限"), max_length=255)
    agency_name = models.CharField(_("作出处罚决定的机关"), max_length=128)
    decided_on = models.DateField(_("处罚决定日期"))
    status = models.CharField(max_length=16, choices=DisclosureStatus.choices, default=DisclosureStatus.DRAFT)
    due_at = models.DateTimeField(_("公开期限"))
    published_at = models.DateTimeField(null=True, blank=True)
    change_note = models.CharField(_("变更说明"), max_length=500, blank=True)
    withheld_reason = models.CharField(_("不予公开理由"), max_length=500, blank=True)
    withheld_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    search_text = models.TextField(blank=True)

    class Meta:
        ordering = ["-decided_on", "-id"]
        indexes = [
            models.Index(fields=["status", "-decided_on"], name="disclosure_status_recent"),
            models.Index(fields=["status", "region_province", "-decided_on"], name="disclosure_province"),
            models.Index(fields=["status", "due_at"], name="disclosure_due"),
            # The public list: newest public decisions first, without sorting the whole table.
            models.Index(
                fields=["-decided_on", "-id"],
                name="disclosure_public_recent",
                condition=models.Q(status__in=["published", "withdrawn"]),
            ),
            # The public list filtered by domain (and a date range), newest first.
            models.Index(
                fields=["domain", "-decided_on", "-id"],
                name="disclosure_public_domain",
                condition=models.Q(status__in=["published", "withdrawn"]),
            ),
        ]

    def __str__(self) -> str:
        return self.decision_number


__all__ = ["DisclosureStatus"]
