"""Transfer pages: propose from a case, the transfer with its steps and deadlines, queues, inbox, PDFs."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ipshield.cases.selectors import case_get
from ipshield.core.deadlines import deadline_status
from ipshield.core.drill import drill_banner
from ipshield.core.exports import xlsx_response
from ipshield.core.feedback import redirect_back
from ipshield.core.forms import apply_service_errors
from ipshield.core.inputs import parse_id
from ipshield.transfers import workflow
from ipshield.transfers.choices import CriminalStepKind, SupervisionQueue, TransferAction
from ipshield.transfers.criminal_steps import criminal_step_record
from ipshield.transfers.documents import available_documents, render_document_pdf
from ipshield.transfers.forms import (
    CriminalStepFilterForm,
    OfficialClueDecisionForm,
    OfficialClueForm,
    ProposeForm,
    QueueFilterForm,
    StepForm,
    SupervisionForm,
    TransferListForm,
)
from ipshield.transfers.models import CriminalStep, Transfer
from ipshield.transfers.official_clues import (
    OFFICIAL_CLUE_PERIOD,
    REPORTER_ROLES,
    may_handle,
    official_clue_act,
    official_clue_report,
)
from ipshield.transfers.selectors import (
    criminal_step_list,
    notifications_for,
    official_clue_get,
    official_clues_for,
    supervision_get,
    supervision_queue,
    transfer_get,
    transfer_list,
)
from ipshield.transfers.services import TransferConflict, side_of, transfer_act, transfer_propose
from ipshield.transfers.supervision import supervision_open, supervision_reply


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@login_required
def transfer_propose_view(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = case_get(request.user, case_pk)
    user: Any = request.user
    if user.agency_id != case.agency_id:
        raise PermissionDenied
    form = ProposeForm(request.POST or None, agency_id=case.agency_id, initial={"group_members": [user.pk]})
    if request.method == "POST" and form.is_valid():
        try:
            transfer = transfer_propose(
                actor=user,
                case=case,
                report=form.cleaned_data["report"],
                group_member_ids=[m.pk for m in form.cleaned_data["group_members"]],
                ground=form.cleaned_data["ground"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        except TransferConflict as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("已提请移送，等待负责人在3日内决定。"))
            return redirect("transfers:detail", pk=transfer.pk)
    return render(request, "transfers/propose.html", {"form": form, "case": case})


@login_required
def transfer_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = transfer_get(request.user, pk)
    user: Any = request.user
    sides = side_of(user, transfer)
    actions = [
        action
        for action in workflow.actions_in(transfer.status)
        if workflow.ACTION_OWNER[action][0] in sides and user.role in workflow.ACTION_OWNER[action][1]
    ]
    due = deadline_status(transfer.next_due_at, now=timezone.now()) if transfer.next_due_at else None
    context = {
        "transfer": transfer,
        "case": transfer.case,
        "events": transfer.events.select_related("actor", "agency"),
        "steps": transfer.criminal_steps.select_related("agency"),
        "persons": transfer.criminal_steps.values("person_name").distinct().count(),
        "actions": actions,
        "reason_required": workflow.REASON_REQUIRED,
        "due": due,
        "documents": available_documents(transfer),
        "step_form": StepForm(initial={"occurred_on": timezone.localdate()}) if transfer.status == "accepted" else None,
        "supervisions": transfer.supervisions.select_related("addressee"),
        "group": transfer.group_members.all(),
    }
    return render(request, "transfers/detail.html", context)


@login_required
@require_POST
def transfer_action_view(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = transfer_get(request.user, pk)
    action = request.POST.get("action", "")
    if action not in TransferAction.values:
        raise Http404
    revision = request.POST.get("revision")
    try:
        transfer_act(
            actor=request.user,
            transfer=transfer,
            action=action,
            data={
                "reason": request.POST.get("reason", ""),
                "manifest_hash": request.POST.get("manifest_hash", ""),
                "criminal_case_number": request.POST.get("criminal_case_number", ""),
            },
            revision=parse_id(revision),
        )
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    except TransferConflict as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("已办理：%(a)s") % {"a": TransferAction(action).label})
    return redirect("transfers:detail", pk=transfer.pk)


@login_required
@require_POST
def transfer_step_view(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = transfer_get(request.user, pk)
    form = StepForm(request.POST)
    if form.is_valid():
        try:
            criminal_step_record(actor=request.user, transfer=transfer, **form.cleaned_data)
            messages.success(request, _("已登记。"))
        except ValidationError as exc:
            messages.error(request, _errors(exc))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("transfers:detail", pk=transfer.pk)


@login_required
def transfer_document_view(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    transfer = transfer_get(request.user, pk)
    pdf = render_document_pdf(transfer, key)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{transfer.case.number}-{key}.pdf"'
    return response


@login_required
def transfer_list_view(request: HttpRequest) -> HttpResponse:
    form = TransferListForm(request.GET or None)
    valid = form.is_valid() if form.is_bound else True
    filters = form.cleaned_data if form.is_bound and valid else {}
    page = Paginator(transfer_list(request.user, filters) if valid else Transfer.objects.none(), 50)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page.get_page(request.GET.get("page")),
        "filters": filters,
        "now": timezone.now(),
        "query": query.urlencode(),
        "drill": drill_banner(filters, ["sent", "step"]) + (form.conditions() if valid and form.is_bound else []),
        "drill_errors": not valid,
    }
    return render(request, "transfers/list.html", context, status=200 if valid else 422)


@login_required
def criminal_step_list_view(request: HttpRequest) -> HttpResponse:
    """刑事程序环节 per person: the 人 figures of the 两法衔接 stages report drill down here."""
    form = CriminalStepFilterForm(request.GET or None)
    valid = form.is_valid() if form.is_bound else True
    filters = form.cleaned_data if form.is_bound and valid else {}
    steps = criminal_step_list(request.user, filters) if valid else CriminalStep.objects.none()
    query = request.GET.copy()
    query.pop("page", None)
    conditions = [str(CriminalStepKind(filters["kind"]).label)] if filters.get("kind") else []
    context = {
        "page": Paginator(steps, 50).get_page(request.GET.get("page")),
        "query": query.urlencode(),
        "drill": drill_banner(filters, ["occurred"]) + conditions,
        "drill_errors": not valid,
    }
    return render(request, "transfers/criminal_steps.html", context, status=200 if valid else 422)


QUEUE_COLUMNS = ["编号", "名称/移送", "机构", "区划", "状态", "期限/时间", "理由"]


@login_required
def supervision_queue_view(request: HttpRequest, queue: str) -> HttpResponse:
    if queue not in SupervisionQueue.values:
        raise Http404
    form = QueueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = supervision_queue(request.user, queue, filters)
    if request.GET.get("export") == "xlsx":
        return _queue_workbook(queue, queryset)
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    user: Any = request.user
    return render(
        request,
        "transfers/queue.html",
        {
            "queue": queue,
            "queue_label": SupervisionQueue(queue).label,
            "queues": SupervisionQueue.choices,
            "page": page,
            "form": form,
            "is_transfer_queue": queue in {"late_steps", "refusals"},
            "can_supervise": user.role == "procurator",
            "query": request.GET.urlencode(),
        },
    )


def _queue_workbook(queue: str, queryset: Any) -> HttpResponse:
    def row(item: Any) -> list[Any]:
        if isinstance(item, Transfer):
            return [
                item.case.number,
                f"→ {item.police_agency.name}",
                item.agency.name,
                item.region_code,
                item.get_status_display(),
                timezone.localtime(item.next_due_at).strftime("%Y-%m-%d %H:%M") if item.next_due_at else "",
                item.police_refusal_reason,
            ]
        return [
            item.number,
            item.title,
            item.agency.name,
            item.region_code,
            item.get_status_display(),
            timezone.localtime(item.suspected_since).strftime("%Y-%m-%d") if item.suspected_since else "",
            item.close_reason,
        ]

    return xlsx_response(
        sheet=str(SupervisionQueue(queue).label),
        header=QUEUE_COLUMNS,
        rows=(row(item) for item in queryset[:50000]),
        filename=f"supervision-{queue}.xlsx",
    )


@login_required
@require_POST
def supervision_open_view(request: HttpRequest) -> HttpResponse:
    form = SupervisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写监督意见。"))
        return redirect_back(request, "core:home")
    case = case_get(request.user, form.cleaned_data["case_id"])
    transfer = (
        transfer_get(request.user, form.cleaned_data["transfer_id"]) if form.cleaned_data["transfer_id"] else None
    )
    try:
        record = supervision_open(
            actor=request.user,
            case=case,
            queue=form.cleaned_data["queue"],
            opinion=form.cleaned_data["opinion"],
            transfer=transfer,
        )
    except ValidationError as exc:
        messages.error(request, _errors(exc))
        return redirect("transfers:queue", queue=form.cleaned_data["queue"])
    messages.success(
        request,
        _("监督意见已发出，回复期限：%(d)s") % {"d": timezone.localtime(record.reply_due_at).strftime("%Y-%m-%d")},
    )
    return redirect("transfers:supervision_detail", pk=record.pk)


@login_required
def supervision_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    record = supervision_get(request.user, pk)
    user: Any = request.user
    if request.method == "POST":
        try:
            supervision_reply(actor=user, record=record, reply=request.POST.get("reply", ""))
            messages.success(request, _("已回复。"))
        except ValidationError as exc:
            messages.error(request, _errors(exc))
        except TransferConflict as exc:
            messages.error(request, str(exc))
        return redirect("transfers:supervision_detail", pk=record.pk)
    can_reply = user.agency_id == record.addressee_id and record.replied_at is None
    return render(request, "transfers/supervision.html", {"record": record, "can_reply": can_reply})


@login_required
def inbox_view(request: HttpRequest) -> HttpResponse:
    page = Paginator(notifications_for(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "transfers/inbox.html", {"page": page})


@login_required
def official_clue_new_view(request: HttpRequest, case_pk: int) -> HttpResponse:
    """公职人员涉案线索 from a case: only the case's own agency reports (the service checks again)."""
    case = case_get(request.user, case_pk)
    user: Any = request.user
    if user.agency_id != case.agency_id or user.role not in REPORTER_ROLES:
        raise PermissionDenied
    form = OfficialClueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            clue = official_clue_report(actor=user, case=case, data=form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("线索已移送%(p)s，检察院应在%(d)s前记录处理结果。")
                % {"p": clue.procuratorate.name, "d": timezone.localtime(clue.due_at).strftime("%Y-%m-%d")},
            )
            return redirect("transfers:official_clue_detail", pk=clue.pk)
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "transfers/official_clue_new.html",
        {"form": form, "case": case, "period_days": OFFICIAL_CLUE_PERIOD.value},
        status=status,
    )


