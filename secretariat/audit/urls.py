from django.urls import path

from secretariat.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.entries, name="entries"),
    path("verify/", views.verify, name="verify"),
    path("anchor/", views.anchor, name="anchor"),
    path("personal-data/", views.accesses, name="accesses"),
]
