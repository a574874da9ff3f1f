"""Public credit query and the bank feed (ARCHITECTURE §6)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from ipshield.core.api import AUTH, ApiError, CaptchaIn, ErrorResponse, require_captcha, validation_error
from ipshield.core.captcha import captcha_check
from ipshield.core.choices import Role
from ipshield.core.identifiers import normalise
from ipshield.core.ratelimit import allow, client_key
from ipshield.credit import matching
from ipshield.credit.models import BlacklistEntry, CreditFeedEvent, Enterprise, IntegrityEvent
from ipshield.credit.repair import repair_submit
from ipshield.credit.services import name_key

public_router = Router(tags=["public credit"])
router = Router(tags=["credit"], auth=AUTH)
QUERY_MAX = 100


class CreditQuery(Schema):
    q: str = Field(max_length=10000)
    captcha_token: str = Field("", max_length=500)
    captcha_answer: str = Field("", max_length=16)


def query_allowed(request: HttpRequest) -> bool:
    """One budget of public credit queries per client and hour, for the page and the API."""
    limit = settings.IPSHIELD_CREDIT_QUERIES_PER_HOUR
    return allow("credit-query", client_key(request), limit=limit, window_seconds=3600)


def repair_allowed(request: HttpRequest) -> bool:
    """One budget of credit-repair applications per client and hour, for the page and the API."""
    limit = settings.IPSHIELD_REPAIR_RATE_PER_HOUR
    return allow("credit-repair", client_key(request), limit=limit, window_seconds=3600)


def captcha_needed(request: HttpRequest) -> bool:
    """After a few free queries per client and hour, each query needs a CAPTCHA (anti-scraping)."""
    from ipshield.core.captcha import captcha_enabled

    free = settings.IPSHIELD_CREDIT_FREE_QUERIES
    return captcha_enabled() and not allow("credit-free", client_key(request), limit=free, window_seconds=3600)


class ListingOut(Schema):
    authority: str
    legal_basis: str
    starts_on: dt.date
    planned_end: dt.date


class EventOut(Schema):
    kind: str
    occurred_on: dt.date
    summary: str


class EnterpriseOut(Schema):
    uscc: str
    name: str
    listed: bool
    listings: list[ListingOut]
    events: list[EventOut]


class CreditResult(Schema):
    items: list[EnterpriseOut]
    count: int


def _enterprise_out(e: Enterprise) -> dict[str, Any]:
    active = [x for x in e.blacklist_entries.all() if x.removed_on is None]
    return {
        "uscc": e.uscc,
        "name": e.name,
        "listed": bool(active),
        "listings": [
            {
                "authority": x.authority.name,
                "legal_basis": x.legal_basis,
                "starts_on": x.starts_on,
                "planned_end": x.planned_end,
            }
            for x in active
        ],
        "events": [{"kind": v.kind, "occurred_on": v.occurred_on, "summary": v.summary} for v in e.events.all()[:20]],
    }


def credit_search(q: str) -> list[Enterprise]:
    text = normalise(q)[:QUERY_MAX]
    if len(text) < 2:
        return []
    if len(text) == 18 and text.isalnum():
        condition = Q(uscc=text)
    else:
        condition = Q(name_key__contains=name_key(text))
        if text.isascii() and any(c.isalpha() for c in text):  # a name written in pinyin
            condition |= Q(sound_key=matching.sound_key(text))
    return list(
        Enterprise.objects.filter(condition, merged_into__isnull=True)
        .order_by("name")
        .prefetch_related(
            Prefetch("blacklist_entries", BlacklistEntry.objects.select_related("authority")),
            Prefetch("events", IntegrityEvent.objects.filter(published=True)),
        )[:20]
    )


@public_router.get(
    "/credit",
    response={200: CreditResult, 422: ErrorResponse, 429: ErrorResponse},
    auth=None,
    summary="Public credit query by name or USCC: listing status and published facts only",
)
def public_credit(request: HttpRequest, params: Query[CreditQuery]) -> Any:
    if not query_allowed(request):
        raise ApiError(429, "too_many_requests", _("查询过于频繁，请稍后再试。"))
    if captcha_needed(request) and not captcha_check(params.captcha_token, params.captcha_answer):
        message = _("查询次数较多，请输入验证码（GET /api/v1/public/captcha）。")
        raise ApiError(422, "captcha", message, {"captcha": [message]})
    found = credit_search(params.q)
    return {"items": [_enterprise_out(e) for e in found], "count": len(found)}


class FeedParams(Schema):
    since: int = Field(0, ge=0)
    limit: int = Field(100, ge=1, le=1000)


class FeedItem(Schema):
    cursor: int
    action: str
    at: dt.datetime
    uscc: str
    name: str
    listed: bool
    starts_on: dt.date
    planned_end: dt.date
    removed_on: dt.date | None
    authority: str
    legal_basis: str


class FeedPage(Schema):
    items: list[FeedItem]
    next_cursor: int
    has_more: bool


@router.get(
    "/feed",
    response={200: FeedPage, 401: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse},
    summary="Bank feed: every listing, change and removal after the cursor, in order",
)
def credit_feed(request: HttpRequest, params: Query[FeedParams]) -> Any:
    user: Any = request.user
    if user.role != Role.BANK:
        raise ApiError(403, "forbidden", _("只有银行等授权机构可以读取诚信信息推送。"))
    rows = list(CreditFeedEvent.objects.filter(id__gt=params.since).order_by("id")[: params.limit + 1])
    items = [{"cursor": r.pk, "action": r.action, "at": r.at, **r.payload} for r in rows[: params.limit]]
    return {
        "items": items,
        "next_cursor": items[-1]["cursor"] if items else params.since,
        "has_more": len(rows) > params.limit,
    }


class RepairIn(Schema):
    uscc: str = Field(max_length=24)
    applicant: str = Field(max_length=64)
    contact: str = Field(max_length=32)
    statement: str = Field(max_length=5000)
    captcha: CaptchaIn | None = None


class RepairOut(Schema):
    id: int
    status: str
    submitted_at: dt.datetime
    due_at: dt.datetime
    authority: str


@public_router.post(
    "/credit/repair",
    response={201: RepairOut, 422: ErrorResponse, 429: ErrorResponse},
    auth=None,
    summary="信用修复申请: a listed enterprise (by USCC) applies for removal; the listing authority decides",
)
def public_credit_repair(request: HttpRequest, payload: RepairIn) -> Any:
    if not repair_allowed(request):
        raise ApiError(429, "too_many_requests", _("提交过于频繁，请稍后再试。"))
    require_captcha(payload.captcha)
    try:
        made = repair_submit(
            uscc=payload.uscc, applicant=payload.applicant, contact=payload.contact, statement=payload.statement
        )
    except ValidationError as exc:
        raise validation_error(exc) from exc
    return 201, {
        "id": made.pk,
        "status": made.status,
        "submitted_at": made.submitted_at,
        "due_at": made.due_at,
        "authority": made.entry.authority.name,
    }
