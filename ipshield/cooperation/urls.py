from django.urls import path

from ipshield.cooperation import views

app_name = "cooperation"
urlpatterns = [
    path("", views.list_view, name="list"),
    path("new/<str:kind>/", views.create_view, name="new"),
    path("<int:pk>/", views.detail_view, name="detail"),
    path("<int:pk>/act/<str:action>/", views.act_view, name="act"),
    path("<int:pk>/report.<str:fmt>", views.report_export_view, name="report_export"),
]
