from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ipshield.core.audit import audit_record
from ipshield.core.models import Agency, ApiToken, Region, User


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name", "pinyin"]
    raw_id_fields = ["parent"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "code", "kind", "level", "region", "is_active"]
    list_filter = ["kind", "level", "is_active"]
    search_fields = ["name", "code", "region__name"]
    raw_id_fields = ["region"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):  # type: ignore[type-arg]
    list_display = ["username", "display_name", "role", "agency", "is_active"]
    list_filter = ["role", "is_active", "agency__kind"]
    search_fields = ["username", "display_name", "agency__name"]
    raw_id_fields = ["agency"]
    fieldsets = (*(BaseUserAdmin.fieldsets or ()), (_("机构与角色"), {"fields": ("display_name", "role", "agency")}))
    add_fieldsets = (
        *(BaseUserAdmin.add_fieldsets or ()),
        (_("机构与角色"), {"fields": ("display_name", "role", "agency")}),
    )

    def save_model(self, request: Any, obj: User, form: Any, change: bool) -> None:
        """Every permission change is audited: who gave whom which role, agency or status."""
        before = _permissions(User.objects.get(pk=obj.pk)) if change and obj.pk else {}
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            after = _permissions(obj)
            if before != after:
                audit_record(
                    actor=request.user,
                    action="user.permissions.change" if change else "user.create",
                    target=obj,
                    before={k: v for k, v in before.items() if before.get(k) != after.get(k)},
                    after={k: v for k, v in after.items() if before.get(k) != after.get(k)},
                )

    def delete_model(self, request: Any, obj: User) -> None:
        with transaction.atomic():
            audit_record(actor=request.user, action="user.delete", target=obj, before=_permissions(obj))
            super().delete_model(request, obj)


def _permissions(user: User) -> dict[str, Any]:
    return {
        "role": user.role,
        "agency": user.agency_id,
        "is_active": user.is_active,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "groups": sorted(user.groups.values_list("name", flat=True)) if user.pk else [],
        "permissions": sorted(user.user_permissions.values_list("codename", flat=True)) if user.pk else [],
    }


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ["prefix", "user", "created_at", "expires_at", "last_used_at", "revoked_at"]
