from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from ipshield.core.models import Agency, ApiToken, Attachment, AuditEvent, Region, User


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


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["id", "created_at", "actor_name", "action", "object_type", "object_id"]
    list_filter = ["action"]
    search_fields = ["object_id", "actor_name"]


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ["prefix", "user", "created_at", "expires_at", "last_used_at", "revoked_at"]


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "blob", "uploaded_by", "uploaded_at"]
