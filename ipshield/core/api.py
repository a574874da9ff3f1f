"""Authentication for the API: bearer tokens for systems, the session for pages."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.security import HttpBearer, django_auth
from pydantic import Field

from ipshield.core import regions, twofactor
from ipshield.core.audit import audit_record
from ipshield.core.captcha import captcha_check, captcha_enabled
from ipshield.core.changes import change_feed, feed_head
from ipshield.core.choices import ADMINISTRATIVE_AGENCY_KINDS, AgencyKind
from ipshield.core.http import AuthenticatedRequest
from ipshield.core.inputs import DB_INT_MAX, Id
from ipshield.core.models import Agency, ApiToken, User
from ipshield.core.pagination import bounded_count
from ipshield.core.ratelimit import allow, client_key

TOKEN_LIFETIME = dt.timedelta(days=30)


class ApiError(Exception):
    """An API error with a stable code and a translated message."""

    def __init__(self, status: int, code: str, message: str, fields: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status_code = status
        self.code = code
        self.message = message
        self.fields = fields or {}


def validation_error(exc: Any) -> ApiError:
    """A Django ValidationError from a service as the §6 error body (422, fields by name)."""
    fields = {k: [str(m) for m in v] for k, v in exc.message_dict.items()} if hasattr(exc, "error_dict") else {}
    return ApiError(422, "validation_error", "; ".join(str(m) for m in exc.messages), fields)


def paginate(
    request: HttpRequest, queryset: Any, *, page: int, page_size: int, serialise: Any, estimate_large: bool = False
) -> dict[str, Any]:
    """`{"items", "count", "next"}` for a scoped queryset (ARCHITECTURE §6: ?page=&page_size=, max 100).

    With `estimate_large`, a count beyond COUNT_EXACT_UP_TO may be the planner's estimate and the
    page says so in `count_exact` (an extension of §6; `count` keeps its name and type).
    """
    offset = (page - 1) * page_size
    items = list(queryset[offset : offset + page_size + 1])
    next_url = None
    if len(items) > page_size:
        query = request.GET.copy()
        query["page"] = str(page + 1)
        next_url = f"{request.path}?{query.urlencode()}"
    page_items = [serialise(i) for i in items[:page_size]]
    if estimate_large:
        count, exact = bounded_count(queryset)
        return {"items": page_items, "count": count, "count_exact": exact, "next": next_url}
    return {"items": page_items, "count": queryset.count(), "next": next_url}


class CaptchaIn(Schema):
    token: str = Field("", max_length=500)
    answer: str = Field("", max_length=16)


def require_captcha(captcha: CaptchaIn | None) -> None:
    """422 `captcha` unless the local CAPTCHA was solved (or is switched off for this deployment)."""
    if not captcha_enabled():
        return
    if captcha is None or not captcha_check(captcha.token, captcha.answer):
        message = _("验证码不正确或已过期，请刷新后重试。")
        raise ApiError(422, "captcha", message, {"captcha": [message]})


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
        request.api_token = found  # type: ignore[attr-defined]  # lets the caller revoke the token it used (AuthenticatedRequest)
        return found.user


# Systems send a bearer token; pages send the session cookie (with CSRF on writes).
AUTH = [BearerToken(), django_auth]

router = Router(tags=["auth"])


class TokenRequest(Schema):
    username: str = Field(max_length=150)
    password: str = Field(max_length=256)
    otp: str = Field(
        "", max_length=16, description="the 6-digit code of one's authenticator (people; not system accounts)"
    )


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
    response={200: TokenResponse, 401: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse, 429: ErrorResponse},
    summary="Exchange a username and password for a bearer token",
)
def issue_token(request: HttpRequest, payload: TokenRequest) -> Any:
    if not allow("login", client_key(request), limit=settings.IPSHIELD_LOGIN_ATTEMPTS_PER_15_MIN, window_seconds=900):
        raise ApiError(429, "too_many_attempts", _("登录尝试过于频繁，请稍后再试。"))
    user = authenticate(request, username=payload.username, password=payload.password)
    if getattr(request, "axes_locked_out", False):
        raise ApiError(429, "too_many_attempts", _("登录失败次数过多，请稍后再试。"))
    if user is None or not user.is_active:
        raise ApiError(401, "invalid_credentials", _("用户名或密码错误。"))
    if not twofactor.token_factor_ok(user, payload.otp):
        message = _("接口令牌须经双因素认证：请先绑定验证器，并在 otp 字段提交验证码。")
        raise ApiError(403, "two_factor_required", message, {"otp": [message]})
    key = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, key_hash=hash_token(key), prefix=key[:8], expires_at=timezone.now() + TOKEN_LIFETIME
        )
        audit_record(actor=user, action="api_token.issue", target=token, after={"prefix": token.prefix})
    return {"token": key, "expires_at": token.expires_at}


class TokenOut(Schema):
    prefix: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    expires_at: dt.datetime
    revoked_at: dt.datetime | None


class RevokeIn(Schema):
    prefix: str = Field("", max_length=8, description="a token of one's own; empty: the token of this call")


class RevokedOut(Schema):
    revoked: int


def token_revoke(*, actor: Any, prefix: str = "", current: ApiToken | None = None) -> int:
    """Revoke one of the actor's own tokens (by prefix) or the one in use; audited."""
    tokens = ApiToken.objects.filter(user=actor, revoked_at__isnull=True)
    if prefix:
        tokens = tokens.filter(prefix=prefix)
    elif current is not None:
        tokens = tokens.filter(pk=current.pk)
    else:
        raise ApiError(422, "validation_error", _("请指明要撤销的令牌。"), {"prefix": [_("请指明要撤销的令牌。")]})
    with transaction.atomic():
        revoked = list(tokens.select_for_update())
        ApiToken.objects.filter(pk__in=[t.pk for t in revoked]).update(revoked_at=timezone.now())
        for token in revoked:
            audit_record(actor=actor, action="api_token.revoke", target=token, after={"prefix": token.prefix})
    return len(revoked)


