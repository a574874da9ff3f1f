from django.urls import path

from ipshield.disclosure import views

app_name = "disclosure"

urlpatterns = [
    path("", views.search_view, name="search"),
    path("feed.atom", views.atom_view, name="atom"),
    path("<int:pk>/", views.detail_view, name="detail"),
    path("review/", views.review_list_view, name="review_list"),
    path("review/<int:pk>/", views.review_view, name="review"),
]
