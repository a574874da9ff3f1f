from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import CampaignDomain, Role
from ipshield.core.models import User
from ipshield.core.region_picker import region_field
from ipshield.transfers.choices import CriminalStepKind, SupervisionQueue, TransferGround


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
