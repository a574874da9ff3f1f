"""The filters a statistics figure adds to a list page (?filed_from=&filed_to=&region_exact=...):
hidden on the page, named in a banner, so the list a figure links to counts the same records."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import AgencyKind

# The IP types of the statistics tables (cases.choices.IpType, repeated here: core sits below cases).
IP_TYPE_CHOICES = [
    ("trademark", _("商标")),
    ("geographical_indication", _("地理标志")),
    ("patent", _("专利")),
    ("other", _("其他")),
]

# name on the URL → what the banner calls the period
PERIOD_LABELS: dict[str, Any] = {
    "filed": _("立案时间"),
    "decided": _("处罚决定时间"),
    "suspected": _("首次筛查为涉嫌犯罪的时间"),
    "sent": _("移送时间"),
    "received": _("收到举报的时间"),
    "accept_decided": _("作出受理决定的时间"),
    "concluded": _("办结时间"),
    "reward_paid": _("发放举报奖励的时间"),
    "closed": _("结案时间"),
    "lead": _("收到线索的时间"),
    "step": _("刑事程序环节的日期"),
    "occurred": _("刑事程序环节的日期"),
}


# exact-match filters a ranking links with (?product_category=…) → what the banner calls them
EXACT_LABELS: dict[str, Any] = {"product_category": _("产品类别"), "right_holder": _("权利人（品牌）")}


def add_drill_fields(
    form: forms.Form, periods: list[str], exact: tuple[str, ...] = (), *, ip_type: bool = False, officer: bool = False
) -> None:
    for name in periods:
        for end in ("from", "to"):
            form.fields[f"{name}_{end}"] = forms.DateField(required=False, widget=forms.HiddenInput)
    form.fields["region_exact"] = forms.RegexField(regex=r"^[0-9]{6}$", required=False, widget=forms.HiddenInput)
    form.fields["agency_kind"] = forms.ChoiceField(choices=AgencyKind.choices, required=False, widget=forms.HiddenInput)
    if ip_type:  # only lists whose selector reads it (cases, transfers)
        form.fields["ip_type"] = forms.ChoiceField(choices=IP_TYPE_CHOICES, required=False, widget=forms.HiddenInput)
    for name in exact:
        form.fields[name] = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    if officer:  # only lists whose selector reads it (cases, transfers): the officer who handles the case
        form.fields["officer"] = forms.IntegerField(
            required=False, min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput
        )


def drill_banner(cleaned: dict[str, Any], periods: list[str]) -> list[str]:
    """Sentences naming the hidden filters in force, for the banner above the list."""
    lines = []
    for name in periods:
        start, end = cleaned.get(f"{name}_from"), cleaned.get(f"{name}_to")
        if start or end:
            lines.append(
                _("%(what)s：%(start)s 至 %(end)s")
                % {"what": PERIOD_LABELS[name], "start": start or "…", "end": end or "…"}
            )
    if cleaned.get("ip_type"):
        lines.append(
            _("%(what)s：%(value)s") % {"what": _("知识产权类别"), "value": dict(IP_TYPE_CHOICES)[cleaned["ip_type"]]}
        )
    if cleaned.get("agency_kind"):
        lines.append(
            _("%(what)s：%(value)s") % {"what": _("机关类别"), "value": AgencyKind(cleaned["agency_kind"]).label}
        )
    for name, label in EXACT_LABELS.items():
        if cleaned.get(name):
            lines.append(_("%(what)s：%(value)s") % {"what": label, "value": cleaned[name]})
    if cleaned.get("officer"):
        from ipshield.core.models import User

        found = User.objects.filter(pk=cleaned["officer"]).first()
        who = (found.display_name or found.get_full_name() or found.username) if found is not None else "—"
        lines.append(_("%(what)s：%(value)s") % {"what": _("承办人"), "value": who})
    if cleaned.get("region_exact"):
        from ipshield.core.models import Region

        code = cleaned["region_exact"]
        name = Region.objects.filter(code=code).values_list("name", flat=True).first() or code
        lines.append(_("仅%(name)s本级（不含下级地区）") % {"name": name})
    return [str(line) for line in lines]
