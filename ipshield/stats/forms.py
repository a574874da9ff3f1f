from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import CampaignDomain
from ipshield.core.models import validate_region_code_exists
from ipshield.core.region_picker import region_field
from ipshield.stats.reports import REPORTS

MAX_PERIOD_DAYS = 366 * 10


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
        today = timezone.localdate()
        start: dt.date = cleaned.get("start") or today.replace(month=1, day=1)
        end: dt.date = cleaned.get("end") or today
        if start > end or (end - start).days > MAX_PERIOD_DAYS:
            self.add_error("end", _("统计期间无效：开始日期须早于结束日期，且不超过十年。"))
        cleaned["start"], cleaned["end"] = start, end
        return cleaned
