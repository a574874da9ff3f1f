"""Security headers (a strict Content-Security-Policy: every asset is served by the project) and
session lifetime."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.utils.translation import gettext as _


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with the project's strict policy (settings.CONTENT_SECURITY_POLICY: every asset is
    served by the project, no inline script or style), loosened only where a third-party page needs
    inline bootstrapping: ninja's Swagger UI and Django's admin."""

    LOOSE_PREFIXES = ("/api/v1/docs", "/admin/")

    def get_policy_parts(self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False) -> Any:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(self.LOOSE_PREFIXES) and not report_only:
            parts.update = {**(parts.update or {}), "script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]}
        return parts


SESSION_STARTED = "_ipshield_started"
SESSION_SEEN = "_ipshield_seen"
SEEN_RESOLUTION_SECONDS = 60  # write the session at most once a minute, not on every request


def mark_session_start(sender: object, request: HttpRequest | None = None, **kwargs: object) -> None:
    """At login: both clocks start now (written with the login's own session save)."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SESSION_STARTED] = now
        request.session[SESSION_SEEN] = now


class SessionLifetimeMiddleware:
    """Staff sessions end after SESSION_IDLE_SECONDS without a request and SESSION_ABSOLUTE_SECONDS
    after login, whichever comes first (等保 2.0: 登录超时自动退出)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            now = int(time.time())
            started = int(request.session.get(SESSION_STARTED, now))
            seen = int(request.session.get(SESSION_SEEN, now))
            if now - seen > settings.SESSION_IDLE_SECONDS or now - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
            else:
                if SESSION_STARTED not in request.session:
                    request.session[SESSION_STARTED] = now
                if now - seen >= SEEN_RESOLUTION_SECONDS or SESSION_SEEN not in request.session:
                    request.session[SESSION_SEEN] = now
        return self.get_response(request)


NUL_MARKERS = (b"\x00", b"\\u0000")  # raw, and as a JSON escape


class RejectNulMiddleware:
    """A NUL byte in a query, a form field or a JSON string is refused with a 400 before any view
    runs: PostgreSQL cannot store it in text and SQLite's FTS5 stops parsing at it (both were 500s).
    File parts of a multipart body may contain NUL bytes and are not inspected."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._has_nul(request):
            return bad_request_response(request, "nul_byte", _("提交的内容含有不允许的控制字符（NUL）。"))
        return self.get_response(request)

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        query = request.META.get("QUERY_STRING", "").encode("latin-1", "replace").lower()
        if b"%00" in query or b"\x00" in query or "\x00" in request.path:
            return True
        if request.method not in {"POST", "PUT", "PATCH"}:
            return False
        if request.content_type in {"multipart/form-data", "application/x-www-form-urlencoded"}:
            try:
                values = [v for key in request.POST for v in request.POST.getlist(key)]
            except Exception:
                return False
            return any("\x00" in value for value in values)
        try:
            body = request.body.lower()
        except Exception:
            return False
        return any(marker in body for marker in NUL_MARKERS)


def bad_request_response(request: HttpRequest, code: str, message: str, status: int = 400) -> HttpResponse:
    """A 4xx before routing: the §6 error body for the API, a short page for people."""
    if request.path.startswith("/api/"):
        body = {"error": {"code": code, "message": str(message), "fields": {}}}
        return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    return HttpResponse(str(message), status=status, content_type="text/plain; charset=utf-8")
