"""The back office: Django's admin, branded, and only for sessions verified with a second factor."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from ipshield.core import twofactor


class IpshieldAdminSite(admin.AdminSite):
    site_header = _("知识产权保护与打击假冒协同平台 · 系统管理")
    site_title = _("系统管理")
    index_title = _("后台数据")

    def has_permission(self, request: HttpRequest) -> bool:
        return bool(super().has_permission(request)) and not twofactor.needs_step_up(request.user)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        user: Any = request.user
        if user.is_authenticated and user.is_staff and twofactor.needs_step_up(user):
            target = request.GET.get("next") or "/admin/"
            return redirect(f"/account/verify/?{urlencode({'next': target})}")
        response: HttpResponse = super().login(request, extra_context)
        return response
