"""Administration of the volunteer posts (edited through the audited service) and read-only views of the
volunteer records (the pages and the API write them; contacts are left out here)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from secretariat.core.actors import admin_person
from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.counters.models import DailyCount, Post, Shift, VolunteerTraining
from secretariat.counters.services.volunteer_roster import POST_FIELDS, post_save


class PostForm(forms.ModelForm[Post]):
    class Meta:
        model = Post
        fields = POST_FIELDS


@admin.register(Post)
class PostAdmin(admin.ModelAdmin[Post]):
    form = PostForm
    list_display = ["name", "code", "sort_order", "is_active"]

    def save_model(self, request: HttpRequest, obj: Post, form: Any, change: bool) -> None:
        values = {name: form.cleaned_data[name] for name in POST_FIELDS if name in form.cleaned_data}
        saved = post_save(actor=admin_person(request), post=Post.objects.get(pk=obj.pk) if change else None, **values)
        obj.pk = saved.pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # shifts and counts point at it: deactivate it instead


@admin.register(Shift)
class ShiftAdmin(ReadOnlyAdmin):
    list_display = ["starts_at", "ends_at", "post", "volunteer", "attended", "attended_minutes"]
    list_filter = ["post", "attended"]


@admin.register(DailyCount)
class DailyCountAdmin(ReadOnlyAdmin):
    list_display = ["date", "post", "people_served", "leaflets"]
    list_filter = ["post"]
    date_hierarchy = "date"


@admin.register(VolunteerTraining)
class VolunteerTrainingAdmin(ReadOnlyAdmin):
    list_display = ["held_on", "title", "venue"]
