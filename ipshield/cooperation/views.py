"""Pages: one list of everything the reader's agency cooperates on, a form per kind, one detail
page per record with the steps the reader may take, and the campaign report (Excel, PDF)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ipshield.cases.models import Case
from ipshield.cooperation.campaign_report import COLUMNS, campaign_report
from ipshield.cooperation.choices import CoopAction, CoopKind, EntryKind, Participation
from ipshield.cooperation.forms import CREATE_FORMS, ActionForm, ListForm, agencies
from ipshield.cooperation.presenters import is_overdue
from ipshield.cooperation.selectors import cooperation_get, cooperation_list
from ipshield.cooperation.services import (
    ACTING_ROLES,
    CREATORS,
    FILE_STEPS,
    JOINT_KINDS,
    available_actions,
    cooperation_act,
    delays,
)
from ipshield.core.choices import CampaignDomain, Role
from ipshield.core.exports import pdf_response, xlsx_response
from ipshield.core.forms import apply_service_errors
from ipshield.core.inputs import parse_id
from ipshield.core.models import Region
from ipshield.core.pagination import EstimatingPaginator
from ipshield.core.workflow import Conflict
from ipshield.stats.selectors import alerts_for
from ipshield.tips.selectors import tip_queryset

# Who may start which kind from the pages (the services check the same).
STARTERS: dict[str, frozenset[str]] = {
    CoopKind.LEAD: frozenset(ACTING_ROLES - {Role.JUDGE, Role.PROCURATOR}),
    CoopKind.ASSISTANCE: frozenset({Role.OFFICER, Role.AGENCY_HEAD, Role.POLICE}),
    CoopKind.JOINT: frozenset({Role.OFFICER, Role.AGENCY_HEAD}),
    CoopKind.SUPERVISION: frozenset({Role.COORDINATOR}),
    CoopKind.CAMPAIGN: frozenset({Role.COORDINATOR}),
    CoopKind.CONSULTATION: frozenset({Role.OFFICER, Role.AGENCY_HEAD, Role.POLICE}),
}
# The fields each step's form shows.
ACTION_FIELDS: dict[str, list[str]] = {
    CoopAction.ACCEPT: ["note"],
    CoopAction.DECLINE: ["note"],
    CoopAction.WITHDRAW: ["note"],
    CoopAction.FEEDBACK: ["note"],
    CoopAction.REPLY: ["note"],
    CoopAction.RETURN: ["note"],
    CoopAction.CONFIRM: ["note"],
    CoopAction.INVITE: ["agency_id", "role"],
    CoopAction.NOTE: ["note"],
    CoopAction.REPORT: ["note"],
    CoopAction.COMPLETE_MILESTONE: ["milestone_id", "note"],
    CoopAction.ADD_MILESTONE: ["title", "due_date"],
    CoopAction.MOVE_MILESTONE: ["milestone_id", "due_date", "note"],
    CoopAction.REMIND: ["note"],
    CoopAction.CRITICIZE: ["note"],
    CoopAction.CLOSE: ["note"],
    CoopAction.CONCLUDE: ["note"],
    CoopAction.LINK: ["case_id", "dens_destroyed", "amount_involved", "tip_id"],
}
MAX_FILES = 10


def _reader(request: HttpRequest) -> Any:
    user: Any = request.user
    if user.role not in ACTING_ROLES or not user.agency_id:
        raise PermissionDenied
    return user


@login_required
def list_view(request: HttpRequest) -> HttpResponse:
    user = _reader(request)
    form = ListForm(request.GET or None)
    filters: dict[str, Any] = dict(form.cleaned_data) if form.is_valid() else {}
    kind = filters.get("kind") or None
    # Past 1,000 records the count is the planner's estimate (an exact count would cost more than the page).
    page = EstimatingPaginator(cooperation_list(user, kind, filters), 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    starters = [(k, CoopKind(k).label) for k, roles in STARTERS.items() if user.role in roles]
    return render(
        request,
        "cooperation/list.html",
        {"form": form, "page": page, "query": query.urlencode(), "starters": starters, "now": timezone.now()},
    )


@login_required
def create_view(request: HttpRequest, kind: str) -> HttpResponse:
    user = _reader(request)
    if kind not in CREATE_FORMS or user.role not in STARTERS[kind]:
        raise Http404
    initial: dict[str, Any] = {}
    case_id = request.GET.get("case", "")
    if case_id.isdigit() and len(case_id) < 19:
        case = Case.objects.visible_to(user).filter(pk=int(case_id)).first()
        if case is not None:
            initial = {"case": case.pk, "case_number": case.number, "title": case.title}
    initial.update(_lead_source(user, request.GET) if kind == CoopKind.LEAD else {})
    form: Any = CREATE_FORMS[kind](request.POST or None, user=user, initial=initial)  # type: ignore[call-arg]
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                record = CREATORS[kind](actor=user, data=form.service_data())
            except ValidationError as exc:
                rename = {"case_id": "case", **getattr(form, "SERVICE_FIELDS", {})}
                apply_service_errors(form, exc, rename=rename)
            except Conflict as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("已发送：%(n)s") % {"n": record.number})
                return redirect("cooperation:detail", pk=record.pk)
        status = 422
    return render(
        request, "cooperation/new.html", {"form": form, "kind": kind, "kind_label": CoopKind(kind).label}, status=status
    )


def _lead_source(user: Any, query: Any) -> dict[str, Any]:
    """A lead started from a tip or a warning the user can see: its facts filled in."""
    tip_id, alert_id = parse_id(query.get("tip_id")), parse_id(query.get("alert_id"))
    if tip_id:
        tip = tip_queryset(user).filter(pk=tip_id).first()
        if tip is not None:
            return {
                "tip_id": tip.pk,
                "title": (tip.target_name or tip.get_domain_display())[:200],
                "body": tip.description,
                "target_name": tip.target_name,
                "target_uscc": tip.target_uscc,
                "domain": tip.domain,
            }
    if alert_id:
        alert = alerts_for(user).filter(pk=alert_id).first()
        if alert is not None:
            with translation.override("zh-hans"):  # the record is written for the receiving agency, in Chinese
                source = {"alert_id": alert.pk, "title": alert.headline[:200], "body": alert.explanation}
            if alert.key.startswith("party|"):  # 跨区域蔓延 of one party: the party is the lead's target
                source["target_name"] = alert.subject
            if alert.subject in CampaignDomain.values:  # a surge or concentration in one domain
                source["domain"] = alert.subject
            return source
    return {}


def _detail_context(user: Any, record: Any) -> dict[str, Any]:
    actions = available_actions(user, record)
    participants = list(record.participants.all())  # prefetched by cooperation_get, in id order
    names = dict(Region.objects.filter(code__in={p.region_code for p in participants}).values_list("code", "name"))
    for part in participants:  # a campaign's regions by name, never by code
        part.region_name = names.get(part.region_code, part.region_code)
    entries = list(record.entries.select_related("agency", "author"))
    milestones = list(record.milestones.all())
    questions = (record.details or {}).get("questions") or []
    # A file sent with a reply or opinion is listed there, not a second time as its own line.
    in_replies = {f.get("sha256") for e in entries for f in (e.data or {}).get("evidence") or []}
    entries = [e for e in entries if not (e.kind == EntryKind.EVIDENCE and (e.data or {}).get("sha256") in in_replies)]
    for entry in entries:  # answers beside their questions; the files of an entry with their hashes
        data = entry.data or {}
        entry.pairs = list(zip(questions, data.get("answers") or [], strict=False))
        entry.files = list(data.get("evidence") or ([data] if data.get("sha256") else []))
    action_forms = []
    for action in actions:
        if action == CoopAction.ACKNOWLEDGE or action == CoopAction.JOIN or action == CoopAction.START:
            fields: list[str] = []
        else:
            fields = ACTION_FIELDS.get(action, ["note"])
        action_forms.append(
            {
                "action": action,
                "label": CoopAction(action).label,
                "form": ActionForm(prefix=action),
                "fields": fields,
                "uploads": action in FILE_STEPS,
            }
        )
    context: dict[str, Any] = {
        "record": record,
        "participants": participants,
        "entries": entries,
        "milestones": milestones,
        "open_milestones": [m for m in milestones if m.done_at is None],
        "action_forms": action_forms,
        "overdue": is_overdue(record),
        "now": timezone.now(),
        "questions": questions,
        "evidence_kinds": {EntryKind.EVIDENCE, EntryKind.REPLY, EntryKind.OPINION, EntryKind.NOTE},
        "domains": [
            CampaignDomain(d).label for d in (record.details or {}).get("domains", []) if d in CampaignDomain.values
        ],
        "delays": delays(record) if record.kind == CoopKind.SUPERVISION else 0,
    }
    if record.kind == CoopKind.CAMPAIGN:
        context["report_columns"] = COLUMNS
        context["report"] = campaign_report(record, user)
        context["own_cases"] = list(
            Case.objects.visible_to(user).filter(agency_id=user.agency_id).order_by("-lead_received_at")[:200]
        )
        context["own_tips"] = list(tip_queryset(user).filter(agency_id=user.agency_id).order_by("-received_at")[:200])
    if CoopAction.INVITE in actions:
        context["invitable"] = agencies(user, JOINT_KINDS)
    if record.case_id:
        context["case_visible"] = Case.objects.visible_to(user).filter(pk=record.case_id).exists()
    context["is_participant"] = any(p.agency_id == user.agency_id for p in participants)
    context["roles"] = Participation
    return context


@login_required
def detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = _reader(request)
    record = cooperation_get(user, pk)
    return render(request, "cooperation/detail.html", _detail_context(user, record))


@login_required
@require_POST
def act_view(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    user = _reader(request)
    record = cooperation_get(user, pk)
    form = ActionForm(request.POST, prefix=action)
    error, status = "", 422
    if action not in CoopAction.values:
        raise Http404
    files = request.FILES.getlist(f"{action}-files")
    if len(files) > MAX_FILES:
        error = _("一次最多上传%(n)s个文件。") % {"n": MAX_FILES}
    elif form.is_valid():
        data = form.service_data()
        if action == CoopAction.REPLY and record.kind == CoopKind.ASSISTANCE:
            questions = (record.details or {}).get("questions") or []
            data["answers"] = [request.POST.get(f"{action}-answer_{i}", "") for i in range(len(questions))]
        try:
            uploads: list[Any] = [(f.name or "", f) for f in files]
            cooperation_act(actor=user, record=record, action=action, data=data, uploads=uploads)
        except ValidationError as exc:
            apply_service_errors(form, exc)
            error = "; ".join(str(e) for errors in form.errors.values() for e in errors)
        except Conflict as exc:
            error, status = str(exc), 409
        else:
            messages.success(request, _("已登记：%(a)s") % {"a": CoopAction(action).label})
            return redirect("cooperation:detail", pk=record.pk)
    else:
        error = "; ".join(str(e) for errors in form.errors.values() for e in errors)
    context = _detail_context(user, record)
    for item in context["action_forms"]:
        if item["action"] == action:
            item["form"] = form
            item["error"] = error
    context["action_error"] = error
    return render(request, "cooperation/detail.html", context, status=status)


@login_required
def report_export_view(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    user = _reader(request)
    record = cooperation_get(user, pk, CoopKind.CAMPAIGN)
    report = campaign_report(record, user)
    rows = report.rows
    header = [_("地区")] + [str(label) for _key, label, _kind in COLUMNS]
    name = f"campaign-{record.pk}-{timezone.localdate():%Y%m%d}"
    if fmt == "xlsx":
        return xlsx_response(
            sheet=str(_("战果统计")),
            header=header,
            rows=[[row.label] + [row.values[key] for key, _label, _kind in COLUMNS] for row in rows],
            filename=f"{name}.xlsx",
        )
    if fmt == "pdf":
        return pdf_response(
            template="cooperation/documents/campaign_report.html",
            context={
                "record": record,
                "rows": rows,
                "partial": report.partial,
                "columns": COLUMNS,
                "font": settings.IPSHIELD_LETTER_FONT,
                "generated": timezone.localtime(),
                "domains": [
                    CampaignDomain(d).label
                    for d in (record.details or {}).get("domains", [])
                    if d in CampaignDomain.values
                ],
                "summary": record.entries.filter(kind=EntryKind.ASSESSMENT).order_by("-id").first(),
                "LANGUAGE_CODE": translation.get_language(),
            },
            filename=f"{name}.pdf",
        )
    raise Http404
