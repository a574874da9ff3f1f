from django.urls import path

from ipshield.tips import views

app_name = "tips"

urlpatterns = [
    path("report/", views.report_view, name="report"),
    path("status/", views.status_view, name="status"),
    path("", views.tip_list_view, name="list"),
    path("dispatch/", views.dispatch_view, name="dispatch"),
    path("spot-checks/", views.spot_checks_view, name="spot_checks"),
    path("<int:pk>/", views.tip_detail_view, name="detail"),
    path("<int:pk>/action/", views.tip_action_view, name="action"),
]
