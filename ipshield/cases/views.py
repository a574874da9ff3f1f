"""Case pages: list (filters, search, export), detail, create/edit (htmx validation), actions, import."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ipshield.cases import ledger, workflow
from ipshield.cases.choices import NEXT_STEPS, CaseEvent, ScreeningOutcome
from ipshield.cases.cumulative import screening_for
from ipshield.cases.forms import CaseFilterForm, CaseForm, ImportForm, PartyForm, PenaltyForm, SeizedItemForm
from ipshield.cases.models import Case
from ipshield.cases.selectors import (
    CASE_PERIOD_FIELDS,
    SPLIT_CASE_ROLES,
    case_get,
    case_list,
    split_case_groups,
    split_case_queue,
    split_case_summaries,
)
from ipshield.cases.services import (
    StaleCaseError,
    case_attach,
    case_create,
    case_transition,
    case_update,
    party_add,
    seized_item_add,
)
from ipshield.cases.tasks import ledger_import
from ipshield.core.attachments import attachments_for
from ipshield.core.choices import TRANSFER_REQUIRED_EVIDENCE, EvidenceKind, Role
from ipshield.core.deadlines import deadline_status
from ipshield.core.drill import drill_banner
from ipshield.core.exports import csv_response, xlsx_response
from ipshield.core.forms import apply_service_errors, resident_id_validator, uscc_validator
from ipshield.core.inputs import parse_id
from ipshield.core.jobs import job_enqueue, job_start
from ipshield.core.models import Agency, Region, validate_region_code_exists
from ipshield.screening.services import facts_for_display, metric_label, offence_label

PAGE_SIZE = 50
WRITER_ROLES: set[str] = {Role.OFFICER, Role.AGENCY_HEAD}


def _is_writer(request: HttpRequest) -> bool:
    user: Any = request.user
    return user.role in WRITER_ROLES and user.agency_id is not None


def _case_conditions(filters: dict[str, Any]) -> list[str]:
    """The statistics conditions in force on the case list, in words, for the drill-down banner."""
    out = []
    if filters.get("agency"):
        name = Agency.objects.filter(pk=filters["agency"]).values_list("name", flat=True).first()
        out.append(str(_("办案机构：%(name)s") % {"name": name or "—"}))
    if filters.get("on_time") == "decision":
        out.append(str(_("在法定期限内作出处罚决定")))
    return out


@login_required
def case_list_view(request: HttpRequest) -> HttpResponseBase:
    form = CaseFilterForm(request.GET or None)
    valid = form.is_valid()
    filters = form.cleaned_data if valid else {}
    # A filter that cannot be read (a statistics link edited by hand) lists nothing, never everything.
    invalid = form.is_bound and not valid
    queryset = case_list(request.user, filters) if not invalid else Case.objects.none()
    export = request.GET.get("export")
    if export in {"csv", "xlsx"}:
        return ledger.export_response(queryset, export)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "can_create": _is_writer(request),
        "now": timezone.now(),
        "drill": drill_banner(filters, list(CASE_PERIOD_FIELDS)) + _case_conditions(filters),
    }
    template = "cases/_list_table.html" if request.htmx else "cases/list.html"  # type: ignore[attr-defined]
    return render(request, template, context, status=422 if invalid else 200)


@login_required
def case_create_view(request: HttpRequest) -> HttpResponse:
    if not _is_writer(request):
        raise PermissionDenied
    agency: Any = request.user.agency  # type: ignore[union-attr]
    form = CaseForm(request.POST or None, initial={"region_code": agency.region_id})
    party_form = PartyForm(request.POST or None, prefix="party")
    wants_party = bool(request.POST.get("party-name"))
    if request.method == "POST" and form.is_valid() and (not wants_party or party_form.is_valid()):
        parties = [party_form.cleaned_data] if wants_party else []
        try:
            case = case_create(actor=request.user, data=form.service_data(), parties=parties)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("案件已登记：%(number)s") % {"number": case.number})
            return redirect("cases:detail", pk=case.pk)
    return render(request, "cases/form.html", {"form": form, "party_form": party_form, "creating": True})


@login_required
def case_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_get(request.user, pk)
    if not (_is_writer(request) and request.user.agency_id == case.agency_id):  # type: ignore[union-attr]
        raise PermissionDenied
    form = CaseForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        try:
            case_update(
                actor=request.user, case=case, data=form.service_data(), revision=form.cleaned_data.get("revision")
            )
        except StaleCaseError as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("已保存。"))
            return redirect("cases:detail", pk=case.pk)
    return render(request, "cases/form.html", {"form": form, "case": case, "creating": False})


# Transfer states in which nothing has left the agency yet, or the judiciary sent the case back.
TRANSFER_NOT_UNDER_WAY = frozenset({"proposed", "approved", "not_approved", "returned", "closed_no_case"})


@login_required
def case_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_get(request.user, pk)
    now = timezone.now()
    deadlines = []
    if case.status == "lead" and case.filing_due_at:
        deadlines.append((_("立案决定期限"), deadline_status(case.filing_due_at, now=now)))
    if case.decision_due_at and case.status in {"filed", "investigating"}:
        deadlines.append((_("处罚决定期限"), deadline_status(case.decision_due_at, now=now)))
    own = request.user.agency_id == case.agency_id  # type: ignore[union-attr]
    role = request.user.role  # type: ignore[union-attr]
    clue_reader = (
        own and role in WRITER_ROLES
    )  # 公职人员涉案线索: the reporting agency only; procurators use their pages
    latest = case.screenings.first()
    transfers = list(case.transfers.select_related("police_agency").order_by("-proposed_at"))
    # Once sent, the banner says where the transfer stands, not "应当移送".
    under_way = next((t for t in transfers if t.status not in TRANSFER_NOT_UNDER_WAY), None)
    screening = screening_for(case, request.user)
    attachments = list(attachments_for(case))
    # Leads, co-investigation, joint handling, supervision, consultations and campaigns on this case
    # that the reader may open (the cooperation app's records through their own scoping; reached
    # through the relation, as the cooperation app sits above this one).
    cooperation_model = case.cooperations.model
    cooperations = list(
        cooperation_model.objects.visible_to(request.user)
        .filter(Q(case=case) | Q(links__case=case))
        .distinct()
        .select_related("agency")
        .prefetch_related("entries__agency")
    )
    running = {c.kind for c in cooperations if c.status == "active"}
    context = {
        "case": case,
        "offence_label": offence_label(case.offence) if case.offence else "",
        "facts_display": facts_for_display(case.facts, english=(get_language() or "").startswith("en")),
        "latest": latest,
        "region_name": Region.objects.filter(code=case.region_code).values_list("name", flat=True).first() or "",
        "history": case.screenings.all()[:20],
        "suspected": case.screening_outcome == ScreeningOutcome.SUSPECTED_CRIME,
        "deadlines": deadlines,
        "parties": case.parties.all(),
        "items": case.seized_items.all(),
        "attachments": attachments,
        "evidence_kinds": EvidenceKind.choices,
        "evidence_missing": [
            EvidenceKind(k).label for k in TRANSFER_REQUIRED_EVIDENCE if k not in {a.kind for a in attachments}
        ],
        "events": workflow.allowed_events(case.status, role) if own else [],
        "can_edit": own and _is_writer(request) and case.status in workflow.EDITABLE_STATES,
        "party_form": PartyForm(prefix="party"),
        "item_form": SeizedItemForm(prefix="item"),
        "can_add_items": own and _is_writer(request) and case.status in workflow.OPEN_STATES,
        "transfers": transfers,
        "transfer_under_way": under_way,
        "clue_reader": clue_reader,
        "official_clues": list(case.official_clues.select_related("procuratorate")) if clue_reader else [],
        "cumulative": (screening or {}).get("cumulative"),
        "can_propose": own
        and _is_writer(request)
        and case.status in {"filed", "investigating", "decided"}
        and not case.transfers.exclude(status__in=["not_approved", "closed_no_case", "returned"]).exists(),
        "penalty_form": PenaltyForm(prefix="penalty"),
        "next_step": NEXT_STEPS.get(case.status, "") if own else "",
        "cooperations": cooperations,
        "can_cooperate": own and _is_writer(request),
        # One running supervision and one running joint handling per case: the record, not a button.
        "can_supervise": role == "coordinator" and "supervision" not in running,
        "can_start_joint": "joint" not in running,
    }
    return render(request, "cases/detail.html", context)


@login_required
@require_POST
def case_transition_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_get(request.user, pk)
    event = request.POST.get("event", "")
    if event not in CaseEvent.values:
        return HttpResponseBadRequest(_("未知的操作。"))
    data: dict[str, Any] = {"close_reason": request.POST.get("close_reason", "")}
    if event == CaseEvent.DECIDE:
        penalty = PenaltyForm(request.POST, prefix="penalty")
        if not penalty.is_valid():
            for field, errors in penalty.errors.items():
                messages.error(
                    request,
                    f"{penalty.fields[field].label if field in penalty.fields else ''} {' '.join(str(e) for e in errors)}",
                )
            return redirect("cases:detail", pk=case.pk)
        data.update(penalty.cleaned_data)
    revision = request.POST.get("revision")
    try:
        case_transition(
            actor=request.user,
            case=case,
            event=event,
            data=data,
            revision=parse_id(revision),
        )
    except (ValidationError, StaleCaseError) as exc:
        text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, text)
    else:
        messages.success(request, _("操作已完成：%(event)s") % {"event": CaseEvent(event).label})
    return redirect("cases:detail", pk=case.pk)


@login_required
@require_POST
def seized_item_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_get(request.user, pk)
    if not (_is_writer(request) and request.user.agency_id == case.agency_id):  # type: ignore[union-attr]
        raise PermissionDenied
    form = SeizedItemForm(request.POST, prefix="item")
    if form.is_valid():
        try:
            seized_item_add(actor=request.user, case=case, data=form.cleaned_data)
            messages.success(request, _("已登记涉案物品。"))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:  # name the field: the form is folded away on the case page
        messages.error(
            request,
            " ".join(f"{form.fields[f].label}{_('：')}{e}" for f, errs in form.errors.items() for e in errs),
        )
    return redirect("cases:detail", pk=case.pk)


@login_required
@require_POST
def party_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_get(request.user, pk)
    if not (_is_writer(request) and request.user.agency_id == case.agency_id):  # type: ignore[union-attr]
        raise PermissionDenied
    form = PartyForm(request.POST, prefix="party")
    if form.is_valid():
        try:
            party_add(actor=request.user, case=case, data=form.cleaned_data)
            messages.success(request, _("已添加当事人。"))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect("cases:detail", pk=case.pk)


@login_required
@require_POST
def attachment_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_get(request.user, pk)
    if request.user.agency_id != case.agency_id:  # type: ignore[union-attr]
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("请选择要上传的文件。"))
    else:
        try:
            stored = case_attach(
                actor=request.user,
                case=case,
                upload=upload,
                name=upload.name or "",
                description=request.POST.get("description", ""),
                kind=request.POST.get("kind", ""),
            )
            messages.success(request, _("已上传，SHA-256：%(hash)s") % {"hash": stored.blob_id})
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("cases:detail", pk=case.pk)


FIELD_VALIDATORS = {
    "party-uscc": uscc_validator,
    "party-resident_id": resident_id_validator,
    "region_code": validate_region_code_exists,
}


@login_required
@require_POST
def validate_field_view(request: HttpRequest) -> HttpResponse:
    """htmx inline validation of one field: returns the error text (empty when valid)."""
    name = request.POST.get("field", "")
    validator = FIELD_VALIDATORS.get(name)
    value = request.POST.get(name, "").strip()
    if validator is None:
        return HttpResponseBadRequest(_("未知字段。"))
    if not value:
        return HttpResponse("")
    try:
        validator(value)
    except ValidationError as exc:
        return HttpResponse(" ".join(exc.messages))
    return HttpResponse("")


@login_required
def case_import_view(request: HttpRequest) -> HttpResponse:
    if not _is_writer(request):
        raise PermissionDenied
    if request.GET.get("template"):
        return ledger.template_response()
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        rows = ledger.read_ledger(upload)
        valid_rows = form.cleaned_data["import_valid_rows"]
        if isinstance(rows, str):
            report = ledger.ImportReport(fatal=rows)
        elif len(rows.rows) > settings.IPSHIELD_IMPORT_SYNC_ROWS:  # long work: in the background, with progress
            upload.seek(0)
            with transaction.atomic():
                job = job_start(
                    owner=request.user,
                    kind="cases.ledger_import",
                    label=_("导入案件台账：%(name)s") % {"name": upload.name},
                    total=len(rows.rows),
                    input_bytes=upload.read(),
                )
                job_enqueue(job, ledger_import, import_valid_rows=valid_rows)
            return redirect("core:job", pk=job.pk)
        else:
            report = ledger.import_rows(actor=request.user, ledger=rows, import_valid_rows=valid_rows)
            if report.imported:
                messages.success(request, _("已导入 %(n)s 个案件。") % {"n": report.imported})
    status = 422 if report is not None and (report.fatal or report.errors) else 200
    return render(request, "cases/import.html", {"form": form, "report": report}, status=status)


@login_required
def split_cases_view(request: HttpRequest) -> HttpResponseBase:
    """拆分案件线索 for procurators and coordinators: one party's small cases that add up."""
    user: Any = request.user
    if user.role not in SPLIT_CASE_ROLES:
        raise PermissionDenied
    if request.GET.get("export") in {"csv", "xlsx"}:
        groups = split_case_groups(user)
        header = [
            _("当事人"),
            _("统一社会信用代码/公民身份号码"),
            _("涉嫌罪名"),
            _("累计筛查结果"),
            _("累计数额"),
            _("可查看的案件"),
            _("其他机构的案件"),
        ]
        rows = [
            [
                g["party"],
                g["party_id_masked"],
                offence_label(g["offence"]),
                _("涉嫌犯罪") if g["outcome"] == ScreeningOutcome.SUSPECTED_CRIME else _("接近标准"),
                "；".join(f"{metric_label(m)} {v}" for m, v in (g["totals"] or {}).items()),
                "；".join(f"{c['number']}（{c['agency']}）" for c in g["cases"]),
                "；".join(f"{o['agency']} {o['count']}" for o in g["others"]),
            ]
            for g in groups
        ]
        name = f"split-cases-{timezone.localdate():%Y%m%d}"
        if request.GET["export"] == "xlsx":
            return xlsx_response(sheet=_("拆分案件线索"), header=header, rows=rows, filename=f"{name}.xlsx")
        return csv_response(header=header, rows=rows, filename=f"{name}.csv")
    page = Paginator(split_case_queue(user), 25).get_page(request.GET.get("page"))
    page.object_list = split_case_summaries(user, page.object_list)  # only this page's 25 groups
    return render(request, "cases/split_cases.html", {"page": page})
