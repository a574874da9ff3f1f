"""Login, logout and the per-role home page ("my work")."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ipshield.core.forms import LoginForm
from ipshield.core.work import work_queues_for


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


@login_required
def home(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {"queues": work_queues_for(request.user)}
    return render(request, "core/home.html", context)
