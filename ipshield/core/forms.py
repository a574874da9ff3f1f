"""Form fields and validators for identifiers and regions, with messages in the user's language."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ipshield.core.identifiers import IdentifierError, validate_resident_id, validate_uscc

USCC_MESSAGES = {
    "length": _("统一社会信用代码应为18位。"),
    "characters": _("统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）。"),
    "checksum": _("统一社会信用代码校验位不正确，请核对。"),
    "org_checksum": _("统一社会信用代码中的组织机构代码校验位不正确。"),
}
RESIDENT_ID_MESSAGES = {
    "length": _("公民身份号码应为18位。"),
    "characters": _("公民身份号码只能包含数字，最后一位可以是 X。"),
    "birth_date": _("公民身份号码中的出生日期无效。"),
    "checksum": _("公民身份号码校验位不正确，请核对。"),
}


def uscc_validator(value: str) -> None:
    try:
        validate_uscc(value)
    except IdentifierError as exc:
        raise ValidationError(USCC_MESSAGES[exc.code], code=f"uscc_{exc.code}") from exc


def resident_id_validator(value: str) -> None:
    try:
        validate_resident_id(value)
    except IdentifierError as exc:
        raise ValidationError(RESIDENT_ID_MESSAGES[exc.code], code=f"resident_id_{exc.code}") from exc


class USCCField(forms.CharField):
    default_validators = [uscc_validator]

    def to_python(self, value: str | None) -> str:
        text = super().to_python(value) or ""
        try:
            return validate_uscc(text) if text else text
        except IdentifierError:
            return text


class ResidentIdField(forms.CharField):
    default_validators = [resident_id_validator]

    def to_python(self, value: str | None) -> str:
        text = super().to_python(value) or ""
        try:
            return validate_resident_id(text) if text else text
        except IdentifierError:
            return text


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("用户名"), max_length=150, widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"})
    )
    password = forms.CharField(
        label=_("密码"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    error_messages = {
        "invalid_login": _("用户名或密码错误。"),
        "inactive": _("该账号已停用。"),
    }


def apply_service_errors(form: forms.BaseForm, exc: ValidationError, rename: Mapping[str, str] | None = None) -> None:
    """A service's ValidationError on the form: under the field it names (or `rename[field]`), else
    above the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            field = (rename or {}).get(field, field)
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        for error in exc.messages:
            form.add_error(None, error)


CENT = Decimal("0.01")


def amount_value(
    value: Any, field: str, errors: dict[str, str], *, maximum: Decimal, required: bool = False
) -> Decimal | None:
    """A quantity or a sum of money typed by a person, rounded to cents. Blank is None (an error
    when required); a required amount must be above zero, any amount at most `maximum` (the
    column's width). Problems go into `errors` under `field`, as the services collect them."""
    if value in (None, ""):
        if required:
            errors[field] = str(_("请填写数量。"))
        return None
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        errors[field] = str(_("请填写数字。"))
        return None
    if not amount.is_finite() or amount < 0 or amount > maximum or (required and amount == 0):
        # a quantity must be above zero; a value may be zero (goods worth nothing on the market)
        message = _("数值须大于零且不超过 %(max)s。") if required else _("数值不能为负数，也不能超过 %(max)s。")
        errors[field] = str(message) % {"max": f"{maximum:,}"}
        return None
    return amount.quantize(CENT)
