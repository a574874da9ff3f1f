"""Login, logout, one's own account (password, API tokens) and the per-role home page ("my work")."""

from __future__ import annotations

import datetime as dt
import json
import logging
from base64 import b32encode
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from ipshield.core import twofactor
from ipshield.core.api import token_revoke
from ipshield.core.attachments import attachment_open
from ipshield.core.audit import AUDIT_READERS, audit_events, audit_record, chain_head
from ipshield.core.exports import csv_response, xlsx_response
from ipshield.core.feedback import service_feedback
from ipshield.core.forms import LoginForm
from ipshield.core.jobs import job_get
from ipshield.core.models import ApiToken
from ipshield.core.ratelimit import allow, client_key
from ipshield.core.work import work_queues_for


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not login_attempt_allowed(request):
            return render(request, "core/locked_out.html", {}, status=429)
        response: HttpResponse = super().post(request, *args, **kwargs)
        return response


def login_attempt_allowed(request: HttpRequest) -> bool:
    """Sign-in attempts per client address (password spraying across accounts); the lockout of
    one account after AXES_FAILURE_LIMIT failures is django-axes'."""
    return allow("login", client_key(request), limit=settings.IPSHIELD_LOGIN_ATTEMPTS_PER_15_MIN, window_seconds=900)


class LogoutView(auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    """Asks for the account's e-mail and sends a one-time link (the same answer whether or not the
    address is known). Throttled per client address like the login."""

    template_name = "core/password_reset.html"
    email_template_name = "core/password_reset_email.txt"
    subject_template_name = "core/password_reset_subject.txt"
    success_url = reverse_lazy("core:password_reset_done")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not login_attempt_allowed(request):
            return render(request, "core/locked_out.html", {}, status=429)
        response: HttpResponse = super().post(request, *args, **kwargs)
        return response


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "core/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "core/password_reset_confirm.html"
    success_url = reverse_lazy("core:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "core/password_reset_complete.html"


@login_required
def home(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {"queues": work_queues_for(request.user)}
    return render(request, "core/home.html", context)


def lockout_response(request: HttpRequest, original_response: Any = None, credentials: Any = None) -> HttpResponse:
    """django-axes lockout: the §6 error body (429) for the API, the lockout page for people."""
    message = _("登录失败次数过多，账号已暂时锁定，请15分钟后再试。")
    if request.path.startswith("/api/"):
        body = {"error": {"code": "too_many_attempts", "message": str(message), "fields": {}}}
        return JsonResponse(body, status=429, json_dumps_params={"ensure_ascii": False})
    return render(request, "core/locked_out.html", {"message": message}, status=429)


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


@login_required
def account_view(request: HttpRequest) -> HttpResponse:
    """The signed-in user's own account: change the password (which ends every API token) and
    see or revoke the API tokens issued to the account."""
    user: Any = request.user
    form = PasswordChangeForm(user, request.POST if request.POST.get("op") == "password" else None)
    if request.method == "POST":
        op = request.POST.get("op")
        if op == "password" and form.is_valid():
            with transaction.atomic():
                form.save()
                audit_record(actor=user, action="user.password_change", target=user, after={})
            update_session_auth_hash(request, form.user)
            messages.success(request, _("密码已修改，原有接口令牌已全部失效。"))
            return redirect("core:account")
        if op == "totp_start":
            with service_feedback(request, _("请用验证器扫描二维码。")):
                twofactor.totp_start(user=user)
            return redirect("core:account")
        if op == "totp_confirm":
            try:
                codes = twofactor.totp_confirm(request=request, token=str(request.POST.get("token", ""))[:16])
            except PermissionDenied as exc:
                messages.error(request, str(exc))
                return redirect("core:account")
            if codes is None:
                messages.error(request, _("验证码不正确，请查看验证器上当前的6位数字。"))
                return redirect("core:account")
            return render(request, "core/recovery_codes.html", {"codes": codes})
        if op == "recovery_reset" and twofactor.is_verified(user):
            with transaction.atomic():
                codes = twofactor.recovery_codes_reset(user=user)
                audit_record(actor=user, action="user.2fa.recovery_reset", target=user, after={})
            return render(request, "core/recovery_codes.html", {"codes": codes})
        if op == "revoke":
            with service_feedback(request, _("令牌已撤销。")):
                if not token_revoke(actor=user, prefix=str(request.POST.get("prefix", ""))[:8]):
                    raise ValidationError(_("没有找到该令牌。"))
            return redirect("core:account")
    tokens = ApiToken.objects.filter(user=user).order_by("-created_at")[:50]
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    context = {
        "form": form,
        "tokens": tokens,
        "has_second_factor": twofactor.has_second_factor(user),
        "verified": twofactor.is_verified(user),
        "required": twofactor.required(),
        "pending_qr": segno.make(pending.config_url, error="m").svg_data_uri(scale=4) if pending else "",
        "pending_secret": b32encode(pending.bin_key).decode() if pending else "",
    }
    return render(request, "core/account.html", context, status=422 if form.errors else 200)


INLINE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"})


@login_required
def attachment_download_view(request: HttpRequest, pk: int) -> FileResponse:
    """An evidence file for a user who may see its record (404 otherwise); every read is audited.
    Images and PDFs may be previewed (`?preview=1`) in a sandbox; everything else downloads."""
    attachment, handle = attachment_open(actor=request.user, attachment_id=pk)
    preview = request.GET.get("preview") == "1" and attachment.blob.content_type in INLINE_TYPES
    response = FileResponse(
        handle,
        as_attachment=not preview,
        filename=attachment.original_name,
        content_type=attachment.blob.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def job_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress of one's own background job; the page polls itself (htmx) until it ends."""
    job = job_get(request.user, pk)
    template = "core/_job.html" if request.htmx else "core/job.html"  # type: ignore[attr-defined]
    return render(request, template, {"job": job})


CSP_LOG = logging.getLogger("ipshield.csp")


@csrf_exempt
@require_POST
def csp_report_view(request: HttpRequest) -> HttpResponse:
    """Browsers' Content-Security-Policy violation reports: logged (a few per client per hour)."""
    if allow("csp-report", client_key(request), limit=30, window_seconds=3600):
        CSP_LOG.warning("CSP violation: %s", request.body[:2000].decode("utf-8", "replace"))
    return HttpResponse(status=204)


@login_required
def verify_view(request: HttpRequest) -> HttpResponse:
    """Verify this session with a second factor (an authenticator code or a recovery code)."""
    user: Any = request.user
    target = request.POST.get("next") or request.GET.get("next") or "/work/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None) or not target.startswith("/"):
        target = "/work/"
    error = ""
    if not twofactor.has_second_factor(user):
        messages.info(request, _("此操作需要双因素认证，请先在“我的账号”中绑定验证器。"))
        return redirect(f"/account/?{urlencode({'next': target})}")
    if request.method == "POST":
        if not allow("otp-verify", f"user-{user.pk}", limit=10, window_seconds=900):
            error = _("验证失败次数过多，请15分钟后再试。")
        elif twofactor.verify_session(request=request, token=str(request.POST.get("token", ""))[:16]):
            return redirect(target)
        else:
            error = _("验证码不正确或已使用过。")
    return render(request, "core/verify.html", {"next": target, "error": error}, status=422 if error else 200)


AUDIT_COLUMNS = [
    gettext_lazy("序号"),
    gettext_lazy("时间"),
    gettext_lazy("操作人"),
    gettext_lazy("操作"),
    gettext_lazy("对象类型"),
    gettext_lazy("对象编号"),
    gettext_lazy("变更前"),
    gettext_lazy("变更后"),
    gettext_lazy("哈希"),
]


@login_required
def audit_log_view(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """The security auditor's view of the audit log: filters, pages, export and the chain head.
    Nobody else reads it here (the system administrator included: separation of duties)."""
    user: Any = request.user
    if user.role not in AUDIT_READERS:
        raise Http404
    filters: dict[str, Any] = {
        k: request.GET.get(k, "").strip() for k in ("action", "actor", "object_type", "object_id")
    }
    for key in ("from", "to"):
        try:
            filters[key] = dt.date.fromisoformat(request.GET.get(key, "")) if request.GET.get(key) else None
        except ValueError:
            filters[key] = None
    events = audit_events(filters)
    export = request.GET.get("export")
    if export in {"xlsx", "csv"}:
        with transaction.atomic():
            audit_record(actor=user, action="audit.export", object_type="system", after={"filters": str(filters)})
        rows = (
            [e.pk, timezone.localtime(e.created_at), e.actor_name, e.action, e.object_type, e.object_id,
             json.dumps(e.before, ensure_ascii=False), json.dumps(e.after, ensure_ascii=False), e.hash]
            for e in events[:100_000].iterator(chunk_size=2000)
        )  # fmt: skip
        if export == "csv":
            return csv_response(header=AUDIT_COLUMNS, rows=rows, filename="audit-log.csv")
        return xlsx_response(sheet=str(_("审计日志")), header=AUDIT_COLUMNS, rows=rows, filename="audit-log.xlsx")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "core/audit_log.html",
        {"page": page, "filters": filters, "head": chain_head(), "query": query.urlencode()},
    )
