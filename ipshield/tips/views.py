"""Public report pages (no account) and the agency's tip pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ipshield.core.attachments import attachments_for
from ipshield.core.captcha import captcha_check, captcha_enabled, captcha_new
from ipshield.core.choices import Role
from ipshield.core.deadlines import deadline_status
from ipshield.core.drill import drill_banner
from ipshield.core.forms import apply_service_errors
from ipshield.core.inputs import parse_id, parse_small_int
from ipshield.core.models import Agency
from ipshield.core.ratelimit import allow, client_key
from ipshield.core.twofactor import needs_step_up
from ipshield.tips import workflow
from ipshield.tips.choices import TipAction, TipStatus
from ipshield.tips.forms import StatusForm, TipDrillForm, TipForm
from ipshield.tips.models import SpotCheckItem
from ipshield.tips.rewarding import EXCLUSIONS, reward_claim, reward_decide, reward_pay, reward_propose
from ipshield.tips.selectors import (
    TIP_PERIOD_FIELDS,
    dispatch_board,
    spot_check_agencies,
    spot_checks_visible,
    tip_get,
    tip_list,
)
from ipshield.tips.services import (
    TipConflict,
    TipLookupThrottled,
    TipNotFound,
    reassignable_agencies,
    reporter_identity,
    reporter_message,
    reporter_rate,
    tip_act,
    tip_lookup_for_client,
    tip_reply,
    tip_submit,
    tip_to_case,
)
from ipshield.tips.spot_checks import spot_check_draw, spot_check_review


def report_view(request: HttpRequest) -> HttpResponse:
    form = TipForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not allow("tip-submit", client_key(request), limit=_rate(), window_seconds=3600):
            form.add_error(None, _("提交过于频繁，请稍后再试。"))
        elif captcha_enabled() and not captcha_check(data["captcha_token"], data["captcha_answer"]):
            form.add_error("captcha_answer", _("验证码不正确或已过期，请重新输入。"))
        else:
            try:
                tip, passphrase = tip_submit(
                    data={
                        **data,
                        "reporter": {"name": data["name"], "phone": data["phone"], "id_number": data["id_number"]},
                    },
                    files=[(f.name or "file", f) for f in data["attachments"]],
                )
            except ValidationError as exc:
                rename = {"reporter": "name", "reporter.id_number": "id_number", "reporter.phone": "phone"}
                apply_service_errors(form, exc, rename)
            else:
                return render(request, "tips/receipt.html", {"tip": tip, "passphrase": passphrase})
    challenge = captcha_new() if captcha_enabled() else None
    return render(
        request,
        "tips/report.html",
        {
            "form": form,
            "captcha": challenge,
            "report_fields": [
                form[n]
                for n in (
                    "domain",
                    "description",
                    "address",
                    "region_code",
                    "target_name",
                    "target_uscc",
                    "target_url",
                    "attachments",
                )
            ],
            "reporter_fields": [form[n] for n in ("name", "phone", "id_number")],
        },
    )


def _rate() -> int:
    from django.conf import settings

    return int(settings.IPSHIELD_TIP_RATE_PER_HOUR)


def status_view(request: HttpRequest) -> HttpResponse:
    # The receipt links here with the tracking number (never the passphrase) filled in.
    number = request.GET.get("n", "")
    form = StatusForm(
        request.POST or None, initial={"tracking_number": number if number.isalnum() and len(number) <= 24 else ""}
    )
    tip = None
    if request.method == "POST" and form.is_valid():
        try:
            tip = tip_lookup_for_client(
                client=client_key(request),
                tracking_number=form.cleaned_data["tracking_number"],
                passphrase=form.cleaned_data["passphrase"],
            )
        except TipLookupThrottled:
            form.add_error(None, _("尝试次数过多，请15分钟后再试。"))
        except TipNotFound:
            form.add_error(None, _("查询编号或查询密码不正确。"))
        else:
            extra = request.POST.get("op")
            try:
                if extra == "message":
                    reporter_message(
                        tip=tip,
                        text=request.POST.get("text", ""),
                        files=[(f.name or "file", f) for f in request.FILES.getlist("files")],
                    )
                    messages.success(request, _("补充材料已提交。"))
                elif extra == "rate":
                    reporter_rate(tip=tip, satisfaction=parse_small_int(request.POST.get("satisfaction")))
                    messages.success(request, _("感谢您的评价。"))
                elif extra == "claim":
                    reward_claim(tip=tip)
                    messages.success(request, _("已申请领取奖励，承办机构将与您联系或按您提供的方式发放。"))
            except (ValidationError, ValueError) as exc:
                messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            tip.refresh_from_db()
    return render(
        request,
        "tips/status.html",
        {
            "form": form,
            "tip": tip,
            "messages_list": tip.messages.all() if tip else [],
            "reward": tip.rewards.exclude(status="refused").first() if tip else None,
        },
    )


@login_required
def tip_list_view(request: HttpRequest) -> HttpResponse:
    filters: dict[str, Any] = {
        "status": request.GET.get("status", ""),
        "overdue": request.GET.get("overdue") == "1",
        "agency": request.GET.get("agency", ""),
    }
    drill = TipDrillForm(request.GET)  # a statistics figure's filters (?received_from=…&on_time=accept)
    if not drill.is_valid():
        return render(
            request, "tips/list.html", {"drill_errors": drill.errors, "statuses": TipStatus.choices}, status=422
        )
    filters |= {k: v for k, v in drill.cleaned_data.items() if v}
    page = Paginator(tip_list(request.user, filters), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "filters": filters,
        "statuses": TipStatus.choices,
        "drill": drill_banner(drill.cleaned_data, list(TIP_PERIOD_FIELDS)) + drill.conditions(),
        "query": query.urlencode(),
    }
    return render(request, "tips/list.html", context)


@login_required
def tip_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    tip = tip_get(request.user, pk)
    user: Any = request.user
    handler = user.agency_id == tip.agency_id and user.role in {Role.OFFICER, Role.AGENCY_HEAD}
    identity = None
    if request.GET.get("reveal") == "1" and not tip.anonymous:
        if needs_step_up(user):  # a reporter's identity only to a session verified with a second factor
            return redirect(f"/account/verify/?{urlencode({'next': request.get_full_path()})}")
        identity = reporter_identity(actor=user, tip=tip)
    coordinators_agencies = reassignable_agencies(user) if user.role == Role.COORDINATOR else []
    return render(
        request,
        "tips/detail.html",
        {
            "tip": tip,
            "handler": handler,
            "identity": identity,
            "messages_list": tip.messages.all(),
            "attachments": attachments_for(tip),
            "due": deadline_status(tip.next_due_at, now=_now()) if tip.next_due_at else None,
            # Only the steps the tip's lifecycle allows now (a concluded tip offers none).
            "actions": [(key, label) for key, label in TipAction.choices if workflow.TIP.allows(tip.status, key)],
            "rewards": tip.rewards.all(),
            "exclusions": EXCLUSIONS,
            "reassign_agencies": coordinators_agencies,
            "is_head": user.role == Role.AGENCY_HEAD and handler,
        },
    )


def _now() -> Any:
    from django.utils import timezone

    return timezone.now()


@login_required
@require_POST
def tip_action_view(request: HttpRequest, pk: int) -> HttpResponse:
    tip = tip_get(request.user, pk)
    op = request.POST.get("op", "")
    try:
        if op == "reply":
            tip_reply(actor=request.user, tip=tip, text=request.POST.get("text", ""))
        elif op == "to_case":
            case = tip_to_case(actor=request.user, tip=tip)
            messages.success(request, _("已转为案件：%(n)s") % {"n": case.number})
            return redirect("cases:detail", pk=case.pk)
        elif op == "reward_propose":
            reward_propose(
                actor=request.user,
                tip=tip,
                level=parse_small_int(request.POST.get("level")),
                exclusions=request.POST.getlist("exclusions"),
            )
        elif op in {"reward_approve", "reward_refuse"}:
            reward = _reward_of(tip, request.POST.get("reward"))
            reward_decide(
                actor=request.user, reward=reward, approve=op == "reward_approve", reason=request.POST.get("reason", "")
            )
        elif op == "reward_pay":
            reward_pay(actor=request.user, reward=_reward_of(tip, request.POST.get("reward")))
        else:
            tip_act(
                actor=request.user,
                tip=tip,
                action=op,
                data={
                    "reason": request.POST.get("reason", ""),
                    "result": request.POST.get("reason", ""),
                    "agency_id": request.POST.get("agency_id"),
                },
            )
        messages.success(request, _("已办理。"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except (TipConflict, PermissionDenied) as exc:
        messages.error(request, str(exc) or _("您的角色不能执行此操作。"))
    return redirect("tips:detail", pk=tip.pk)


def _reward_of(tip: Any, reward_id: object) -> Any:
    reward = tip.rewards.filter(pk=parse_id(reward_id)).first()
    if reward is None:
        raise ValidationError(_("没有找到该奖励。"))
    return reward


@login_required
def dispatch_view(request: HttpRequest) -> HttpResponse:
    """指挥: every report in the coordinator's region by agency and status, overdue highlighted."""
    user: Any = request.user
    if user.role != Role.COORDINATOR:
        raise PermissionDenied
    return render(request, "tips/dispatch.html", {"rows": dispatch_board(user)})


