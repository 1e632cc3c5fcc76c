"""The media app's audit actions: press releases and records, the mayor's schedule, opinion monitoring.
A batch of opinion items is audited once as `opinion.import_<source>`: that family is read from ItemSource."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from secretariat.core.audit_actions import AuditAction
from secretariat.media.models.opinion import ItemSource

IMPORT_PREFIX = "opinion.import_"
RELEASE_HOLDS = "before/after: the release's agency, unit, title, status, version and publication times"

_RELEASES = (
    AuditAction("media.release_draft", _("Draft a press release"), "after: the new draft's audited fields"),
    AuditAction("media.release_update", _("Edit a press release"), RELEASE_HOLDS),
    AuditAction("media.release_file_add", _("Add a file to a press release"), "after: the file, its kind, its name"),
    AuditAction("media.release_file_remove", _("Remove a file from a press release"), "before: the file, its kind"),
    AuditAction("media.release_submit", _("Submit a press release for approval"), RELEASE_HOLDS),
    AuditAction("media.release_approve_unit", _("Approve a press release (unit head)"), RELEASE_HOLDS),
    AuditAction("media.release_approve_media", _("Approve a press release (media unit)"), RELEASE_HOLDS),
    AuditAction("media.release_return", _("Return a press release"), RELEASE_HOLDS + "; extra: the reason"),
    AuditAction("media.release_publish", _("Publish a press release"), RELEASE_HOLDS),
    AuditAction("media.release_publish_due", _("Publish a scheduled press release"), RELEASE_HOLDS),
    AuditAction("media.release_correct", _("Correct a published press release"), RELEASE_HOLDS + "; extra: the note"),
)
_PRESS = (
    AuditAction("media.event_record", _("Record a press event"),
                "after: kind, time, place, topic, outlets, release and agencies"),
    AuditAction("media.post_plan", _("Plan a social media post"), "after: the post's fields"),
    AuditAction("media.post_update", _("Update a social media post"), "before/after: the post's fields"),
    AuditAction("media.training_record", _("Record a media training"),
                "after: day, kind, title, venue and attendance"),
    AuditAction("media.schedule_entry_add", _("Add to the mayor's schedule"), "after: time, place and event"),
    AuditAction("media.schedule_entry_remove", _("Remove from the mayor's schedule"),
                "before: time, place and event"),
    AuditAction("media.schedule_day_publish", _("Publish the mayor's schedule for a day"),
                "after: the day and when it was published"),
    AuditAction("user.permission_grant", _("Grant a permission to a user"), "after: the permission"),
)
_OPINION = (
    AuditAction("opinion.create", _("Record an opinion item"), "after: the item's fields and its agencies"),
    AuditAction("opinion.adjust_severity", _("Adjust the severity of an opinion item"),
                "before/after: the item's fields; extra: the reason"),
    AuditAction("opinion.escalate", _("Open an incident case for an opinion item"),
                "before/after: the item's fields; extra: the lead agency and the case reference"),
    AuditAction("opinion.respond", _("Record a response to an opinion item"),
                "after: the response, the agency, its kind and time"),
    AuditAction("opinion.digest_send", _("Send the daily opinion digest"),
                "after: the day, how many items, the agencies sent to"),
    AuditAction("opinion.feed_save", _("Save an opinion feed"), "before (on change)/after: the feed's fields"),
)
ACTIONS = _RELEASES + _PRESS + _OPINION


def opinion_imports() -> Iterator[AuditAction]:
    for source in ItemSource:
        yield AuditAction(f"{IMPORT_PREFIX}{source.value}",
                          format_lazy(_("Record opinion items in bulk: {source}"), source=source.label),
                          "extra: the ids of the items written and their count")
