from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import CampaignDomain
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
