"""Administration of opinion monitoring: the feeds to import from (administrators configure them) and, read
only, the digests sent. Saves go through the audited service."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from secretariat.core.actors import admin_person
from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.core.errors import ApplicationError
from secretariat.media.models.opinion import OpinionDigest, OpinionFeed
from secretariat.media.services import opinion_rules
from secretariat.media.services.opinion_import import opinion_feed_save


class FeedForm(forms.ModelForm[OpinionFeed]):
    class Meta:
        model = OpinionFeed
        fields = ["name", "url", "outlet", "medium", "is_active"]

    def clean_url(self) -> str:
        url = str(self.cleaned_data["url"]).strip()
        try:
            opinion_rules.link_key(url)
        except ApplicationError as error:
            raise ValidationError(error.render()) from None
        return url


@admin.register(OpinionFeed)
class OpinionFeedAdmin(admin.ModelAdmin[OpinionFeed]):
    form = FeedForm
    list_display = ["name", "outlet", "medium", "is_active", "last_fetched_at", "last_result"]
    readonly_fields = ["last_fetched_at", "last_result"]

    def save_model(self, request: HttpRequest, obj: OpinionFeed, form: Any, change: bool) -> None:
        opinion_feed_save(actor=admin_person(request), feed=obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # items keep pointing at their feed; switch a feed off instead


@admin.register(OpinionDigest)
class OpinionDigestAdmin(ReadOnlyAdmin):
    list_display = ["day", "item_count", "agency_count", "compiled_at"]
