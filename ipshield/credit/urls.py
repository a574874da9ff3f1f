from django.urls import path

from ipshield.credit import views

app_name = "credit"

urlpatterns = [
    path("", views.public_query_view, name="query"),
    path("enterprises/<int:pk>/", views.enterprise_view, name="enterprise"),
    path("matches/", views.match_list_view, name="matches"),
    path("feed/", views.bank_feed_view, name="bank_feed"),
    path("matches/<int:pk>/", views.match_decide_view, name="match_decide"),
    path("repair/", views.repair_apply_view, name="repair_apply"),
    path("repair/requests/", views.repair_list_view, name="repair_list"),
    path("repair/requests/<int:pk>/", views.repair_detail_view, name="repair_detail"),
]
