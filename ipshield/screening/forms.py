from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ipshield.screening.services import offence_choices, offence_inputs

FACT_PREFIX = "fact__"


def fact_fields(offence: str, initial: dict[str, Any] | None = None) -> dict[str, forms.Field]:
    """Form fields for the figures an offence's thresholds read."""
    english = (get_language() or "").startswith("en")
    fields: dict[str, forms.Field] = {}
    for metric in offence_inputs(offence):
        label = metric.label_en if english else metric.label_zh
        if metric.kind == "flag":
            field: forms.Field = forms.NullBooleanField(
                label=label,
                required=False,
                widget=forms.Select(choices=[("unknown", _("未查明")), ("true", _("是")), ("false", _("否"))]),
            )
        elif metric.kind == "count":
            field = forms.IntegerField(label=label, required=False, min_value=0)
        else:
            field = forms.DecimalField(label=label, required=False, min_value=0, max_digits=16, decimal_places=2)
        field.widget.attrs["data-metric"] = metric.name
        if initial and metric.name in initial:
            field.initial = initial[metric.name]
        fields[FACT_PREFIX + metric.name] = field
    return fields


class ScreeningForm(forms.Form):
    offence = forms.ChoiceField(label=_("罪名"))
    conduct_date = forms.DateField(
        label=_("违法行为日期"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    handling_date = forms.DateField(
        label=_("处理日期"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text=_("留空为今天"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = offence_choices()
        cast(forms.ChoiceField, self.fields["offence"]).choices = choices
        offence = self.data.get("offence") if self.is_bound else self.initial.get("offence")
        self.fields.update(fact_fields(offence or choices[0][0]))

    def facts(self) -> dict[str, Any]:
        return {
            name[len(FACT_PREFIX) :]: (value if isinstance(value, bool) else float(value))
            for name, value in self.cleaned_data.items()
            if name.startswith(FACT_PREFIX) and value is not None
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        handling = cleaned.get("handling_date") or timezone.localdate()
        cleaned["handling_date"] = handling
        if cleaned.get("conduct_date") and handling < cleaned["conduct_date"]:
            self.add_error("handling_date", _("处理日期不能早于行为日期。"))
        return cleaned
