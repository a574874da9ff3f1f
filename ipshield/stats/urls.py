from django.urls import path

from ipshield.stats import views

app_name = "stats"
urlpatterns = [
    path("", views.report_view, name="report"),
    path("dashboard/", views.dashboard_view, name="dashboard"),
    path("alerts/", views.alert_list_view, name="alerts"),
    path("packages/", views.package_view, name="packages"),
    path("submissions/", views.submission_view, name="submissions"),
    path("assessments/", views.assessment_list_view, name="assessments"),
    path("assessments/<int:pk>/", views.assessment_detail_view, name="assessment_detail"),
    path("packages/<int:pk>/download/", views.package_download_view, name="package_download"),
    path("alerts/<int:pk>/", views.alert_detail_view, name="alert_detail"),
]
