from django.contrib import admin

from ipshield.cases.models import Case, CaseScreening, Party, SeizedItem
from ipshield.core.admin import ReadOnlyAdmin


class PartyInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Party
    extra = 0


class SeizedItemInline(admin.TabularInline):  # type: ignore[type-arg]
    model = SeizedItem
    extra = 0


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    # Read-only: case writes go through cases.services so that they are validated and audited.
    list_display = ["number", "title", "agency", "status", "screening_outcome", "lead_received_at"]
    list_filter = ["status", "screening_outcome", "domain"]
    search_fields = ["number", "title"]
    raw_id_fields = ["agency", "created_by"]
    inlines = [PartyInline, SeizedItemInline]


@admin.register(CaseScreening)
class CaseScreeningAdmin(ReadOnlyAdmin):
    list_display = ["case", "offence", "outcome", "rule_version", "created_at"]
    raw_id_fields = ["case"]
