"""How a page tells an officer what a service did: a success message, or the refusal in words."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
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
