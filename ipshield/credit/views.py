"""Public credit query page and the staff enterprise page (integrity archive, listing, removal)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ipshield.core.captcha import captcha_check, captcha_new
from ipshield.core.ratelimit import allow, client_key
from ipshield.credit.api import captcha_needed, credit_search
from ipshield.credit.models import BlacklistEntry, Enterprise
from ipshield.credit.services import blacklist_check, blacklist_list, blacklist_remove, enterprise_grade


def public_query_view(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:100]
    results: list[Enterprise] = []
    error = ""
    challenge = None
    if q:
        if not allow(
            "credit-query", client_key(request), limit=settings.IPSHIELD_CREDIT_QUERIES_PER_HOUR, window_seconds=3600
        ):
            error = _("查询过于频繁，请稍后再试。")
        elif captcha_needed(request) and not captcha_check(
            request.GET.get("captcha_token", ""), request.GET.get("captcha_answer", "")
        ):
            error = _("查询次数较多，请输入验证码后再查询。")
            challenge = captcha_new()
        else:
            results = credit_search(q)
    return render(request, "credit/query.html", {"q": q, "results": results, "error": error, "captcha": challenge})


@login_required
def enterprise_view(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    if user.role in {"bank"}:
        raise PermissionDenied
    enterprise = get_object_or_404(Enterprise, pk=pk)
    if request.method == "POST":
        try:
            if request.POST.get("op") == "remove":
                entry = get_object_or_404(BlacklistEntry, pk=int(request.POST.get("entry") or 0), enterprise=enterprise)
                blacklist_remove(actor=user, entry=entry, reason=request.POST.get("reason", ""))
            else:
                end = request.POST.get("planned_end")
                blacklist_list(
                    actor=user,
                    enterprise=enterprise,
                    legal_basis=request.POST.get("legal_basis", ""),
                    planned_end=dt.date.fromisoformat(end) if end else None,
                    by_rule=request.POST.get("op") == "list_by_rule",
                )
            messages.success(request, _("已办理。"))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        except ValueError:
            messages.error(request, _("日期格式应为 YYYY-MM-DD"))
        return redirect("credit:enterprise", pk=enterprise.pk)
    return render(
        request,
        "credit/enterprise.html",
        {
            "enterprise": enterprise,
            "events": enterprise.events.all()[:100],
            "entries": enterprise.blacklist_entries.select_related("authority"),
            "rule": blacklist_check(enterprise),
            "can_decide": user.role == "agency_head",
            "grade": enterprise_grade(enterprise),
        },
    )
