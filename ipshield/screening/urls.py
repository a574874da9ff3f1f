from django.urls import path

from ipshield.screening import views

app_name = "screening"

urlpatterns = [
    path("", views.screening_check, name="check"),
    path("fields/", views.fact_fields_partial, name="fact_fields"),
]
