from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import CampaignDomain, Role
from ipshield.core.drill import add_drill_fields
from ipshield.core.models import Agency, User
from ipshield.core.region_picker import region_field
from ipshield.transfers.choices import (
    CriminalStepKind,
    OfficialClueDecision,
    OfficialClueKind,
    SupervisionQueue,
    TransferGround,
)


class ProposeForm(forms.Form):
    group_members = forms.ModelMultipleChoiceField(
        label=_("专案组成员（两名以上）"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    ground = forms.ChoiceField(label=_("移送依据"), choices=TransferGround.choices)
    report = forms.CharField(
        label=_("移送报告（涉嫌犯罪的事实、证据和法律依据）"), widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args: Any, agency_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["group_members"]).queryset = User.objects.filter(
            agency_id=agency_id, role__in=[Role.OFFICER, Role.AGENCY_HEAD], is_active=True
        ).order_by("username")


class StepForm(forms.Form):
    kind = forms.ChoiceField(label=_("环节"), choices=CriminalStepKind.choices)
    person_name = forms.CharField(label=_("涉案人员"), max_length=64, required=False)
    occurred_on = forms.DateField(label=_("日期"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    result = forms.CharField(label=_("结果"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class SupervisionForm(forms.Form):
    queue = forms.ChoiceField(choices=SupervisionQueue.choices, widget=forms.HiddenInput)
    case_id = forms.IntegerField(widget=forms.HiddenInput)
    transfer_id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    opinion = forms.CharField(label=_("监督意见"), widget=forms.Textarea(attrs={"rows": 3}))


class QueueFilterForm(forms.Form):
    region = region_field(_("地区"))
    domain = forms.ChoiceField(label=_("专项领域"), required=False, choices=[("", _("全部")), *CampaignDomain.choices])


class OfficialClueForm(forms.Form):
    """公职人员涉案线索 reported from a case (limits checked again by the service)."""

    kind = forms.ChoiceField(label=_("线索类别"), choices=OfficialClueKind.choices)
    officials = forms.CharField(
        label=_("涉及人员及职务"),
        required=False,
        max_length=300,
        help_text=_("已知的姓名、单位和职务；不知道可以不填。"),
    )
    description = forms.CharField(
        label=_("线索内容"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("发现了什么、在哪份证据里（如账册中的“公关费”、通风报信的通话记录）。"),
        error_messages={"required": _("请写明线索内容：发现了什么、证据在哪里。")},
    )


class OfficialClueDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("处理结果"), choices=OfficialClueDecision.choices)
    note = forms.CharField(
        label=_("处理说明"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("如立案决定书文号、移送的监察机关及日期、不予处理的理由。"),
        error_messages={"required": _("请写明处理说明（如立案文号、移送的监察机关）。")},
    )


OUTCOME_LABELS = {
    "accepted": _("公安机关已立案"),
    "refused": _("公安机关曾不予立案"),
    "supervised": _("已建议立案监督"),
}


class TransferListForm(forms.Form):
    """The transfer list's filters: the tabs' status and overdue, and a statistics drill-down."""

    status = forms.CharField(required=False, max_length=32)
    overdue = forms.BooleanField(required=False)
    domain = forms.ChoiceField(required=False, choices=[("", ""), *CampaignDomain.choices])
    region = forms.RegexField(regex=r"^[0-9]{6}$", required=False)
    outcome = forms.ChoiceField(required=False, choices=[("", ""), *OUTCOME_LABELS.items()], widget=forms.HiddenInput)
    step = forms.ChoiceField(required=False, choices=[("", ""), *CriminalStepKind.choices], widget=forms.HiddenInput)
    agency = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_drill_fields(self, ["sent", "step"], ip_type=True, officer=True)

    def conditions(self) -> list[str]:
        data = getattr(self, "cleaned_data", {})
        out = [str(OUTCOME_LABELS[data["outcome"]])] if data.get("outcome") else []
        if data.get("agency"):
            name = Agency.objects.filter(pk=data["agency"]).values_list("name", flat=True).first()
            out.append(str(_("移送机关：%(name)s") % {"name": name or "—"}))
        if data.get("step"):
            out.append(str(CriminalStepKind(data["step"]).label))
        return out


OUTCOME_LABELS = {
    "accepted": _("公安机关已立案"),
    "refused": _("公安机关曾不予立案"),
    "supervised": _("已建议立案监督"),
}


class CriminalStepFilterForm(forms.Form):
    """The steps list's filters (the 人 figures of the stages report)."""

    kind = forms.ChoiceField(required=False, choices=[("", ""), *CriminalStepKind.choices], widget=forms.HiddenInput)
    domain = forms.ChoiceField(required=False, choices=[("", ""), *CampaignDomain.choices], widget=forms.HiddenInput)
    region = forms.RegexField(regex=r"^[0-9]{6}$", required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_drill_fields(self, ["occurred"], ip_type=True)
