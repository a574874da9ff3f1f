from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ipshield.core.inputs import parse_small_int
from ipshield.stats.public import HEADLINES, public_statistics


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html")


HEADLINE_LABELS: dict[str, Any] = {
    "filed": _("行政立案"),
    "decided": _("行政处罚（件）"),
    "penalties_10k": _("罚没款（万元）"),
    "transferred": _("移送公安机关（件）"),
    "persons_prosecuted": _("提起公诉（人）"),
    "tips": _("收到举报"),
    "published": _("公开处罚决定（件）"),
}


def statistics(request: HttpRequest) -> HttpResponse:
    """公开统计: the year's headline figures nationwide and by province (aggregates only)."""
    this_year = timezone.localdate().year
    year = parse_small_int(request.GET.get("year"), default=this_year)
    if not this_year - 10 <= year <= this_year:
        year = this_year
    figures = public_statistics(year)
    context = {
        "figures": figures,
        "labels": HEADLINE_LABELS,
        "keys": HEADLINES,
        "years": list(range(this_year, this_year - 5, -1)),
    }
    return render(request, "portal/statistics.html", context)
