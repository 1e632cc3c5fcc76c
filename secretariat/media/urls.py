from django.urls import URLPattern, URLResolver, include, path

app_name = "media"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("secretariat.media.urls_opinion")),  # public-opinion monitoring, digests
    path("", include("secretariat.media.urls_press")),  # press releases, events, schedule, posts, trainings
]
