"""Public disclosure portal (search, permanent page, Atom feed, CSV) and the agency's review page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from ipshield.cases.choices import PenaltyKind
from ipshield.core.choices import ADMINISTRATIVE_AGENCY_KINDS, CampaignDomain
from ipshield.core.drill import drill_banner
from ipshield.core.exports import csv_response, xlsx_response
from ipshield.core.feedback import service_feedback
from ipshield.core.inputs import parse_id
from ipshield.core.jurisdiction import get_visible_or_404
from ipshield.core.models import Agency
from ipshield.core.pagination import EstimatingPaginator
from ipshield.core.region_picker import region_param
from ipshield.disclosure.forms import DisclosureDrillForm
from ipshield.disclosure.models import Disclosure
from ipshield.disclosure.selectors import public_disclosures, staff_disclosure_list, staff_disclosures
from ipshield.disclosure.services import disclosure_change, disclosure_publish, disclosure_withhold


def _filters(request: HttpRequest) -> dict[str, Any]:
    def day(name: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(request.GET.get(name, ""))
        except ValueError:
            return None

    agency = request.GET.get("agency", "")
    return {
        "q": request.GET.get("q", "")[:100],
        "region": region_param(request),
        "domain": request.GET.get("domain", ""),
        "agency": parse_id(agency),
        "from": day("from"),
        "to": day("to"),
    }


def search_view(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    filters = _filters(request)
    queryset = public_disclosures(filters)
    if request.GET.get("export") == "csv":
        return csv_response(
            header=[_("文号"), _("当事人"), _("违法事实"), _("处罚"), _("机关"), _("日期")],
            rows=(
                [d.decision_number, d.subject, d.facts, d.penalty, d.agency_name, d.decided_on]
                for d in queryset[:10000]
            ),
            filename="disclosures.csv",
        )
    page = EstimatingPaginator(queryset, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "disclosure/search.html",
        {
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "domains": CampaignDomain.choices,
            "agencies": Agency.objects.filter(kind__in=ADMINISTRATIVE_AGENCY_KINDS, is_active=True).order_by(
                "region_id", "name"
            ),
        },
    )


def disclosure_context(disclosure: Any) -> dict[str, Any]:
    labels = [PenaltyKind(k).label for k in disclosure.penalty_kinds if k in PenaltyKind.values]
    return {"d": disclosure, "penalty_kind_labels": labels}


def detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    disclosure = get_object_or_404(public_disclosures({}), pk=pk)
    return render(request, "disclosure/detail.html", disclosure_context(disclosure))


def atom_view(request: HttpRequest) -> HttpResponse:
    feed = Atom1Feed(
        title=_("行政处罚案件信息公开"),
        link=request.build_absolute_uri(reverse("disclosure:search")),
        description="",
        language="zh-cn",
    )
    for d in public_disclosures(_filters(request))[:50]:
        feed.add_item(
            title=f"{d.decision_number} {d.subject}",
            link=request.build_absolute_uri(reverse("disclosure:detail", args=[d.pk])),
            description=d.facts,
            pubdate=d.published_at,
            unique_id=f"ipshield-disclosure-{d.pk}",
        )
    return HttpResponse(feed.writeString("utf-8"), content_type="application/atom+xml; charset=utf-8")


@login_required
def review_list_view(request: HttpRequest) -> HttpResponse:
    """The agency's drafts and publications; supervisors see their region's, per agency (overdue first)."""
    drill = DisclosureDrillForm(request.GET)  # a statistics figure's filters (?decided_from=…&state=on_time)
    if not drill.is_valid():
        return render(request, "disclosure/review_list.html", {"drill_errors": drill.errors}, status=422)
    filters: dict[str, Any] = {k: v for k, v in drill.cleaned_data.items() if v}
    filters |= {"region": region_param(request), "agency": parse_id(request.GET.get("agency"))}
    filters["overdue"] = request.GET.get("overdue") == "1"
    qs = staff_disclosure_list(request.user, filters)
    if request.GET.get("export") == "xlsx":
        return xlsx_response(
            sheet=_("案件信息公开"),
            header=[_("行政处罚决定书文号"), _("当事人"), _("作出处罚决定的机关"), _("行政区划"), _("状态"), _("公开期限")],
            rows=(
                [d.decision_number, d.subject, d.agency.name, d.region_code, d.get_status_display(),
                 timezone.localtime(d.due_at).strftime("%Y-%m-%d")]
                for d in qs[:50000]
            ),
            filename="disclosures.xlsx",
        )  # fmt: skip
    query = request.GET.copy()
    query.pop("page", None)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "disclosure/review_list.html",
        {
            "page": page,
            "now": timezone.now(),
            "query": query.urlencode(),
            "filters": request.GET,
            "drill": drill_banner(drill.cleaned_data, ["decided"]) + drill.conditions(),
        },
    )


@login_required
def review_view(request: HttpRequest, pk: int) -> HttpResponse:
    disclosure: Disclosure = get_visible_or_404(staff_disclosures(request.user), request.user, pk=pk)
    if request.method == "POST":
        op = request.POST.get("op")
        with service_feedback(request):
            if op == "publish":
                disclosure_publish(actor=request.user, disclosure=disclosure, facts=request.POST.get("facts"))
            elif op == "withhold":
                disclosure_withhold(actor=request.user, disclosure=disclosure, reason=request.POST.get("reason", ""))
            elif op in {"update", "withdraw"}:
                disclosure_change(
                    actor=request.user,
                    disclosure=disclosure,
                    note=request.POST.get("reason", ""),
                    withdraw=op == "withdraw",
                    facts=request.POST.get("facts") or None,
                )
            else:
                raise Http404
        return redirect("disclosure:review", pk=disclosure.pk)
    return render(request, "disclosure/review.html", {"d": disclosure})