@login_required
def spot_checks_view(request: HttpRequest) -> HttpResponse:
    """跟踪抽查: draw a seeded sample of an agency's concluded tips and record the review."""
    user: Any = request.user
    if user.role not in {Role.COORDINATOR, Role.AGENCY_HEAD}:
        raise PermissionDenied
    agencies = spot_check_agencies(user)
    if request.method == "POST":
        try:
            if request.POST.get("op") == "review":
                item = SpotCheckItem.objects.get(
                    pk=parse_id(request.POST.get("item")) or 0, spot_check__agency__in=agencies
                )
                spot_check_review(
                    actor=user,
                    item=item,
                    satisfactory=request.POST.get("satisfactory") == "yes",
                    finding=request.POST.get("finding", ""),
                )
            else:
                agency = agencies.get(pk=parse_id(request.POST.get("agency")) or 0)
                spot_check_draw(
                    actor=user,
                    agency=agency,
                    period=request.POST.get("period", ""),
                    ratio_percent=parse_small_int(request.POST.get("ratio")),
                )
            messages.success(request, _("已办理。"))
        except (ValidationError, TipConflict, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        except (Agency.DoesNotExist, SpotCheckItem.DoesNotExist, ValueError):
            messages.error(request, _("请选择承办机构。"))
        return redirect("tips:spot_checks")
    last_month = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    return render(
        request,
        "tips/spot_checks.html",
        {
            "checks": spot_checks_visible(user)[:24],
            "agencies": agencies,
            "default_period": last_month.strftime("%Y-%m"),
        },
    )
