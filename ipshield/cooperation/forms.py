"""Page forms: each gathers what the kind's create service needs; the services validate again."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ipshield.cases.models import Case
from ipshield.cooperation.choices import AssistanceTask, ClosingRating, CoopKind, CoopStatus, Urgency
from ipshield.cooperation.selectors import BOXES
from ipshield.cooperation.services import (
    CONSULTED_KINDS,
    ENFORCEMENT_KINDS,
    JOINT_KINDS,
    OPEN_CASE_STATES,
    due_date_problem,
)
from ipshield.core.choices import CampaignDomain
from ipshield.core.models import Agency, Region

DATE = forms.DateInput(attrs={"type": "date"})
LINES = forms.Textarea(attrs={"rows": 4})


class BoundedIds:
    """Ids a database column can hold; anything else is "not one of the choices" (not a 500)."""

    def clean(self, value: Any) -> Any:
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            text = str(item or "")
            if text and (not text.isdigit() or len(text) > 18):
                raise forms.ValidationError(_("选择有效的选项。"), code="invalid_choice")
        return super().clean(value)  # type: ignore[misc]


class AgencyChoice(BoundedIds, forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Agency) -> str:
        return obj.name


class OneAgencyChoice(BoundedIds, forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Agency) -> str:
        return obj.name


class CaseChoice(BoundedIds, forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Case) -> str:
        return f"{obj.number} {obj.title}"


def _field(form: forms.Form, name: str) -> Any:
    """A choice field of the form, to narrow its queryset or choices to the user's reach."""
    return form.fields[name]


def agencies(user: Any, kinds: frozenset[str], *, other_region: bool = False) -> QuerySet[Agency]:
    queryset = Agency.objects.filter(is_active=True, kind__in=list(kinds)).exclude(pk=user.agency_id)
    if other_region:
        queryset = queryset.exclude(region_id=user.agency.region_id)
    return queryset.order_by("region_id", "kind", "name")


def own_open_cases(user: Any) -> QuerySet[Case]:
    return (
        Case.objects.visible_to(user)
        .filter(agency_id=user.agency_id, status__in=list(OPEN_CASE_STATES))
        .order_by("-lead_received_at")[:300]
    )


class ListForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), required=False, choices=[("", _("全部"))] + list(CoopKind.choices))
    box = forms.ChoiceField(
        label=_("范围"),
        required=False,
        choices=[
            ("all", _("全部")),
            ("todo", _("待本单位办理")),
            ("sent", _("本单位发起")),
            ("received", _("本单位参与")),
            ("overdue", _("已逾期")),
            ("escalated", _("逾期上报")),
        ],
    )
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + list(CoopStatus.choices))
    q = forms.CharField(label=_("编号或标题"), required=False, max_length=100)
    overdue = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_box(self) -> str:
        box = self.cleaned_data.get("box") or "all"
        return box if box in BOXES else "all"


class LeadForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=200)
    receivers = AgencyChoice(
        label=_("接收单位"), queryset=Agency.objects.none(), widget=forms.SelectMultiple(attrs={"size": 8})
    )
    body = forms.CharField(label=_("线索内容和证据"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)
    target_name = forms.CharField(label=_("涉嫌侵权的企业或个人"), max_length=200, required=False)
    target_uscc = forms.CharField(label=_("统一社会信用代码"), max_length=18, required=False)
    domain = forms.ChoiceField(label=_("专项领域"), choices=[("", "—")] + list(CampaignDomain.choices), required=False)
    urgency = forms.ChoiceField(label=_("紧急程度"), choices=Urgency.choices, initial=Urgency.NORMAL)
    tip_id = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1, max_value=2**62)
    alert_id = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1, max_value=2**62)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "receivers").queryset = agencies(user, ENFORCEMENT_KINDS)

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["receivers"] = [a.pk for a in data["receivers"]]
        return data


