"""Regions, agencies, users, API tokens, the audit log and content-addressed attachments."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ipshield.core import regions
from ipshield.core.choices import AgencyKind, AgencyLevel, EvidenceKind, Role
from ipshield.core.jurisdiction import JurisdictionQuerySet


def validate_region_code_exists(code: str) -> None:
    if not regions.is_region_code(code) or (
        code != regions.NATIONAL_CODE and not Region.objects.filter(code=code).exists()
    ):
        raise ValidationError(_("未知的行政区划代码：%(code)s"), code="unknown_region", params={"code": code})


class Region(models.Model):
    """行政区划 (GB/T 2260). The national root is the pseudo-code 000000."""

    code = models.CharField(_("区划代码"), max_length=6, primary_key=True)
    name = models.CharField(_("名称"), max_length=64)
    level = models.CharField(_("级别"), max_length=16, choices=AgencyLevel.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    pinyin = models.CharField(max_length=128, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("行政区划")
        verbose_name_plural = _("行政区划")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def full_name(self) -> str:
        names = []
        node: Region | None = self
        while node is not None and node.code != regions.NATIONAL_CODE:
            if node.name not in {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}:
                names.append(node.name)
            node = node.parent
        return "".join(reversed(names)) or self.name

    @classmethod
    def full_name_of(cls, code: str) -> str:
        """北京市朝阳区 for 110105: a region in words wherever a code would otherwise be shown."""
        region = cls.objects.filter(code=code).select_related("parent__parent").first()
        return region.full_name if region is not None else ""

    @classmethod
    def rows_parent(cls, code: str) -> str:
        """Whose children a person means by "the regions below `code`": a municipality's only
        prefecture (北京市 → 市辖区) is skipped, so Beijing's regions are its districts."""
        while len(regions.subtree_prefix(code)) < 6:
            children = list(cls.objects.filter(parent_id=code).values_list("code", flat=True)[:2])
            if len(children) != 1:
                break
            code = children[0]
        return code

    @classmethod
    def below(cls, code: str) -> list[tuple[str, str]]:
        """(code, name) of the regions one level below `code` as a person names them (see rows_parent)."""
        parent = cls.rows_parent(code)
        return list(cls.objects.filter(parent_id=parent).order_by("code").values_list("code", "name"))


