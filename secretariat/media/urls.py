"""Every URL of the media office.

`urlpatterns` (namespace "media") is mounted at /media/: opinion monitoring, then the press office's staff
pages. `press_public_patterns` (namespace "press_public") is mounted at /press/ from config/urls.py: the
public press pages and feeds, no sign-in.
"""

from django.urls import URLPattern, URLResolver, path

from secretariat.media.views import (
    feeds,
    opinion,
    opinion_actions,
    opinion_digest,
    press_public,
    press_records,
    press_releases,
)

app_name = "media"
urlpatterns: list[URLPattern | URLResolver] = [
    # --- Opinion monitoring pages, under /media/opinion/ (digests included) ---
    path("opinion/", opinion.item_list_page, name="opinion"),
    path("opinion/new/", opinion.item_new, name="opinion_new"),
    path("opinion/import/", opinion.item_import, name="opinion_import"),
    path("opinion/feeds/<int:pk>/fetch/", opinion_actions.feed_fetch, name="opinion_feed_fetch"),
    path("opinion/digests/", opinion_digest.digest_list, name="opinion_digests"),
    path("opinion/digests/<str:day>/", opinion_digest.digest_download, name="opinion_digest"),
    path("opinion/<int:pk>/", opinion.item_detail, name="opinion_item"),
    path("opinion/<int:pk>/severity/", opinion_actions.severity_adjust, name="opinion_severity"),
    path("opinion/<int:pk>/escalate/", opinion_actions.escalate, name="opinion_escalate"),
    path("opinion/<int:pk>/respond/", opinion_actions.respond, name="opinion_respond"),
    # --- Staff pages of the press office: releases, events, schedule, posts, trainings ---
    path("press/", press_releases.release_list, name="press_releases"),
    path("press/new/", press_releases.release_new, name="press_release_new"),
    path("press/<int:pk>/", press_releases.release_detail, name="press_release"),
    path("press/<int:pk>/edit/", press_releases.release_edit, name="press_release_edit"),
    path("press/<int:pk>/files/", press_releases.release_file_add, name="press_release_file"),
    path("press/<int:pk>/return/", press_releases.release_return, name="press_release_return"),
    path("press/<int:pk>/publish/", press_releases.release_publish, name="press_release_publish"),
    path("press/<int:pk>/correct/", press_releases.release_correct, name="press_release_correct"),
    path("press/<int:pk>/<slug:step>/", press_releases.release_step, name="press_release_step"),
    path("press-events/", press_records.event_list, name="press_events"),
    path("mayor-schedule/", press_records.schedule, name="press_schedule"),
    path("mayor-schedule/publish/", press_records.schedule_publish, name="press_schedule_publish"),
    path("social-posts/", press_records.post_list, name="press_posts"),
    path("social-posts/calendar/", press_records.post_calendar, name="press_post_calendar"),
    path("social-posts/<int:pk>/", press_records.post_reach, name="press_post_reach"),
    path("trainings/", press_records.training_list, name="press_trainings"),
]

# --- The public press pages and feeds (no sign-in), mounted at /press/ under the namespace "press_public" ---
press_public_patterns: list[URLPattern | URLResolver] = [
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
