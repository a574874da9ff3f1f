"""Forms of the disclosure pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import CampaignDomain
from ipshield.core.drill import add_drill_fields

STATE_LABELS = {
    "due": _("应公开"),
    "published": _("已公开"),
    "on_time": _("在20个工作日内公开"),
    "withheld": _("不予公开"),
    "withdrawn": _("已撤回"),
}


class DisclosureDrillForm(forms.Form):
    """The filters a statistics figure adds to the review list, hidden and named in a banner."""

    domain = forms.ChoiceField(choices=CampaignDomain.choices, required=False, widget=forms.HiddenInput)
    state = forms.ChoiceField(choices=list(STATE_LABELS.items()), required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_drill_fields(self, ["decided"])

    def conditions(self) -> list[str]:
        data = getattr(self, "cleaned_data", {})
        out = [str(STATE_LABELS[data["state"]])] if data.get("state") else []
        if data.get("domain"):
            out.append(str(CampaignDomain(data["domain"]).label))
        return out
