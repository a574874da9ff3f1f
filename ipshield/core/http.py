"""Request types: a view behind `login_required` (or an API route with AUTH) gets a real user."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from ipshield.core.models import ApiToken, User


class AuthenticatedRequest(HttpRequest):
    """For type checking only: `request.user` is a signed-in ipshield user, never AnonymousUser."""

    user: User  # narrows HttpRequest.user after authentication
    api_token: ApiToken | None
