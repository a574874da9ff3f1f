from django.urls import path

from ipshield.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("statistics/", views.statistics, name="statistics"),
]
