from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from ipshield.api import api

urlpatterns = [
    path("", include("ipshield.portal.urls")),
    path("", include("ipshield.core.urls")),
    path("cases/", include("ipshield.cases.urls")),
    path("screening/", include("ipshield.screening.urls")),
    path("transfers/", include("ipshield.transfers.urls")),
    path("stats/", include("ipshield.stats.urls")),
    path("cooperation/", include("ipshield.cooperation.urls")),
    path("tips/", include("ipshield.tips.urls")),
    path("credit/", include("ipshield.credit.urls")),
    path("disclosures/", include("ipshield.disclosure.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
