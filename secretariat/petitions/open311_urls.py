"""Open311 GeoReport v2, mounted at /open311/v2/. `<fmt>` is the format suffix the spec puts on every
resource; only json is served, anything else gets the spec's error array."""

from django.urls import path, re_path

from secretariat.petitions import open311

app_name = "open311"
urlpatterns = [
    path("services.<str:fmt>", open311.services, name="services"),
    path("requests.<str:fmt>", open311.requests, name="requests"),
    path("requests/<str:reference>.<str:fmt>", open311.request_detail, name="request"),
    re_path(r"^(?P<rest>.*)$", open311.not_found),
]
