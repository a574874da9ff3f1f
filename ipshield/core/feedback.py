"""How a page tells an officer what a service did (a success message, or the refusal in words), and
where it goes next."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _


@contextmanager
def service_feedback(request: HttpRequest, success: str | None = None) -> Iterator[None]:
    """Run a service call; refusals (validation, permission) become error messages, not 500s.

    The service's own transaction has rolled back by then, so nothing is half-written.
    """
    try:
        yield
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success or _("已办理。"))


def redirect_back(request: HttpRequest, fallback: str, *args: Any, **kwargs: Any) -> HttpResponse:
    """Redirect to the form's `next` when it is a path on this site, else to `fallback` (no open
    redirect: `//evil.example`, `https://…` and backslash tricks are refused by Django's check)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts=None) and target.startswith("/"):
        return redirect(target)
    response: HttpResponse = redirect(fallback, *args, **kwargs)
    return response
