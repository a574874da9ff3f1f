"""Transfers of suspected crimes to the police (两法衔接, 国务院令第310号 as amended by 第730号)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ipshield.cases.models import Case, Party
from ipshield.core.models import Agency, RegionScopedModel
from ipshield.transfers.choices import (
    CriminalStepKind,
    OfficialClueDecision,
    OfficialClueKind,
    OfficialClueStatus,
    SupervisionQueue,
    TransferGround,
    TransferStatus,
)


class Transfer(RegionScopedModel):
    """One transfer of one administrative case. Status changes only through transfers.workflow."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="transfers", verbose_name=_("案件"))
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="transfers_out", verbose_name=_("移送机关")
    )
    police_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="transfers_in", verbose_name=_("接收的公安机关")
    )
    procuratorate = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="transfers_copied",
        verbose_name=_("抄送的检察院"),
    )
    ground = models.CharField(
        _("移送依据"), max_length=32, choices=TransferGround.choices, default=TransferGround.SUSPECTED_CRIME
    )
    report = models.TextField(_("移送报告（涉嫌犯罪的事实与证据）"))
    group_members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="transfer_groups", verbose_name=_("专案组成员")
    )
    status = models.CharField(_("状态"), max_length=32, choices=TransferStatus.choices, default=TransferStatus.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(_("提请时间"))
    status_changed_at = models.DateTimeField(_("进入当前状态的时间"))
    approved_at = models.DateTimeField(_("批准时间"), null=True, blank=True)
    sent_at = models.DateTimeField(_("移送时间"), null=True, blank=True)
    letter_number = models.CharField(_("移送书文号"), max_length=64, blank=True)
    received_at = models.DateTimeField(_("接收时间"), null=True, blank=True)
    decided_at = models.DateTimeField(_("立案决定时间"), null=True, blank=True)
    reconsideration_at = models.DateTimeField(_("提请复议时间"), null=True, blank=True)
    supervision_at = models.DateTimeField(_("建议监督时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    items_handed_over_at = models.DateTimeField(_("涉案物品移交时间"), null=True, blank=True)
    criminal_case_number = models.CharField(_("刑事案件编号"), max_length=64, blank=True)
    head_refusal_reason = models.TextField(_("不批准理由"), blank=True)
    police_refusal_reason = models.TextField(_("不予立案理由"), blank=True)
    reconsideration_reason = models.TextField(_("复议理由"), blank=True)
    explanation = models.TextField(_("不立案理由说明"), blank=True)
    return_reason = models.TextField(_("退回理由"), blank=True)
    manifest = models.JSONField(_("证据清单"), default=dict)
    manifest_hash = models.CharField(_("证据清单哈希"), max_length=64)
    received_manifest_hash = models.CharField(_("接收方确认的清单哈希"), max_length=64, blank=True)
    next_due_at = models.DateTimeField(_("当前期限"), null=True, blank=True)
    next_due_role = models.CharField(max_length=32, blank=True)
    reminded_for = models.CharField(max_length=64, blank=True, help_text="status@due for which a reminder went out")
    revision = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("移送")
        verbose_name_plural = _("移送")
        indexes = [
            models.Index(fields=["status", "next_due_at"], name="transfer_status_due"),
            models.Index(fields=["police_agency", "-proposed_at"], name="transfer_police_recent"),
            models.Index(fields=["procuratorate", "-proposed_at"], name="transfer_proc_recent"),
            models.Index(fields=["agency", "-proposed_at"], name="transfer_agency_recent"),
            models.Index(fields=["next_due_at"], name="transfer_next_due"),
        ]

    def __str__(self) -> str:
        return f"{self.case.number} → {self.police_agency}"

    @classmethod
    def shared_record_ids(cls, agency_id: int) -> models.QuerySet[Transfer, int]:
        # The police see a transfer once it is sent, never while it is only proposed inside the agency.
        return cls.objects.filter(
            models.Q(police_agency_id=agency_id, sent_at__isnull=False)
            | models.Q(procuratorate_id=agency_id)
            | models.Q(shares__agency_id=agency_id)
        ).values_list("id", flat=True)


class TransferShare(models.Model):
    """A transfer shown to another agency (the court after prosecution)."""

    transfer = models.ForeignKey(Transfer, on_delete=models.CASCADE, related_name="shares")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["transfer", "agency"], name="transfer_share_unique")]


class TransferEvent(models.Model):
    """The history of a transfer: one row per step, with who, when and why."""

    transfer = models.ForeignKey(Transfer, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=32)
    from_status = models.CharField(max_length=32)
    to_status = models.CharField(max_length=32)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    note = models.TextField(blank=True)
    due_at = models.DateTimeField(null=True, blank=True, help_text="the deadline this step had")
    late = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "id"]

    @property
    def action_label(self) -> str:
        from ipshield.transfers.choices import TransferAction

        if self.action == "propose":
            return str(_("提请移送"))
        return str(TransferAction(self.action).label) if self.action in TransferAction.values else self.action


