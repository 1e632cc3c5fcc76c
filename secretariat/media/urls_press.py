"""Staff pages of the press office, included from media/urls.py under /media/press/."""

from django.urls import path

from secretariat.media.views import press_records, press_releases

urlpatterns = [
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
