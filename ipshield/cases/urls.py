from django.urls import path

from ipshield.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list_view, name="list"),
    path("new/", views.case_create_view, name="create"),
    path("import/", views.case_import_view, name="import"),
    path("split/", views.split_cases_view, name="split_cases"),
    path("validate/", views.validate_field_view, name="validate_field"),
    path("<int:pk>/", views.case_detail_view, name="detail"),
    path("<int:pk>/edit/", views.case_edit_view, name="edit"),
    path("<int:pk>/action/", views.case_transition_view, name="transition"),
    path("<int:pk>/parties/", views.party_add_view, name="party_add"),
    path("<int:pk>/seized-items/", views.seized_item_add_view, name="seized_item_add"),
    path("<int:pk>/attachments/", views.attachment_add_view, name="attachment_add"),
]
