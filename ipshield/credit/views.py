"""Public credit query page and the staff enterprise page (integrity archive, listing, removal)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from ipshield.core.captcha import captcha_check, captcha_enabled, captcha_new
from ipshield.core.choices import Role
from ipshield.core.exports import csv_response
from ipshield.core.feedback import redirect_back, service_feedback
from ipshield.core.inputs import parse_id
from ipshield.core.twofactor import needs_step_up
from ipshield.credit import selectors
from ipshield.credit.api import captcha_needed, credit_search, query_allowed, repair_allowed
from ipshield.credit.merging import MATCH_ROLES, match_decide, proposals_for, propose_matches
from ipshield.credit.models import Enterprise, RepairStatus
from ipshield.credit.repair import repair_check, repair_decide, repair_submit
from ipshield.credit.services import blacklist_check, blacklist_list, blacklist_remove, enterprise_grade


def public_query_view(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:100]
    results: list[Enterprise] = []
    error = ""
    challenge = None
    if q:
        if not query_allowed(request):
            error = _("查询过于频繁，请稍后再试。")
        elif captcha_needed(request) and not captcha_check(
            request.GET.get("captcha_token", ""), request.GET.get("captcha_answer", "")
        ):
            error = _("查询次数较多，请输入验证码后再查询。")
            challenge = captcha_new()
        else:
            results = credit_search(q)
            for enterprise in results:  # prefetched: no query per result
                enterprise.is_listed = any(x.removed_on is None for x in enterprise.blacklist_entries.all())  # type: ignore[attr-defined]
    return render(request, "credit/query.html", {"q": q, "results": results, "error": error, "captcha": challenge})


def _date_field(text: str, field: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError({field: _("日期格式应为 YYYY-MM-DD")}) from None


@login_required
def enterprise_view(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    enterprise = selectors.enterprise_get(user, pk)
    if request.method == "POST":
        op = request.POST.get("op")
        if op == "find_matches":
            found = propose_matches(enterprise)
            messages.info(request, _("新发现 %(n)s 条疑似同一主体的记录。") % {"n": len(found)})
            return redirect("credit:enterprise", pk=enterprise.pk)
        if needs_step_up(user):  # blacklist writes only from a session verified with a second factor
            return redirect(f"/account/verify/?{urlencode({'next': request.path})}")
        with service_feedback(request):
            if op == "remove":
                entry = selectors.own_listing(user, enterprise, request.POST.get("entry"))
                blacklist_remove(actor=user, entry=entry, reason=request.POST.get("reason", ""))
            else:
                blacklist_list(
                    actor=user,
                    enterprise=enterprise,
                    legal_basis=request.POST.get("legal_basis", ""),
                    planned_end=_date_field(request.POST.get("planned_end", ""), "planned_end"),
                    by_rule=op == "list_by_rule",
                )
        return redirect("credit:enterprise", pk=enterprise.pk)
    if enterprise.merged_into_id:
        messages.info(request, _("该记录已确认与另一记录为同一主体并合并。"))
        return redirect("credit:enterprise", pk=enterprise.merged_into_id)
    return render(
        request,
        "credit/enterprise.html",
        {
            "enterprise": enterprise,
            "proposals": proposals_for(enterprise),
            "can_match": user.role in MATCH_ROLES,
            "events": selectors.events_visible_to(user, enterprise)[:100],
            "entries": selectors.listings_of(enterprise),
            "rule": blacklist_check(enterprise),
            "can_decide": user.role == Role.AGENCY_HEAD and selectors.may_list(user, enterprise),
            "own_agency_id": user.agency_id,
            "grade": enterprise_grade(enterprise),
        },
    )


def _staff(request: HttpRequest) -> Any:
    user: Any = request.user
    if user.role not in MATCH_ROLES:  # 404 as for a record that does not exist (ARCHITECTURE §2)
        raise Http404
    return user


@login_required
def match_list_view(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    page = Paginator(selectors.match_queue(user).order_by("-score", "id"), 30).get_page(request.GET.get("page"))
    proposals = list(page)
    evidence = selectors.match_evidence(user, proposals)
    rows = [
        {
            "m": m,
            "first": evidence[m.first_id],
            "second": evidence[m.second_id],
            "may_decide": selectors.may_decide_match(user, m),
        }
        for m in proposals
    ]
    return render(request, "credit/matches.html", {"page": page, "rows": rows})


@login_required
@require_POST
def match_decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = _staff(request)
    proposal = selectors.match_get(user, pk)
    confirm = request.POST.get("op") == "confirm"
    with service_feedback(request, _("已确认合并。") if confirm else _("已否定。")):
        match_decide(actor=user, proposal=proposal, confirm=confirm, note=request.POST.get("note", ""))
    return redirect_back(request, "credit:matches")


def repair_apply_view(request: HttpRequest) -> HttpResponse:
    """Public: a listed enterprise applies for credit repair (no account; CAPTCHA; rate-limited)."""
    errors: dict[str, list[str]] = {}
    made = None
    if request.method == "POST":
        if not repair_allowed(request):
            errors["__all__"] = [_("提交过于频繁，请稍后再试。")]
        else:
            fields = {
                "uscc": request.POST.get("uscc", "")[:24],
                "applicant": request.POST.get("applicant", "")[:64],
                "contact": request.POST.get("contact", "")[:32],
                "statement": request.POST.get("statement", "")[:5000],
            }
            solved = not captcha_enabled() or captcha_check(
                request.POST.get("captcha_token", ""), request.POST.get("captcha_answer", "")
            )
            if solved:
                try:
                    made = repair_submit(**fields)
                except ValidationError as exc:
                    errors = exc.message_dict
            else:  # say everything that is wrong at once, not the CAPTCHA first and the fields later
                errors = {field: [message] for field, message in repair_check(**fields)[0].items()}
                errors["captcha"] = [_("验证码不正确或已过期，请刷新后重试。")]
    status = 422 if errors else 200
    return render(
        request,
        "credit/repair_apply.html",
        {
            "errors": errors,
            "made": made,
            "values": request.POST if errors else {"uscc": request.GET.get("uscc", "")[:24]},
            "captcha": captcha_new() if captcha_enabled() and made is None else None,
        },
        status=status,
    )


@login_required
def repair_list_view(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    queryset = selectors.repair_queue(user)
    if request.GET.get("overdue") == "1":
        queryset = queryset.filter(status=RepairStatus.PENDING, due_at__lt=timezone.now())
    page = Paginator(queryset.order_by("status", "due_at", "id"), 30).get_page(request.GET.get("page"))
    return render(request, "credit/repair_list.html", {"page": page, "now": timezone.now()})


@login_required
def repair_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = _staff(request)
    repair = get_object_or_404(selectors.repair_queue(user), pk=pk)
    if request.method == "POST":
        with service_feedback(request):
            repair_decide(
                actor=user,
                request=repair,
                approve=request.POST.get("op") == "approve",
                reason=request.POST.get("reason", ""),
            )
        return redirect("credit:repair_detail", pk=repair.pk)
    return render(request, "credit/repair_detail.html", {"r": repair, "now": timezone.now()})


FEED_EXPORT_LIMIT = 100_000
FEED_ACTIONS = {"listed": _lazy("列入"), "changed": _lazy("变更"), "removed": _lazy("移出")}


@login_required
def bank_feed_view(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """The bank's landing work: the latest listings, changes and removals, the cursor its system
    reads from, and an export from any cursor (the API `GET /api/v1/credit/feed` gives the same rows)."""
    user: Any = request.user
    if user.role != Role.BANK:
        raise PermissionDenied
    since = parse_id(request.GET.get("since")) or 0
    rows = selectors.bank_feed(user, since=since)
    header = [
        _("游标"),
        _("时间"),
        _("变动"),
        _("企业名称"),
        _("统一社会信用代码"),
        _("列入日期"),
        _("计划移出日期"),
        _("移出日期"),
        _("列入机关"),
        _("依据"),
    ]

    def line(e: Any) -> list[Any]:
        p = e.payload
        return [
            e.pk,
            timezone.localtime(e.at).strftime("%Y-%m-%d %H:%M"),
            FEED_ACTIONS.get(e.action, e.action),
            p.get("name"),
            p.get("uscc"),
            p.get("starts_on"),
            p.get("planned_end"),
            p.get("removed_on") or "",
            p.get("authority"),
            p.get("legal_basis"),
        ]

    if request.GET.get("format") == "csv":
        ordered = rows.order_by("id")[:FEED_EXPORT_LIMIT]
        return csv_response(header=header, rows=(line(e) for e in ordered), filename=f"credit-feed-since-{since}.csv")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    latest = selectors.bank_feed(user).values_list("id", flat=True).first() or 0
    return render(
        request,
        "credit/bank_feed.html",
        {"page": page, "rows": [line(e) for e in page], "header": header, "since": since, "latest": latest},
    )