class RegionScopedModel(models.Model):
    """A record that belongs to one agency and one region; scoped by JurisdictionQuerySet.

    province/prefecture columns are derived from region_code so that a subtree query is an
    indexed equality on both SQLite and PostgreSQL, not a LIKE.
    """

    region_code = models.CharField(_("区划代码"), max_length=6, validators=[validate_region_code_exists])
    region_province = models.CharField(max_length=2, editable=False, db_index=True)
    region_prefecture = models.CharField(max_length=4, editable=False, db_index=True)

    objects: ClassVar[Any] = JurisdictionQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: object, **kwargs: object) -> None:
        self.region_province = regions.province_of(self.region_code)
        self.region_prefecture = regions.prefecture_of(self.region_code)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Agency(models.Model):
    """An administrative, judicial or coordinating body (机关)."""

    code = models.SlugField(_("机构代码"), max_length=64, unique=True)
    name = models.CharField(_("名称"), max_length=128)
    kind = models.CharField(_("类别"), max_length=32, choices=AgencyKind.choices)
    level = models.CharField(_("级别"), max_length=16, choices=AgencyLevel.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="agencies", verbose_name=_("行政区划"))
    is_active = models.BooleanField(_("启用"), default=True)
    short_name = models.CharField(
        _("机关代字"),
        max_length=16,
        blank=True,
        help_text=_("文书编号的机关代字，如“京市监”；留空时取机构名称的前两个字"),
    )

    class Meta:
        ordering = ["region_id", "kind", "name"]
        verbose_name = _("机构")
        verbose_name_plural = _("机构")
        indexes = [models.Index(fields=["kind", "region"])]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """One person with one role in one agency."""

    role = models.CharField(_("角色"), max_length=32, choices=Role.choices, default=Role.OFFICER)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="users", verbose_name=_("所属机构")
    )
    display_name = models.CharField(_("姓名"), max_length=64, blank=True)
    title = models.CharField(_("职务"), max_length=64, blank=True, help_text=_("留空时显示角色名称"))

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def __str__(self) -> str:
        """张三（执法人员）: people are shown by name and title, never by login name when a name exists."""
        if not self.display_name:
            return self.username
        return gettext("%(name)s（%(title)s）") % {
            "name": self.display_name,
            "title": self.title or self.get_role_display(),
        }

    def clean(self) -> None:
        super().clean()
        if self.role not in {Role.ADMIN, Role.AUDITOR} and self.agency_id is None and not self.is_superuser:
            raise ValidationError({"agency": _("除系统管理员外，每个用户必须属于一个机构。")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A new password ends every API token of the account, whatever path changed it (own page,
        # admin, reset, shell): tokens must not outlive the credentials that issued them.
        password_changed = getattr(self, "_password", None) is not None and self.pk is not None
        super().save(*args, **kwargs)
        if password_changed:
            ApiToken.objects.filter(user=self, revoked_at__isnull=True).update(revoked_at=timezone.now())

    @property
    def is_system_admin(self) -> bool:
        return self.is_superuser or self.role == Role.ADMIN


class ApiToken(models.Model):
    """Bearer token for other systems (banks, other agencies). Only a hash is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("接口令牌")
        verbose_name_plural = _("接口令牌")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"


class AuditEvent(models.Model):
    """One row of the append-only, hash-chained audit log (审计日志).

    hash = SHA-256(prev_hash + canonical JSON of this row). Database triggers refuse UPDATE and
    DELETE (migration 0002); `manage.py audit_verify` walks the chain.
    """

    created_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False
    )
    actor_name = models.CharField(max_length=150, blank=True)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False)
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("审计事件")
        verbose_name_plural = _("审计事件")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.action} {self.object_type}:{self.object_id}"


class Blob(models.Model):
    """Content-addressed file body: stored once under its SHA-256."""

    sha256 = models.CharField(max_length=64, primary_key=True)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("文件内容")
        verbose_name_plural = _("文件内容")

    def __str__(self) -> str:
        return self.sha256


class Attachment(models.Model):
    """An uploaded file attached to a record (evidence, photos, documents)."""

    blob = models.ForeignKey(Blob, on_delete=models.PROTECT, related_name="attachments")
    original_name = models.CharField(_("文件名"), max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    description = models.CharField(_("说明"), max_length=255, blank=True)
    kind = models.CharField(_("材料类别"), max_length=32, choices=EvidenceKind.choices, default=EvidenceKind.OTHER)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.blob_id})"


class RateCounter(models.Model):
    """One fixed-window counter of a rate limit, shared by every worker (core.ratelimit).

    Only a hash of the client address is kept, in the key, and only until the window ends.
    """

    counter_key = models.CharField(max_length=120, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("限流计数")
        verbose_name_plural = _("限流计数")

    def __str__(self) -> str:
        return f"{self.counter_key}={self.count}"


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("进行中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("失败")


class Job(models.Model):
    """A piece of background work a person started and watches (an import, a report package):
    its progress and outcome, shown on a page that polls it. Scheduled sweeps have no Job."""

    kind = models.CharField(max_length=64)
    label = models.CharField(_("任务"), max_length=200)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs")
    status = models.CharField(max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=500, blank=True)
    result = models.JSONField(default=dict, blank=True)
    input_path = models.CharField(max_length=500, blank=True)  # a file under DATA_DIR/jobs, deleted when done
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("后台任务")
        verbose_name_plural = _("后台任务")
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.label} ({self.status})"

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else (100 if self.status == JobStatus.DONE else 0)


class ScheduledRun(models.Model):
    """When each periodic task (settings.IPSHIELD_SCHEDULE) was last enqueued (core.tasks)."""

    name = models.CharField(max_length=64, primary_key=True)
    last_enqueued_at = models.DateTimeField()

    class Meta:
        verbose_name = _("定时任务")
        verbose_name_plural = _("定时任务")

    def __str__(self) -> str:
        return self.name


class DocumentCounter(models.Model):
    """文号: one gap-free sequence per agency, kind of document and year (locked row, same transaction
    as the document it numbers, so a refused step uses no number)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=32)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "kind", "year"], name="document_counter_unique")]


def next_document_number(agency: Agency, kind: str, marker: str, year: int) -> str:
    """京市监移〔2026〕12号: the agency's short name, the kind's marker, the year, the next number."""
    counter, _created = DocumentCounter.objects.select_for_update().get_or_create(agency=agency, kind=kind, year=year)
    DocumentCounter.objects.filter(pk=counter.pk).update(last=models.F("last") + 1)
    counter.refresh_from_db(fields=["last"])
    prefix = agency.short_name or agency.name[:2]
    return f"{prefix}{marker}〔{year}〕{counter.last}号"
