"""What "nothing was written" means in the media office's refusal tests: no row of any media table, no
audit row, no stored file and no case came or went, and no release, item, post or schedule day changed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.apps import apps

from secretariat.audit.models import AuditEntry
from secretariat.cases.models import Case, CaseEvent
from secretariat.core.errors import ApplicationError
from secretariat.core.models import Attachment
from secretariat.media.models import PressRelease, ScheduleDay, SocialPost
from secretariat.media.models.opinion import OpinionFeed, OpinionItem


def state() -> dict[str, Any]:
    counts: dict[str, Any] = {model._meta.label: model._default_manager.count()
                              for model in apps.get_app_config("media").get_models()}
    for model in (AuditEntry, Attachment, Case, CaseEvent):
        counts[model._meta.label] = model._default_manager.count()
    counts["releases"] = list(PressRelease.objects.order_by("pk").values_list(
        "pk", "version", "status", "title", "body", "published_at", "unit_approved_at", "media_approved_at"))
    counts["items"] = list(OpinionItem.objects.order_by("pk").values_list(
        "pk", "version", "severity", "score_override", "case_id"))
    counts["posts"] = list(SocialPost.objects.order_by("pk").values_list("pk", "version", "published_at", "link",
                                                                         "reach"))
    counts["days"] = list(ScheduleDay.objects.order_by("pk").values_list("pk", "published_at"))
    counts["feeds"] = list(OpinionFeed.objects.order_by("pk").values_list("pk", "url", "medium", "last_result"))
    return counts


@contextmanager
def nothing_written() -> Iterator[None]:
    """Fails the test if the block changed any of `state()`."""
    before = state()
    yield
    after = state()
    changed = {key for key in before if before[key] != after[key]}
    assert not changed, f"written despite the refusal: {sorted(changed)}"


def assert_refusal(error: ApplicationError, kind: type[ApplicationError], code: str | None = None,
                   field: str | None = None) -> None:
    assert isinstance(error, kind), f"{type(error).__name__} is not {kind.__name__}"
    if code is not None:
        assert error.code == code
    if field is not None:
        assert error.field == field
    assert error.render()  # the user is told something, in words
