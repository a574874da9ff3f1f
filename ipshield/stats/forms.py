from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import AgencyKind, CampaignDomain
from ipshield.core.models import validate_region_code_exists
from ipshield.core.region_picker import region_field
from ipshield.stats.reports import REPORTS, Period


class ReportForm(forms.Form):
    report = forms.ChoiceField(label=_("报表"))
    region = region_field(_("地区"), validators=[validate_region_code_exists])
    start = forms.DateField(label=_("开始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("结束日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    domain = forms.ChoiceField(label=_("专项领域"), required=False)
    agency_kind = forms.ChoiceField(label=_("机关类别"), required=False)
    level = forms.ChoiceField(
        label=_("统计范围"), required=False, choices=[("all", _("含下级")), ("own", _("本级"))], initial="all"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency_kind"].choices = [("", _("全部")), *AgencyKind.choices]  # type: ignore[attr-defined]
        self.fields["report"].choices = [(r.key, r.title) for r in REPORTS.values()]  # type: ignore[attr-defined]
        self.fields["domain"].choices = [("", _("全部")), *CampaignDomain.choices]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        try:
            cleaned["period"] = Period.chosen(cleaned.get("start"), cleaned.get("end"))
        except ValidationError as exc:
            self.add_error("end", exc.messages)
        return cleaned


class DashboardForm(forms.Form):
    region = region_field(_("地区"), validators=[validate_region_code_exists])
    indicator = forms.ChoiceField(label=_("地图指标"), required=False)
    domain = forms.ChoiceField(label=_("专项领域"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from ipshield.stats.dashboard import indicator_choices

        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = indicator_choices()  # type: ignore[attr-defined]
        self.fields["domain"].choices = [("", _("全部")), *CampaignDomain.choices]  # type: ignore[attr-defined]


class AlertFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("状态"), required=False)
    level = forms.ChoiceField(label=_("预警等级"), required=False)
    rule = forms.ChoiceField(label=_("预警规则"), required=False)
    region = region_field(_("地区"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from ipshield.stats.choices import AlertLevel, AlertStatus, WarningRuleId

        super().__init__(*args, **kwargs)
        every = [("", _("全部"))]
        self.fields["status"].choices = [*every, ("open", _("未关闭")), *AlertStatus.choices]  # type: ignore[attr-defined]
        self.fields["level"].choices = [*every, *AlertLevel.choices]  # type: ignore[attr-defined]
        self.fields["rule"].choices = [*every, *WarningRuleId.choices]  # type: ignore[attr-defined]


class AlertActionForm(forms.Form):
    event = forms.ChoiceField(label=_("操作"), widget=forms.RadioSelect)
    note = forms.CharField(label=_("研判意见或处置情况"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from ipshield.stats.choices import AlertEvent

        super().__init__(*args, **kwargs)
        self.fields["event"].choices = AlertEvent.choices  # type: ignore[attr-defined]


class PackageForm(forms.Form):
    region = region_field(_("地区"), validators=[validate_region_code_exists])
    kind = forms.ChoiceField(
        label=_("报表周期"), choices=[("month", _("月报")), ("quarter", _("季报")), ("year", _("年报"))]
    )
    year = forms.IntegerField(label=_("年份"), min_value=2000, max_value=2100)
    number = forms.IntegerField(label=_("月份或季度"), min_value=1, max_value=12, required=False)

    def clean(self) -> dict[str, Any]:
        from ipshield.stats.packages import package_period

        cleaned = super().clean() or {}
        kind, year, number = cleaned.get("kind"), cleaned.get("year"), cleaned.get("number") or 1
        if kind == "quarter" and number > 4:
            self.add_error("number", _("季度只能是1至4。"))
        elif kind and year:
            cleaned["period"] = package_period(kind, year, number)
        return cleaned


class MonthForm(forms.Form):
    month = forms.DateField(
        label=_("月份"), input_formats=["%Y-%m"], widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    )


class SubmitMonthForm(MonthForm):
    note = forms.CharField(label=_("说明（可不填）"), max_length=500, required=False)


class AssessmentOpenForm(forms.Form):
    scheme = forms.ChoiceField(label=_("考核方案"))
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)

    def __init__(self, *args: Any, year: int, **kwargs: Any) -> None:
        from ipshield.stats.assessments import scheme_choices

        super().__init__(*args, **kwargs)
        self.fields["scheme"].choices = scheme_choices(year)  # type: ignore[attr-defined]


class AssessmentStepForm(forms.Form):
    """One step on an assessment; which fields matter depends on the step (the service checks)."""

    event = forms.CharField(max_length=20)
    item = forms.CharField(max_length=64, required=False)
    points = forms.DecimalField(label=_("分数"), required=False, min_value=0, max_value=1000, decimal_places=2)
    note = forms.CharField(label=_("说明"), required=False, max_length=2000)
    reason = forms.CharField(label=_("理由"), required=False, max_length=2000)
    veto = forms.BooleanField(required=False)
    appeal = forms.CharField(
        label=_("申诉理由"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    answer = forms.CharField(
        label=_("申诉答复"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