class AssistanceForm(forms.Form):
    receiver = OneAgencyChoice(label=_("协查单位（其他地区）"), queryset=Agency.objects.none())
    case = CaseChoice(label=_("本单位案件"), queryset=Case.objects.none(), required=False)
    title = forms.CharField(label=_("标题"), max_length=200)
    body = forms.CharField(label=_("案情和协查依据"), widget=LINES, max_length=5000, required=False)
    questions = forms.CharField(label=_("协查问题（每行一个）"), widget=LINES, max_length=20000)
    tasks = forms.MultipleChoiceField(
        label=_("协查事项"), choices=AssistanceTask.choices, widget=forms.CheckboxSelectMultiple
    )
    due_date = forms.DateField(label=_("答复期限（默认15个工作日）"), required=False, widget=DATE)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "receiver").queryset = agencies(user, ENFORCEMENT_KINDS, other_region=True)
        _field(self, "case").queryset = Case.objects.filter(pk__in=[c.pk for c in own_open_cases(user)])

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["receiver"] = data["receiver"].pk
        data["case_id"] = data.pop("case").pk if data.get("case") else None
        return data


class JointForm(forms.Form):
    case = CaseChoice(label=_("本单位案件（本单位为主办单位）"), queryset=Case.objects.none())
    title = forms.CharField(label=_("标题"), max_length=200)
    body = forms.CharField(label=_("分工和要求"), widget=LINES, max_length=5000, required=False)
    participants = AgencyChoice(
        label=_("协办单位"),
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    support = AgencyChoice(
        label=_("专业支持单位（如鉴定）"),
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "case").queryset = Case.objects.filter(pk__in=[c.pk for c in own_open_cases(user)])
        _field(self, "participants").queryset = agencies(user, JOINT_KINDS)
        _field(self, "support").queryset = agencies(user, JOINT_KINDS)

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["case_id"] = data.pop("case").pk
        data["participants"] = [{"agency": a.pk, "role": "participant"} for a in data["participants"]] + [
            {"agency": a.pk, "role": "support"} for a in data.pop("support")
        ]
        return data


class SupervisionForm(forms.Form):
    # The service's field names → this form's fields (its errors are shown beside them).
    SERVICE_FIELDS = {
        "case_id": "case_number",
        **{f"milestones.{i - 1}.title": f"m{i}_title" for i in range(1, 4)},
        **{f"milestones.{i - 1}.due_date": f"m{i}_date" for i in range(1, 4)},
    }
    case_number = forms.CharField(label=_("案件编号"), max_length=64)
    title = forms.CharField(label=_("标题"), max_length=200)
    body = forms.CharField(label=_("督办理由和要求"), widget=LINES, max_length=5000)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.case: Case | None = None
        for i in range(1, 4):
            self.fields[f"m{i}_title"] = forms.CharField(
                label=_("督办节点%(n)s") % {"n": i}, max_length=200, required=i == 1
            )
            self.fields[f"m{i}_date"] = forms.DateField(
                label=_("节点%(n)s期限") % {"n": i}, required=i == 1, widget=DATE
            )

    def clean_case_number(self) -> str:
        number = str(self.cleaned_data["case_number"]).strip()
        self.case = Case.objects.visible_to(self.user).filter(number=number).first()
        if self.case is None:
            raise forms.ValidationError(_("没有找到这个编号的案件（须为您可以查看的案件）。"))
        return number

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for i in range(1, 4):
            if bool(data.get(f"m{i}_title")) != bool(data.get(f"m{i}_date")):
                self.add_error(f"m{i}_date", _("节点名称和期限须同时填写。"))
            elif data.get(f"m{i}_date") and (problem := due_date_problem(data[f"m{i}_date"], now=timezone.now())):
                self.add_error(f"m{i}_date", problem)  # said now, with any other error, not after it is mended
        return data

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        assert self.case is not None  # clean_case_number found it
        return {
            "case_id": self.case.pk,
            "title": data["title"],
            "body": data["body"],
            "milestones": [
                {"title": data[f"m{i}_title"], "due_date": data[f"m{i}_date"]}
                for i in range(1, 4)
                if data.get(f"m{i}_title")
            ],
        }


class CampaignForm(forms.Form):
    title = forms.CharField(label=_("战役名称"), max_length=200)
    body = forms.CharField(label=_("目标和部署"), widget=LINES, max_length=5000, required=False)
    start = forms.DateField(label=_("开始日期"), widget=DATE)
    end = forms.DateField(label=_("结束日期"), widget=DATE)
    domains = forms.MultipleChoiceField(
        label=_("打击领域"), choices=CampaignDomain.choices, widget=forms.CheckboxSelectMultiple
    )
    product_categories = forms.CharField(label=_("重点产品（每行一个）"), widget=LINES, max_length=5000, required=False)
    regions = forms.MultipleChoiceField(
        label=_("参战地区（可多选）"), choices=(), widget=forms.SelectMultiple(attrs={"size": 8})
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The regions one level below the coordinator's (Beijing's districts, not its one 市辖区).
        _field(self, "regions").choices = Region.below(user.agency.region_id) or [
            (user.agency.region_id, user.agency.region.name)
        ]

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["product_categories"] = [
            line.strip() for line in data.get("product_categories", "").splitlines() if line.strip()
        ]
        return data


class ConsultationForm(forms.Form):
    title = forms.CharField(label=_("会商事项"), max_length=200)
    case = CaseChoice(label=_("本单位案件"), queryset=Case.objects.none(), required=False)
    body = forms.CharField(label=_("疑难问题和案情"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)
    invitees = AgencyChoice(
        label=_("邀请提出意见的单位"), queryset=Agency.objects.none(), widget=forms.SelectMultiple(attrs={"size": 8})
    )
    due_date = forms.DateField(label=_("意见期限（默认5个工作日）"), required=False, widget=DATE)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "case").queryset = Case.objects.filter(pk__in=[c.pk for c in own_open_cases(user)])
        _field(self, "invitees").queryset = agencies(user, CONSULTED_KINDS)

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["case_id"] = data.pop("case").pk if data.get("case") else None
        data["invitees"] = [a.pk for a in data["invitees"]]
        return data


CREATE_FORMS: dict[str, type[forms.Form]] = {
    CoopKind.LEAD: LeadForm,
    CoopKind.ASSISTANCE: AssistanceForm,
    CoopKind.JOINT: JointForm,
    CoopKind.SUPERVISION: SupervisionForm,
    CoopKind.CAMPAIGN: CampaignForm,
    CoopKind.CONSULTATION: ConsultationForm,
}


class ActionForm(forms.Form):
    """Every field a step may need; the page shows the ones its step uses (ACTION_FIELDS)."""

    note = forms.CharField(label=_("说明"), widget=LINES, max_length=5000, required=False)
    answers = forms.CharField(label=_("答复（逐条，每行一条）"), widget=LINES, max_length=50000, required=False)
    case_number = forms.CharField(label=_("刑事案件编号"), max_length=64, required=False)
    milestone_id = forms.IntegerField(label=_("督办节点"), required=False, min_value=1, max_value=2**62)
    title = forms.CharField(label=_("节点名称"), max_length=200, required=False)
    due_date = forms.DateField(label=_("期限"), required=False, widget=DATE)
    rating = forms.ChoiceField(label=_("结案评价"), choices=[("", "—")] + list(ClosingRating.choices), required=False)
    agency_id = forms.IntegerField(label=_("邀请单位"), required=False, min_value=1, max_value=2**62)
    role = forms.ChoiceField(
        label=_("参与方式"), choices=[("participant", _("协办单位")), ("support", _("专业支持"))], required=False
    )
    case_id = forms.IntegerField(label=_("案件"), required=False, min_value=1, max_value=2**62)
    tip_id = forms.IntegerField(label=_("举报"), required=False, min_value=1, max_value=2**62)
    dens_destroyed = forms.IntegerField(label=_("捣毁窝点（个）"), required=False, min_value=0, max_value=10000)
    amount_involved = forms.DecimalField(
        label=_("涉案金额（元）"), required=False, min_value=0, max_value=10**13, decimal_places=2
    )

    def service_data(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
        if "answers" in data:
            data["answers"] = [line for line in str(data["answers"]).splitlines() if line.strip()]
        return data