@router.get("/tokens", auth=AUTH, response={200: list[TokenOut], 401: ErrorResponse}, summary="One's own API tokens")
def list_tokens(request: AuthenticatedRequest) -> Any:
    return list(ApiToken.objects.filter(user=request.user).order_by("-created_at")[:100])


@router.post(
    "/token/revoke",
    auth=AUTH,
    response={200: RevokedOut, 401: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse},
    summary="Revoke the token of this call, or one of one's own tokens by its prefix",
)
def revoke_token(request: AuthenticatedRequest, payload: RevokeIn) -> Any:
    revoked = token_revoke(actor=request.user, prefix=payload.prefix, current=getattr(request, "api_token", None))
    if not revoked:
        raise ApiError(404, "not_found", _("没有找到该令牌。"))
    return {"revoked": revoked}


class MemberOut(Schema):
    id: int
    name: str
    role: str
    role_label: str


agencies_router = Router(tags=["agencies"], auth=AUTH)
RECEIVING_KINDS = (AgencyKind.PUBLIC_SECURITY, AgencyKind.PROCURATORATE)


def directory_agency_ids(agency: Agency) -> set[int]:
    """Whose members an agency may list: its own, and for an administrative agency the police and
    procuratorates of its region and the regions above it (where its transfers and clues go)."""
    ids = {agency.pk}
    if agency.kind in ADMINISTRATIVE_AGENCY_KINDS:
        receiving = Agency.objects.filter(
            kind__in=RECEIVING_KINDS, region_id__in=regions.chain_up(agency.region_id), is_active=True
        )
        ids |= set(receiving.values_list("pk", flat=True))
    return ids


@agencies_router.get(
    "/{agency_id}/members",
    response={200: list[MemberOut], 401: ErrorResponse, 404: ErrorResponse},
    summary="The active people of one's own agency (to compose a special group, 专案组) or of the police and "
    "procuratorate one's transfers go to",
)
def agency_members(request: AuthenticatedRequest, agency_id: Id) -> Any:
    user: Any = request.user
    if user.agency_id is None or agency_id not in directory_agency_ids(user.agency):
        raise ApiError(404, "not_found", _("没有找到该机构。"))  # another agency's staff is not one's business
    members = User.objects.filter(agency_id=agency_id, is_active=True).order_by("display_name", "username")
    return [
        {"id": m.pk, "name": m.display_name or m.username, "role": m.role, "role_label": m.get_role_display()}
        for m in members
    ]


# The answers every authenticated write can give besides its success (the OpenAPI lists them).
WRITE_ERRORS: dict[int, Any] = {
    401: ErrorResponse,
    403: ErrorResponse,
    404: ErrorResponse,
    409: ErrorResponse,
    422: ErrorResponse,
}


# The change feed (core/changes.py) -------------------------------------------------------------
events_router = Router(tags=["events"], auth=AUTH)


class EventParams(Schema):
    since: int = Field(
        0, ge=0, le=DB_INT_MAX, description="The `next_cursor` of the previous answer; 0 reads from the start"
    )
    limit: int = Field(100, ge=1, le=1000)


class EventOut(Schema):
    cursor: int
    at: dt.datetime
    action: str = Field(description="What was done, e.g. case.update, transfer.send, case.cumulative_screen")
    type: str = Field(description="case, transfer, supervision, official_clue or tip")
    id: int
    url: str = Field(description="Where to fetch the record (the API where it has one)")
    fields: list[str] = Field(description="Names of the fields written (never their values)")


class EventPage(Schema):
    items: list[EventOut]
    next_cursor: int
    has_more: bool
    head: int = Field(description="The newest cursor of the whole log: start here to follow only what comes next")


@events_router.get(
    "",
    response={200: EventPage, 401: ErrorResponse, 422: ErrorResponse},
    summary="Changes to the records the caller may read, in order, after a cursor (poll, then fetch each record)",
)
def events(request: AuthenticatedRequest, params: Query[EventParams]) -> Any:
    head = feed_head()
    if params.since > head:  # a stored cursor from another installation or a typo would never see news
        message = _("游标超出了变更记录的范围（最新为 %(head)s）。") % {"head": head}
        raise ApiError(422, "validation_error", message, {"since": [message]})
    items, cursor, more = change_feed(request.user, since=params.since, limit=params.limit)
    return {"items": items, "next_cursor": cursor, "has_more": more, "head": head}
