"""Rule amendments loaded by administrators on top of the shipped rule data."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RuleAmendment(models.Model):
    """A validated YAML document adding rule versions (effective by their valid_from dates)."""

    loaded_at = models.DateTimeField(_("加载时间"), auto_now_add=True)
    loaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    note = models.CharField(_("说明"), max_length=255, blank=True)
    document = models.TextField(_("YAML 内容"))
    sha256 = models.CharField(max_length=64)
    summary = models.JSONField(default=dict)

    class Meta:
        ordering = ["id"]
        verbose_name = _("规则修订")
        verbose_name_plural = _("规则修订")

    def __str__(self) -> str:
        return f"#{self.pk} {self.note or self.sha256[:12]}"
