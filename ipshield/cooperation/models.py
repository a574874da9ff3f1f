"""Cooperation between agencies and regions: one record per lead, co-investigation request, joint
case, supervised case, campaign or consultation, with its participants, timeline and milestones.

One table for the six kinds: they share who takes part, who sees them, the timeline, deadlines and
the inbox; what is particular to a kind (questions, tasks, period, domains) sits in `details`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from ipshield.cases.models import Case
from ipshield.cooperation.choices import (
    CoopKind,
    CoopStatus,
    EntryKind,
    ParticipantState,
    Participation,
)
from ipshield.core import regions
from ipshield.core.choices import AgencyKind
from ipshield.core.jurisdiction import region_subtree_q
from ipshield.core.models import Agency, RegionScopedModel
from ipshield.tips.models import Tip

SUPERVISING_KINDS = frozenset({AgencyKind.LEADING_GROUP, AgencyKind.PROCURATORATE})


class Cooperation(RegionScopedModel):
    """Owned by the agency that started it (`agency`); shared with its participants (and, for a
    campaign, every agency in a participating region); seen by the coordinators and procurators
    whose region contains the record or one of its participants (JurisdictionQuerySet)."""

    kind = models.CharField(_("类型"), max_length=16, choices=CoopKind.choices)
    number = models.CharField(_("编号"), max_length=64)
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    details = models.JSONField(_("详细信息"), default=dict, blank=True)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="cooperations", verbose_name=_("发起单位")
    )
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.PROTECT, related_name="cooperations", verbose_name=_("关联案件")
    )
    status = models.CharField(_("状态"), max_length=16, choices=CoopStatus.choices)
    due_at = models.DateTimeField(_("办理期限"), null=True, blank=True)
    due_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("待办单位")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("发起时间"))
    status_changed_at = models.DateTimeField(_("进入当前状态的时间"))
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("逾期上报时间"), null=True, blank=True)
    reminded_for = models.CharField(max_length=64, blank=True, help_text="the due date last reminded or escalated")
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("协作事项")
        verbose_name_plural = _("协作事项")
        constraints = [models.UniqueConstraint(fields=["agency", "kind", "number"], name="coop_number_unique")]
        indexes = [
            models.Index(fields=["agency", "kind", "-created_at"], name="coop_agency_kind_recent"),
            models.Index(fields=["kind", "region_province", "-created_at"], name="coop_kind_province_recent"),
            models.Index(fields=["due_agency", "due_at"], name="coop_due_agency"),
            models.Index(fields=["kind", "-created_at"], name="coop_kind_recent"),
            # A list of one kind is counted from this index alone (owner and id are in it), without
            # reading each record: a lead list's count at 100,000 leads went from 83 to 14 ms.
            models.Index(fields=["kind", "agency", "id"], name="coop_kind_owner"),
            models.Index(fields=["due_at"], name="coop_due", condition=Q(due_at__isnull=False)),
            models.Index(fields=["-created_at", "-id"], name="coop_recent"),  # every list's order
            models.Index(fields=["escalated_at"], name="coop_escalated", condition=Q(escalated_at__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @classmethod
    def shared_condition(cls, agency: Agency, *, kind: str | None = None) -> Q:
        """Shared with `agency` (JurisdictionQuerySet): it takes part, its region takes part in a
        campaign, or (a leading-group office or procuratorate) a participant lies in its region.

        `kind` (the list is filtered to it) drops the campaign-region part when it cannot match."""
        parts = Participant.objects.filter(cooperation=OuterRef("pk"))
        condition = Q(Exists(parts.filter(agency_id=agency.pk)))
        if kind in (None, CoopKind.CAMPAIGN):
            condition |= Q(
                Exists(parts.filter(agency__isnull=True, region_code__in=regions.chain_up(agency.region_id)))
            )
        if agency.kind in SUPERVISING_KINDS and regions.subtree_prefix(agency.region_id):
            condition |= Q(Exists(parts.filter(region_subtree_q(agency.region_id))))
        return condition


class Participant(models.Model):
    """An agency taking part (receiver, participant, handler, invitee...) or, with no agency, a
    region taking part in a campaign (every agency in it may link its cases)."""

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="participants")
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("角色"), max_length=16, choices=Participation.choices)
    state = models.CharField(_("状态"), max_length=16, choices=ParticipantState.choices)
    responded_at = models.DateTimeField(_("回复时间"), null=True, blank=True)
    note = models.TextField(_("说明"), blank=True)
    region_code = models.CharField(max_length=6)
    region_province = models.CharField(max_length=2, editable=False)
    region_prefecture = models.CharField(max_length=4, editable=False)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cooperation", "agency"], name="coop_participant_unique", condition=Q(agency__isnull=False)
            ),
            models.UniqueConstraint(
                fields=["cooperation", "region_code"],
                name="coop_region_unique",
                condition=Q(agency__isnull=True),
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "cooperation"], name="coop_part_agency"),
            models.Index(fields=["region_province", "cooperation"], name="coop_part_province"),
            models.Index(fields=["region_prefecture", "cooperation"], name="coop_part_prefecture"),
            models.Index(fields=["region_code", "cooperation"], name="coop_part_region"),
            # A campaign's regions (no agency): read for every reader's shared records.
            models.Index(
                fields=["region_code", "cooperation"], name="coop_part_campaign", condition=Q(agency__isnull=True)
            ),
            # What waits for an agency (its work queue).
            models.Index(
                fields=["agency", "cooperation"],
                name="coop_part_open",
                condition=Q(state__in=["pending", "acknowledged"]),
            ),
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.region_province = regions.province_of(self.region_code)
        self.region_prefecture = regions.prefecture_of(self.region_code)
        super().save(*args, **kwargs)


class EntryQuerySet(models.QuerySet["Entry"]):
    def visible_to(self, user: Any) -> EntryQuerySet:
        """Entries (and so their files) of the records the user may open."""
        return self.filter(cooperation__in=Cooperation.objects.visible_to(user).values("pk"))


class Entry(models.Model):
    """One line of a record's shared timeline: a reply, an opinion, evidence, a reminder..."""

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(_("类型"), max_length=16, choices=EntryKind.choices)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("时间"))
    text = models.TextField(_("内容"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    objects: ClassVar[Any] = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["cooperation", "created_at"], name="coop_entry_timeline")]


class Milestone(models.Model):
    """A supervised case's step with its deadline (督办节点)."""

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("节点"), max_length=200)
    due_at = models.DateTimeField(_("期限"))
    done_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    report = models.TextField(_("完成情况"), blank=True)
    reminded_at = models.DateTimeField(_("催办时间"), null=True, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        indexes = [
            models.Index(fields=["due_at"], name="coop_milestone_open", condition=Q(done_at__isnull=True)),
        ]


class CampaignLink(models.Model):
    """A case, transfer or tip counted in a campaign, linked by the agency that owns it."""

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="links")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="campaign_links")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    dens_destroyed = models.PositiveIntegerField(_("捣毁窝点"), default=0)
    amount_involved = models.DecimalField(_("涉案金额（元）"), max_digits=16, decimal_places=2, default=0)
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField(_("关联时间"))

    class Meta:
        ordering = ["-linked_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["cooperation", "case"], name="coop_campaign_case_unique")]


class CampaignTip(models.Model):
    """A tip (举报线索) counted in a campaign, linked by the agency that handles it."""

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="tip_links")
    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="campaign_links")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField(_("关联时间"))

    class Meta:
        ordering = ["-linked_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["cooperation", "tip"], name="coop_campaign_tip_unique")]
