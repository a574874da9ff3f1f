"""Two factors for staff (等保 2.0 level 3 / ASVS L2): TOTP (django-otp) with recovery codes.

Sensitive steps need a session verified with a second factor: revealing a reporter's identity,
any blacklist write, every admin page, and issuing an API token to a person. System accounts
(the bank role) get tokens without one; they can do none of the sensitive steps.

IPSHIELD_2FA = "required" (the default) enforces it; "optional" (the local demo that `make run`
starts, so that its walk-through works with passwords alone) lets people enrol and verify but
does not block. Replayed codes are refused: django-otp keeps the last accepted time step.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ipshield.core.audit import audit_record
from ipshield.core.choices import Role

SYSTEM_ACCOUNT_ROLES = frozenset({Role.BANK})
RECOVERY_CODES = 10


def required() -> bool:
    return str(getattr(settings, "IPSHIELD_2FA", "required")) == "required"


def is_verified(user: Any) -> bool:
    check = getattr(user, "is_verified", None)
    return bool(check()) if callable(check) else False


def needs_step_up(user: Any) -> bool:
    """True when this signed-in user must verify a second factor before a sensitive step."""
    return required() and not is_verified(user)


def second_factor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Page decorator: a sensitive step (or a POST to one) sends an unverified user to verify first."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if needs_step_up(request.user):
            response: HttpResponse = redirect(f"/account/verify/?{urlencode({'next': request.get_full_path()})}")
            return response
        return view(request, *args, **kwargs)

    return wrapper


def has_second_factor(user: Any) -> bool:
    return bool(user_has_device(user, confirmed=True))


def _may_enrol(user: Any) -> None:
    """A new authenticator replaces the old one only from a session verified with the old one: a
    stolen password alone must not be enough to bind the thief's phone."""
    if has_second_factor(user) and not is_verified(user):
        raise PermissionDenied(_("更换验证器前，请先用现有验证器或恢复码验证本次登录。"))


def totp_start(*, user: Any) -> TOTPDevice:
    """An unconfirmed authenticator for the user (replacing any earlier unconfirmed one)."""
    _may_enrol(user)
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def totp_confirm(*, request: HttpRequest, token: str) -> list[str] | None:
    """Confirm the pending authenticator with a code; return fresh recovery codes (shown once)."""
    user: Any = request.user
    _may_enrol(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(token.strip()):
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = recovery_codes_reset(user=user)
        audit_record(actor=user, action="user.2fa.enrol", target=user, after={"device": "totp"})
    otp_login(request, device)
    return codes


def recovery_codes_reset(*, user: Any) -> list[str]:
    """Ten single-use recovery codes (only their use is stored by django-otp's static device)."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def verify_session(*, request: HttpRequest, token: str) -> bool:
    """Verify this session with a TOTP code or a recovery code (each accepted once)."""
    user: Any = request.user
    token = token.strip().replace(" ", "")
    if not token or len(token) > 16:
        return False
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if device.verify_token(token):
                otp_login(request, device)
                audit_record(actor=user, action="user.2fa.verify", target=user, after={"device": type(device).__name__})
                return True
    return False


def token_factor_ok(user: Any, otp: str) -> bool:
    """May this user get an API token? System accounts yes; people only with a valid code
    (required mode), or any valid code they chose to send (optional mode)."""
    if user.role in SYSTEM_ACCOUNT_ROLES:
        return True
    if not has_second_factor(user):
        return not required()
    if not otp:
        return not required()
    with transaction.atomic():
        return any(d.verify_token(otp.strip()) for d in devices_for_user(user, confirmed=True, for_verify=True))
