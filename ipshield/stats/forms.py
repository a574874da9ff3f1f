from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import CampaignDomain
from ipshield.core.models import validate_region_code_exists
from ipshield.core.region_picker import region_field
from ipshield.stats.reports import REPORTS, Period


class ReportForm(forms.Form):
    report = forms.ChoiceField(label=_("报表"))
    region = region_field(_("地区"), validators=[validate_region_code_exists])
    start = forms.DateField(label=_("开始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("结束日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    domain = forms.ChoiceField(label=_("专项领域"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["report"].choices = [(r.key, r.title) for r in REPORTS.values()]  # type: ignore[attr-defined]
        self.fields["domain"].choices = [("", _("全部")), *CampaignDomain.choices]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        try:
            cleaned["period"] = Period.chosen(cleaned.get("start"), cleaned.get("end"))
        except ValidationError as exc:
            self.add_error("end", exc.messages)
        return cleaned
