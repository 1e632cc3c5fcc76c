"""What "nothing was written" means in the media office's refusal tests: no row of any media table, no
audit row, no stored file and no case came or went, and no release, item, post or schedule day changed.
(The comparison itself is tests/refusals.py, shared with the other apps.)"""

from __future__ import annotations

from contextlib import AbstractContextManager

from secretariat.cases.models import Case, CaseEvent
from secretariat.core.models import Attachment
from secretariat.media.models import PressRelease, ScheduleDay, SocialPost
from secretariat.media.models.opinion import OpinionFeed, OpinionItem
from tests import refusals
from tests.refusals import assert_refusal

state = refusals.watcher(app_labels=["media"], models=[Attachment, Case, CaseEvent], rows={
    PressRelease: ["version", "status", "title", "body", "published_at", "unit_approved_at", "media_approved_at"],
    OpinionItem: ["version", "severity", "score_override", "case_id"],
    SocialPost: ["version", "published_at", "link", "reach"],
    ScheduleDay: ["published_at"],
    OpinionFeed: ["url", "medium", "last_result"],
})


def nothing_written() -> AbstractContextManager[None]:
    """Fails the test if the block changed any of `state()`."""
    return refusals.nothing_written(state)


__all__ = ["assert_refusal", "nothing_written", "state"]
