from django.urls import path

from ipshield.transfers import views

app_name = "transfers"

urlpatterns = [
    path("", views.transfer_list_view, name="list"),
    path("propose/<int:case_pk>/", views.transfer_propose_view, name="propose"),
    path("<int:pk>/", views.transfer_detail_view, name="detail"),
    path("<int:pk>/action/", views.transfer_action_view, name="action"),
    path("<int:pk>/steps/", views.transfer_step_view, name="step"),
    path("<int:pk>/documents/<slug:key>.pdf", views.transfer_document_view, name="document"),
    path("supervision/", views.supervision_open_view, name="supervision_open"),
    path("supervision/<int:pk>/", views.supervision_detail_view, name="supervision_detail"),
    path("queues/<slug:queue>/", views.supervision_queue_view, name="queue"),
    path("inbox/", views.inbox_view, name="inbox"),
    path("criminal-steps/", views.criminal_step_list_view, name="criminal_steps"),
    path("official-clues/", views.official_clue_list_view, name="official_clues"),
    path("official-clues/new/<int:case_pk>/", views.official_clue_new_view, name="official_clue_new"),
    path("official-clues/<int:pk>/", views.official_clue_detail_view, name="official_clue_detail"),
]
