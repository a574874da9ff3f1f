"""Authentication for the API: bearer tokens for systems, the session for pages."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.contrib.auth import authenticate
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.security import HttpBearer, django_auth

from ipshield.core.audit import audit_record
from ipshield.core.models import ApiToken

TOKEN_LIFETIME = dt.timedelta(days=30)


class ApiError(Exception):
    """An API error with a stable code and a translated message."""

    def __init__(self, status: int, code: str, message: str, fields: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields or {}


def validation_error(exc: Any) -> ApiError:
    """A Django ValidationError from a service as the §6 error body (422, fields by name)."""
    fields = {k: [str(m) for m in v] for k, v in exc.message_dict.items()} if hasattr(exc, "error_dict") else {}
    return ApiError(422, "validation_error", "; ".join(str(m) for m in exc.messages), fields)


def paginate(request: HttpRequest, queryset: Any, *, page: int, page_size: int, serialise: Any) -> dict[str, Any]:
    """`{"items", "count", "next"}` for a scoped queryset (ARCHITECTURE §6: ?page=&page_size=, max 100)."""
    offset = (page - 1) * page_size
    items = list(queryset[offset : offset + page_size + 1])
    next_url = None
    if len(items) > page_size:
        query = request.GET.copy()
        query["page"] = str(page + 1)
        next_url = f"{request.path}?{query.urlencode()}"
    return {"items": [serialise(i) for i in items[:page_size]], "count": queryset.count(), "next": next_url}


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        now = timezone.now()
        found = (
            ApiToken.objects.select_related("user", "user__agency")
            .filter(key_hash=hash_token(token), revoked_at__isnull=True, expires_at__gt=now, user__is_active=True)
            .first()
        )
        if found is None:
            return None
        if found.last_used_at is None or now - found.last_used_at > dt.timedelta(minutes=5):
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


# Systems send a bearer token; pages send the session cookie (with CSRF on writes).
AUTH = [BearerToken(), django_auth]

router = Router(tags=["auth"])


class TokenRequest(Schema):
    username: str
    password: str


class TokenResponse(Schema):
    token: str
    expires_at: dt.datetime


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, Any] = {}


class ErrorResponse(Schema):
    error: ErrorBody


@router.post(
    "/token",
    response={200: TokenResponse, 401: ErrorResponse, 422: ErrorResponse, 429: ErrorResponse},
    summary="Exchange a username and password for a bearer token",
)
def issue_token(request: HttpRequest, payload: TokenRequest) -> Any:
    user = authenticate(request, username=payload.username, password=payload.password)
    if getattr(request, "axes_locked_out", False):
        raise ApiError(429, "too_many_attempts", _("登录失败次数过多，请稍后再试。"))
    if user is None or not user.is_active:
        raise ApiError(401, "invalid_credentials", _("用户名或密码错误。"))
    key = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, key_hash=hash_token(key), prefix=key[:8], expires_at=timezone.now() + TOKEN_LIFETIME
        )
        audit_record(actor=user, action="api_token.issue", target=token, after={"prefix": token.prefix})
    return {"token": key, "expires_at": token.expires_at}
