from django.urls import path

from ipshield.credit import views

app_name = "credit"

urlpatterns = [
    path("", views.public_query_view, name="query"),
    path("enterprises/<int:pk>/", views.enterprise_view, name="enterprise"),
]