@login_required
def official_clue_list_view(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    clues = official_clues_for(user)
    status = request.GET.get("status", "")
    if status == "open":
        clues = clues.filter(status__in=workflow.OFFICIAL_CLUE_OPEN).order_by("due_at", "id")
    page = Paginator(clues, 25).get_page(request.GET.get("page"))
    now = timezone.now()
    rows = [(clue, deadline_status(clue.due_at, now=now, done_at=clue.decided_at)) for clue in page]
    context = {"page": page, "rows": rows, "status": status, "query": "status=open" if status == "open" else ""}
    return render(request, "transfers/official_clues.html", context)


@login_required
def official_clue_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    clue = official_clue_get(request.user, pk)
    user: Any = request.user
    if request.method == "POST":  # the service checks the decision and the note (page and API alike)
        data = {"decision": request.POST.get("decision", ""), "note": request.POST.get("note", "")}
        try:
            official_clue_act(actor=user, clue=clue, event=request.POST.get("event", ""), data=data)
            messages.success(request, _("已登记。"))
        except ValidationError as exc:
            messages.error(request, _errors(exc))
        except TransferConflict as exc:
            messages.error(request, str(exc))
        return redirect("transfers:official_clue_detail", pk=clue.pk)
    can_act = may_handle(user, clue) and clue.status in workflow.OFFICIAL_CLUE_OPEN
    return render(
        request,
        "transfers/official_clue.html",
        {
            "clue": clue,
            "deadline": deadline_status(clue.due_at, now=timezone.now(), done_at=clue.decided_at),
            "can_act": can_act,
            "form": OfficialClueDecisionForm(),
            "period_days": OFFICIAL_CLUE_PERIOD.value,
        },
    )
