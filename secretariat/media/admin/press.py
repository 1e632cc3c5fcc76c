"""The press records in the admin, read-only: releases, their revisions, events, schedule, posts and
trainings are written only through the audited services (the press office's pages and the API)."""

from __future__ import annotations

from django.contrib import admin

from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.media.models import MediaTraining, PressEvent, PressRelease, ScheduleEntry, SocialPost


@admin.register(PressRelease)
class PressReleaseAdmin(ReadOnlyAdmin):
    list_display = ["pk", "title", "agency", "status", "published_at", "corrected_at"]
    list_filter = ["status"]
    search_fields = ["title"]
    date_hierarchy = "published_at"


@admin.register(PressEvent)
class PressEventAdmin(ReadOnlyAdmin):
    list_display = ["held_at", "kind", "topic", "place"]
    list_filter = ["kind"]


@admin.register(ScheduleEntry)
class ScheduleEntryAdmin(ReadOnlyAdmin):
    list_display = ["starts_at", "event", "place"]


@admin.register(SocialPost)
class SocialPostAdmin(ReadOnlyAdmin):
    list_display = ["planned_at", "platform", "post_type", "title", "published_at", "reach"]
    list_filter = ["platform", "post_type"]


@admin.register(MediaTraining)
class MediaTrainingAdmin(ReadOnlyAdmin):
    list_display = ["held_on", "kind", "title", "attendance"]
