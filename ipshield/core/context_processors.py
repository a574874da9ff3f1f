"""Navigation for the base layout, by role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import Role


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    items: list[tuple[str, Any]] = []
    if user is not None and user.is_authenticated:
        items.append((reverse("core:home"), _("我的工作")))
        if user.role in {Role.OFFICER, Role.AGENCY_HEAD, Role.COORDINATOR, Role.PROCURATOR, Role.POLICE, Role.JUDGE}:
            items.append((reverse("cases:list"), _("案件")))
            items.append((reverse("transfers:list"), _("移送")))
        # Reports and publication are the administrative side's work (and its supervisors').
        if user.role in {Role.OFFICER, Role.AGENCY_HEAD, Role.COORDINATOR}:
            items.append((reverse("tips:list"), _("举报")))
            items.append((reverse("disclosure:review_list"), _("公开")))
        if user.role == Role.BANK:
            items.append((reverse("credit:bank_feed"), _("失信名单推送")))
        if user.role in {Role.OFFICER, Role.AGENCY_HEAD}:
            items.append((reverse("credit:repair_list"), _("信用")))
        if user.role == Role.COORDINATOR:
            items.append((reverse("tips:dispatch"), _("举报指挥")))
        if user.role in {Role.PROCURATOR, Role.COORDINATOR}:
            items.append((reverse("transfers:queue", args=["not_transferred"]), _("监督")))
            items.append((reverse("cases:split_cases"), _("拆分案件线索")))
        if user.role == Role.PROCURATOR:
            items.append((reverse("transfers:official_clues"), _("公职人员线索")))
        if user.role in {Role.OFFICER, Role.AGENCY_HEAD, Role.POLICE, Role.PROCURATOR, Role.JUDGE, Role.COORDINATOR}:
            items.append((reverse("cooperation:list"), _("协作")))
        if user.role in {Role.AGENCY_HEAD, Role.COORDINATOR, Role.PROCURATOR}:
            items.append((reverse("stats:dashboard"), _("统计")))
        if user.role in {Role.COORDINATOR, Role.PROCURATOR}:
            items.append((reverse("stats:alerts"), _("预警")))
        if user.agency_id:
            items.append((reverse("transfers:inbox"), _("消息")))
        if user.role == Role.AUDITOR:
            items.append((reverse("core:audit_log"), _("审计日志")))
        items.append((reverse("screening:check"), _("立案标准筛查")))
        if user.is_staff:
            items.append((reverse("admin:index"), _("后台管理")))
    return {"nav_items": items}
