"""Case forms: details with the figures the screening engine reads, parties, penalty."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ipshield.cases.choices import Channel, PartyKind, PenaltyKind
from ipshield.cases.models import Case
from ipshield.cases.selectors import CASE_PERIOD_FIELDS
from ipshield.core.choices import CampaignDomain
from ipshield.core.drill import add_drill_fields
from ipshield.core.forms import ResidentIdField, USCCField
from ipshield.core.models import validate_region_code_exists
from ipshield.core.region_picker import region_field
from ipshield.screening.engine.aggregation import PRIOR_PENALTY_METRIC
from ipshield.screening.forms import FACT_PREFIX, fact_fields
from ipshield.screening.services import offence_choices


class CaseForm(forms.ModelForm):  # type: ignore[type-arg]
    offence = forms.ChoiceField(label=_("涉嫌罪名"), required=False)
    region_code = region_field(_("所在地区"), required=True, validators=[validate_region_code_exists])
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Case
        fields = [
            "title",
            "domain",
            "product_category",
            "channel",
            "offence",
            "conduct_date",
            "region_code",
            "right_holder",
            "goods_description",
            "facts_text",
            "prior_penalty_note",
        ]
        widgets = {
            "conduct_date": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "goods_description": forms.Textarea(attrs={"rows": 2}),
            "facts_text": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["offence"]).choices = [("", _("（不涉及或待定）")), *offence_choices()]
        offence = self.data.get("offence") if self.is_bound else (self.instance.offence or self.initial.get("offence"))
        self.fields.update(fact_fields(offence or "", initial=self.instance.facts if self.instance.pk else None))
        if self.instance.pk:
            self.fields["revision"].initial = self.instance.revision

    def fact_bound_fields(self) -> list[forms.BoundField]:
        fields = [self[name] for name in self.fields if name.startswith(FACT_PREFIX)]
        if FACT_PREFIX + PRIOR_PENALTY_METRIC in self.fields:  # the note belongs beside the fact it explains
            fields.append(self["prior_penalty_note"])
        return fields

    def detail_bound_fields(self) -> list[forms.BoundField]:
        return [
            self[name]
            for name in self.fields
            if not name.startswith(FACT_PREFIX) and name not in {"revision", "prior_penalty_note"}
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        facts: dict[str, Any] = {}
        for name, value in list(cleaned.items()):
            if name.startswith(FACT_PREFIX) and value is not None:
                facts[name[len(FACT_PREFIX) :]] = value
        if cleaned.get("offence") and not cleaned.get("conduct_date"):
            self.add_error("conduct_date", _("选择罪名后须填写违法行为日期，用于确定适用的标准版本。"))
        cleaned["facts"] = {k: (float(v) if isinstance(v, Decimal) else v) for k, v in facts.items()}
        if FACT_PREFIX + PRIOR_PENALTY_METRIC not in self.fields:  # no repeat rule: nothing to explain
            cleaned["prior_penalty_note"] = ""
        return cleaned

    def service_data(self) -> dict[str, Any]:
        data = {k: self.cleaned_data[k] for k in self.Meta.fields}
        data["facts"] = self.cleaned_data["facts"]
        return data


class PartyForm(forms.Form):
    kind = forms.ChoiceField(label=_("当事人类型"), choices=PartyKind.choices)
    name = forms.CharField(label=_("名称/姓名"), max_length=200)
    uscc = USCCField(label=_("统一社会信用代码"), max_length=24, required=False)
    resident_id = ResidentIdField(label=_("公民身份号码"), max_length=24, required=False)
    legal_representative = forms.CharField(label=_("法定代表人"), max_length=64, required=False)
    address = forms.CharField(label=_("地址"), max_length=255, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=32, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("kind") == PartyKind.ENTERPRISE and not cleaned.get("uscc") and "uscc" not in self.errors:
            self.add_error("uscc", _("企业当事人须填写统一社会信用代码。"))
        return cleaned


class SeizedItemForm(forms.Form):
    name = forms.CharField(label=_("物品名称"), max_length=200)
    quantity = forms.DecimalField(label=_("数量"), min_value=0.01, max_digits=14, decimal_places=2)
    unit = forms.CharField(label=_("单位"), max_length=16, initial="件")
    value_yuan = forms.DecimalField(label=_("价值（元）"), required=False, min_value=0, max_digits=14, decimal_places=2)


class PenaltyForm(forms.Form):
    penalty_kinds = forms.MultipleChoiceField(
        label=_("处罚种类"), choices=PenaltyKind.choices, widget=forms.CheckboxSelectMultiple
    )
    decision_number = forms.CharField(label=_("处罚决定书文号"), max_length=100)
    fine_amount = forms.DecimalField(
        label=_("罚款金额（元）"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    confiscated_amount = forms.DecimalField(
        label=_("没收违法所得（元）"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    penalty_basis = forms.CharField(label=_("处罚依据"), max_length=255, required=False)
    amount_involved = forms.DecimalField(
        label=_("涉案金额（元）"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        help_text=_("经查实的涉案商品货值和违法经营额"),
    )
    dens_destroyed = forms.IntegerField(label=_("捣毁窝点（个）"), required=False, min_value=0, max_value=10_000)


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("搜索"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("状态"), required=False)
    domain = forms.ChoiceField(label=_("专项领域"), required=False)
    offence = forms.ChoiceField(label=_("罪名"), required=False)
    screening = forms.ChoiceField(label=_("筛查结果"), required=False)
    region = region_field(_("地区"))
    overdue = forms.BooleanField(label=_("仅看逾期"), required=False)
    queue = forms.CharField(required=False, widget=forms.HiddenInput)
    agency = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)
    on_time = forms.ChoiceField(
        required=False, choices=[("decision", _("在法定期限内作出处罚决定"))], widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from ipshield.cases.choices import CaseStatus, ScreeningOutcome

        super().__init__(*args, **kwargs)
        every: list[tuple[str, Any]] = [("", _("全部"))]
        cast(forms.ChoiceField, self.fields["status"]).choices = every + list(CaseStatus.choices)
        cast(forms.ChoiceField, self.fields["domain"]).choices = every + list(CampaignDomain.choices)
        cast(forms.ChoiceField, self.fields["offence"]).choices = every + offence_choices()
        cast(forms.ChoiceField, self.fields["screening"]).choices = every + list(ScreeningOutcome.choices)
        add_drill_fields(
            self, list(CASE_PERIOD_FIELDS), exact=("product_category", "right_holder"), ip_type=True, officer=True
        )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("案件台账（Excel .xlsx）"))
    import_valid_rows = forms.BooleanField(label=_("跳过有错误的行，只导入正确的行"), required=False)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = settings.IPSHIELD_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("文件超过大小上限 %(limit)s。") % {"limit": filesizeformat(limit)}, code="too_large"
            )
        return upload


CHANNEL_CHOICES = Channel.choices
