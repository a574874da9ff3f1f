"""Rule amendments: an administrator uploads a YAML file; it is validated, audited, effective by date."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ipshield.core.admin import ReadOnlyAdmin
from ipshield.screening.engine import RuleDataError
from ipshield.screening.models import RuleAmendment
from ipshield.screening.services import rule_amendment_load


class RuleUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("规则文件（YAML）"))
    note = forms.CharField(label=gettext_lazy("说明"), max_length=255, required=False)


@admin.register(RuleAmendment)
class RuleAmendmentAdmin(ReadOnlyAdmin):
    list_display = ["id", "loaded_at", "loaded_by", "note", "sha256"]
    change_list_template = "screening/admin_changelist.html"

    def get_urls(self) -> list[Any]:
        return [
            path("upload/", self.admin_site.admin_view(self.upload_view), name="screening_rule_upload"),
            *super().get_urls(),
        ]

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_superuser:
            return HttpResponseRedirect(reverse("admin:index"))
        form = RuleUploadForm(request.POST or None, request.FILES or None)
        problems: list[str] = []
        if request.method == "POST" and form.is_valid():
            text = form.cleaned_data["file"].read().decode("utf-8", errors="replace")
            try:
                rule_amendment_load(actor=request.user, text=text, note=form.cleaned_data["note"])
            except RuleDataError as exc:
                problems = exc.problems
            else:
                messages.success(request, _("规则已加载并生效（按各版本的生效日期）。"))
                return HttpResponseRedirect(reverse("admin:screening_ruleamendment_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "problems": problems,
            "title": _("加载新的规则版本"),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "screening/admin_upload.html", context)
