"""The public API (/api/v1): one NinjaAPI, routers mounted per domain app (ARCHITECTURE §6).

Every error is `{"error": {"code", "message", "fields"}}` with a 4xx status, in the request's
language (Accept-Language: zh-hans | en).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from ipshield.cases.api import router as cases_router
from ipshield.cooperation.api import ROUTERS as cooperation_routers
from ipshield.core.api import ApiError, agencies_router, events_router
from ipshield.core.api import router as core_router
from ipshield.core.workflow import Conflict
from ipshield.credit.api import public_router as public_credit_router
from ipshield.credit.api import router as credit_router
from ipshield.disclosure.api import public_router as public_disclosure_router
from ipshield.disclosure.api import staff_router as disclosure_router
from ipshield.screening.api import router as screening_router
from ipshield.stats.api import router as stats_router
from ipshield.tips.api import TipIn
from ipshield.tips.api import public_router as public_tips_router
from ipshield.tips.api import router as tips_router
from ipshield.transfers.api import cases_router as case_transfers_router
from ipshield.transfers.api import clues_router, steps_router, supervision_router
from ipshield.transfers.api import router as transfers_router

ERROR_REF = {"$ref": "#/components/schemas/ErrorResponse"}
# Statuses any route can answer before its own code runs, documented on every operation so that
# clients (and schemathesis) meet no undocumented status.
COMMON_STATUSES = {
    400: "Malformed request: unreadable body, too deeply nested JSON, or a NUL byte in the input",
    414: "Request line too long (the server's limit is 4094 bytes)",
    422: "Input fails validation; `fields` names each bad field",
}
BODY_STATUSES = {413: "Request body larger than the server accepts"}
LIMITED_STATUSES = {429: "Too many requests from this client; try again later"}
LIMITED_PATHS = ("/api/v1/public/", "/api/v1/auth/token")


class IpshieldAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document lists the statuses every route may answer, and the
    request schemas routes that parse their own body refer to (the public tip form)."""

    extra_schemas: tuple[type[Any], ...] = ()

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in self.extra_schemas:
            body = model.model_json_schema(ref_template="#/components/schemas/{model}")
            components.update(body.pop("$defs", {}))
            components.setdefault(model.__name__, body)
        for path, operations in schema["paths"].items():
            for method, operation in operations.items():
                extra = dict(COMMON_STATUSES)
                if method in {"post", "put", "patch"}:
                    extra.update(BODY_STATUSES)
                    if operation.get("security"):  # a session without its CSRF token is refused
                        extra[403] = "Not allowed for this account, or a session request without its CSRF token"
                if path.startswith(LIMITED_PATHS):
                    extra.update(LIMITED_STATUSES)
                responses = operation.setdefault("responses", {})
                for status, description in extra.items():
                    if status in responses or str(status) in responses:
                        continue
                    responses.setdefault(
                        status, {"description": description, "content": {"application/json": {"schema": ERROR_REF}}}
                    )
        return schema


api = IpshieldAPI(
    title="ipshield API",
    version="1",
    description="知识产权保护与打击假冒协同平台 · 两法衔接信息共享接口. Errors: {error: {code, message, fields}}.",
    urls_namespace="api",
    docs_url="/docs",
)


def error_response(
    request: HttpRequest, status: int, code: str, message: str, fields: dict[str, Any] | None = None
) -> HttpResponse:
    return api.create_response(
        request, {"error": {"code": code, "message": message, "fields": fields or {}}}, status=status
    )


def _field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    # ninja prefixes locations with the parameter source ("body", "query", "payload").
    parts = [str(p) for p in loc if p not in {"body", "query", "path", "form", "file", "payload", "data"}]
    return ".".join(parts) or "__all__"


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields: dict[str, list[str]] = {}
    for error in exc.errors:
        fields.setdefault(_field_path(error.get("loc", ())), []).append(str(error.get("msg", "")))
    return error_response(request, 422, "validation_error", _("提交的数据有误，请检查标出的字段。"), fields)


@api.exception_handler(ApiError)
def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
    return error_response(request, exc.status_code, exc.code, str(exc.message), exc.fields)


@api.exception_handler(DjangoValidationError)
def on_django_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    fields = {k: [str(m) for m in v] for k, v in exc.message_dict.items()} if hasattr(exc, "error_dict") else {}
    message = "; ".join(str(m) for m in exc.messages) if not fields else _("提交的数据有误，请检查标出的字段。")
    return error_response(request, 422, "validation_error", message, fields)


@api.exception_handler(Conflict)
def on_conflict(request: HttpRequest, exc: Conflict) -> HttpResponse:
    return error_response(request, 409, "conflict", str(exc) or _("该记录已被他人处理，请刷新后查看。"))


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error_response(request, 401, "unauthorized", _("需要登录或有效的接口令牌。"))


@api.exception_handler(PermissionDenied)
def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error_response(request, 403, "forbidden", str(exc) or _("您的角色不能执行此操作。"))


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(request, 404, "not_found", _("未找到该记录。"))


@api.exception_handler(RequestDataTooBig)
def on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return error_response(request, 413, "too_large", _("提交的内容过大。"))


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    code = {
        400: "bad_request",
        401: "unauthorized",
        403: "forbidden",
        404: "not_found",
        405: "method_not_allowed",
        409: "conflict",
        413: "too_large",
        429: "too_many_requests",
    }.get(exc.status_code, "error")
    return error_response(request, exc.status_code, code, str(exc.message))


api.extra_schemas = (TipIn,)
api.add_router("/auth", core_router)
api.add_router("/agencies", agencies_router)
api.add_router("/events", events_router)
api.add_router("/screening", screening_router)
# /cases/{id}/transfers before the generic /cases/{id}/{action} of the case lifecycle.
api.add_router("/cases", case_transfers_router)
api.add_router("/cases", cases_router)
api.add_router("/transfers", transfers_router)
api.add_router("/criminal-steps", steps_router)
api.add_router("/supervision", supervision_router)
api.add_router("/official-clues", clues_router)
api.add_router("/stats", stats_router)
api.add_router("/public", public_tips_router)
api.add_router("/tips", tips_router)
api.add_router("/public", public_credit_router)
api.add_router("/credit", credit_router)
api.add_router("/public", public_disclosure_router)
api.add_router("/disclosures", disclosure_router)
for prefix, cooperation_router in cooperation_routers:
    api.add_router(prefix, cooperation_router)
