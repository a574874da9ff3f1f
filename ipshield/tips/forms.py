from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import CampaignDomain
from ipshield.core.drill import add_drill_fields
from ipshield.core.region_picker import region_field


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class TipForm(forms.Form):
    domain = forms.ChoiceField(label=_("举报领域"), choices=[("", "—"), *CampaignDomain.choices])
    description = forms.CharField(
        label=_("举报内容（时间、地点、商品、经过）"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
    address = forms.CharField(label=_("地点（详细地址）"), max_length=255, required=False)
    region_code = region_field(_("所在地区（地址无法识别时选择）"))
    target_name = forms.CharField(label=_("被举报对象（店铺、企业名称）"), max_length=200, required=False)
    target_uscc = forms.CharField(label=_("统一社会信用代码"), max_length=24, required=False)
    target_url = forms.CharField(label=_("网址或网店链接"), max_length=500, required=False)
    attachments = MultipleFileField(label=_("照片或材料（最多5个，每个不超过10MB）"), required=False)
    anonymous = forms.BooleanField(label=_("匿名举报"), required=False, initial=True)
    name = forms.CharField(label=_("姓名"), max_length=64, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=32, required=False)
    id_number = forms.CharField(label=_("公民身份号码（可选）"), max_length=24, required=False)
    insider = forms.BooleanField(label=_("我是内部人员"), required=False)
    captcha_token = forms.CharField(widget=forms.HiddenInput, required=False)
    captcha_answer = forms.CharField(label=_("验证码"), max_length=8, required=False)


class StatusForm(forms.Form):
    tracking_number = forms.CharField(label=_("查询编号"), max_length=24)
    # A passphrase is never written back into a page (shoulder surfing, cached pages).
    passphrase = forms.CharField(label=_("查询密码"), max_length=32, widget=forms.PasswordInput(render_value=False))


class TipDrillForm(forms.Form):
    """The filters a statistics figure adds to the tip list, hidden on the page and named in a banner."""

    region = forms.RegexField(regex=r"^[0-9]{6}$", required=False, widget=forms.HiddenInput)
    domain = forms.ChoiceField(choices=CampaignDomain.choices, required=False, widget=forms.HiddenInput)
    outcome = forms.ChoiceField(choices=[("accepted", _("已受理")), ("rejected", _("不予受理"))], required=False)
    on_time = forms.ChoiceField(
        choices=[("accept", _("按期作出受理决定")), ("notify", _("按期告知举报人"))], required=False
    )
    rating = forms.ChoiceField(choices=[("rated", _("已评价")), ("satisfied", _("满意（4–5分）"))], required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_drill_fields(self, ["received", "accept_decided", "concluded", "reward_paid"])

    def conditions(self) -> list[str]:
        """The chosen conditions in words, for the banner."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        out = []
        for name in ("outcome", "on_time", "rating"):
            if data.get(name):
                field = self.fields[name]
                out.append(str(dict(field.choices)[data[name]]))  # type: ignore[attr-defined]
        if data.get("domain"):
            out.append(str(CampaignDomain(data["domain"]).label))
        return out
