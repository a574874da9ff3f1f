from django.urls import path

from ipshield.stats import views

app_name = "stats"
urlpatterns = [path("", views.report_view, name="report")]
