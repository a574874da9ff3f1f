"""The screening page: anyone can check facts against the thresholds (stateless)."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from ipshield.screening.forms import ScreeningForm, fact_fields
from ipshield.screening.services import run_screening, screening_as_dict


def screening_check(request: HttpRequest) -> HttpResponse:
    bound = request.method == "POST"
    form = ScreeningForm(request.POST if bound else None, initial={"offence": request.GET.get("offence")})
    result = None
    if bound and form.is_valid():
        rulebook, screening = run_screening(
            offence=form.cleaned_data["offence"],
            conduct_date=form.cleaned_data["conduct_date"],
            handling_date=form.cleaned_data["handling_date"],
            values=form.facts(),
        )
        result = screening_as_dict(rulebook, screening, language=get_language() or "zh-hans")
    template = "screening/_result.html" if request.htmx and bound else "screening/check.html"  # type: ignore[attr-defined]
    return render(request, template, {"form": form, "result": result})


@require_GET
def fact_fields_partial(request: HttpRequest) -> HttpResponse:
    """htmx: the figure fields an offence's thresholds read (public; labels only)."""
    offence = request.GET.get("offence", "")
    # Figures already typed keep their value when the new offence reads the same metric.
    typed = {name: value for name, value in request.GET.items() if name.startswith("fact__")}
    form = forms.Form(initial=typed)
    form.fields.update(fact_fields(offence))
    return render(request, "screening/_fact_fields.html", {"fields": list(form), "offence": offence})
