from django.urls import URLPattern, URLResolver, include, path

app_name = "counters"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("secretariat.counters.urls_enquiries")),  # the enquiry tally, petition help, statistics
    path("", include("secretariat.counters.urls_consultations")),  # consultations, and the public booking pages
    path("", include("secretariat.counters.urls_volunteers")),  # volunteers: roster, shifts, counts, trainings
]
