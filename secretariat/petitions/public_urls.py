from django.urls import path

from secretariat.petitions import public_views

app_name = "petitions_public"
urlpatterns = [
    path("new/", public_views.petition_new, name="new"),
    path("confirm/<str:token>/", public_views.petition_confirm, name="confirm"),
    path("answer/", public_views.petition_answer, name="answer"),
]