class CriminalStep(models.Model):
    """A criminal-procedure step recorded per person (件 and 人): detention, arrest, prosecution, judgment."""

    transfer = models.ForeignKey(Transfer, on_delete=models.CASCADE, related_name="criminal_steps")
    party = models.ForeignKey(Party, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    person_name = models.CharField(_("涉案人员"), max_length=64)
    kind = models.CharField(_("环节"), max_length=32, choices=CriminalStepKind.choices)
    occurred_on = models.DateField(_("日期"))
    result = models.TextField(_("结果"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_on", "id"]
        verbose_name = _("刑事程序环节")
        verbose_name_plural = _("刑事程序环节")


class SupervisionRecord(RegionScopedModel):
    """检察监督: a procuratorate's opinion on a case or transfer, with a reply deadline."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="supervisions", verbose_name=_("检察院"))
    queue = models.CharField(_("监督事项"), max_length=32, choices=SupervisionQueue.choices)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="supervisions")
    transfer = models.ForeignKey(Transfer, null=True, blank=True, on_delete=models.PROTECT, related_name="supervisions")
    addressee = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("被监督机关"))
    opinion = models.TextField(_("监督意见"))
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField()
    reply_due_at = models.DateTimeField(_("回复期限"))
    reply = models.TextField(_("回复"), blank=True)
    replied_at = models.DateTimeField(_("回复时间"), null=True, blank=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("监督记录")
        verbose_name_plural = _("监督记录")

    @classmethod
    def shared_record_ids(cls, agency_id: int) -> models.QuerySet[SupervisionRecord, int]:
        return cls.objects.filter(addressee_id=agency_id).values_list("id", flat=True)


class OfficialClue(RegionScopedModel):
    """公职人员涉案线索: an agency found signs that officials are involved (commercial bribery, duty
    crime, protection) and hands the clue to the procuratorate, which records what it did by a deadline.

    Seen by the reporting agency, the addressed procuratorate and procuratorates above it; never by
    the police or the coordinating offices (the officials may be theirs): see selectors.official_clues_for.
    """

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("报告机关"))
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="official_clues", verbose_name=_("案件"))
    procuratorate = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="official_clues_in", verbose_name=_("接收的检察院")
    )
    kind = models.CharField(_("线索类别"), max_length=32, choices=OfficialClueKind.choices)
    officials = models.CharField(_("涉及人员及职务"), max_length=300, blank=True)
    description = models.TextField(_("线索内容"))
    status = models.CharField(
        _("状态"), max_length=16, choices=OfficialClueStatus.choices, default=OfficialClueStatus.REPORTED
    )
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField(_("移送时间"))
    due_at = models.DateTimeField(_("处理期限"))
    received_at = models.DateTimeField(_("接收时间"), null=True, blank=True)
    decision = models.CharField(_("处理结果"), max_length=32, choices=OfficialClueDecision.choices, blank=True)
    decision_note = models.TextField(_("处理说明"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)

    class Meta:
        ordering = ["-reported_at", "-id"]
        verbose_name = _("公职人员涉案线索")
        verbose_name_plural = _("公职人员涉案线索")
        indexes = [
            models.Index(fields=["procuratorate", "status", "due_at"], name="clue_procuratorate_open"),
            models.Index(fields=["agency", "-reported_at"], name="clue_agency_recent"),
        ]

    @classmethod
    def shared_record_ids(cls, agency_id: int) -> models.QuerySet[OfficialClue, int]:
        return cls.objects.filter(procuratorate_id=agency_id).values_list("id", flat=True)


class Notification(models.Model):
    """In-app inbox: a step addressed to an agency (and role), or a deadline one working day away."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="notifications")
    roles = models.CharField(max_length=200, blank=True, help_text=",role,role, of the agency it is for; empty = all")
    # The title is kept as its Chinese source text (a msgid) with its figures apart, so that each
    # reader sees it in their own language (`text`), not in the language of whoever caused it.
    title = models.CharField(max_length=200)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    read_by = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["agency", "-created_at"])]

    @property
    def text(self) -> str:
        params = {k: gettext(v) if isinstance(v, str) else v for k, v in (self.params or {}).items()}
        try:
            return gettext(self.title) % params if params else gettext(self.title)
        except (KeyError, TypeError, ValueError):  # a catalogue entry that lost a placeholder
            return self.title
