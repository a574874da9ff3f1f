"""Choices of the publication of penalty decisions."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DisclosureStatus(models.TextChoices):
    DRAFT = "draft", _("待公开")
    PUBLISHED = "published", _("已公开")
    WITHHELD = "withheld", _("不予公开")
    WITHDRAWN = "withdrawn", _("已撤回")


class DisclosureEvent(models.TextChoices):
    PUBLISH = "publish", _("公开")
    UPDATE = "update", _("更新")
    WITHDRAW = "withdraw", _("撤回")
    WITHHOLD = "withhold", _("不予公开")
