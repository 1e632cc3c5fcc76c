"""The public press pages and feeds (no sign-in), mounted at /press/."""

from django.urls import path

from secretariat.media import feeds
from secretariat.media.views import press_public

app_name = "press_public"
urlpatterns = [
    path("", press_public.release_list, name="releases"),
    path("releases/<int:pk>/", press_public.release_detail, name="release"),
    path("releases/<int:pk>/files/<int:file_pk>/", press_public.release_file, name="release_file"),
    path("feeds/releases.rss", feeds.releases_rss, name="feed_rss"),
    path("feeds/releases.atom", feeds.releases_atom, name="feed_atom"),
    path("feeds/agencies/<int:agency>/releases.rss", feeds.releases_rss, name="agency_feed_rss"),
    path("feeds/agencies/<int:agency>/releases.atom", feeds.releases_atom, name="agency_feed_atom"),
    path("schedule/", press_public.schedule_day, name="schedule_today"),
    path("schedule/<str:day>/", press_public.schedule_day, name="schedule_day"),
    path("feeds/schedule.rss", feeds.schedule_rss, name="schedule_rss"),
    path("feeds/schedule.atom", feeds.schedule_atom, name="schedule_atom"),
]
