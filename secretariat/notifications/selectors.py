"""Reading notifications: a person's list (newest first, keyset paged), the unread count for the bell, the
channel that applies to each person and event, and the mail log for the administrator."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.utils import timezone

from secretariat.core.actors import Actor, Viewer, person_or_none
from secretariat.core.notification_events import Event, channel_chosen, events_for_role, subject_text
from secretariat.notifications.constants import PAGE_SIZE, MailStatus
from secretariat.notifications.models import MailDelivery, Notification, Preference, RoleDefault

if TYPE_CHECKING:
    pass


@dataclass(frozen=True)
class Page:
    rows: list[Notification]
    next_cursor: str  # "" on the last page


def notification_text(note: Notification) -> str:
    """The notification's line in the active language."""
    return subject_text(note.event, note.params, note.message)


def unread_count(*, user: Actor | Viewer) -> int:
    person = person_or_none(user)
    return Notification.objects.filter(user=person, read_at__isnull=True).count() if person else 0


def _cursor_parse(cursor: str) -> tuple[dt.datetime, int] | None:
    """`<ISO time>_<id>` of the last row shown; anything else is read as the first page."""
    stamp, _sep, pk = cursor.rpartition("_")
    try:
        at = dt.datetime.fromisoformat(stamp)
        return (at if timezone.is_aware(at) else timezone.make_aware(at, dt.UTC)), int(pk)
    except (ValueError, OverflowError):
        return None


def notification_page(*, user: Actor | Viewer, unread_only: bool = False, cursor: str = "",
                      size: int = PAGE_SIZE) -> Page:
    person = person_or_none(user)
    if person is None:
        return Page([], "")
    rows = Notification.objects.filter(user=person)
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    after = _cursor_parse(cursor) if cursor else None
    if after is not None:
        at, pk = after
        rows = rows.filter(Q(created_at__lt=at) | Q(created_at=at, pk__lt=pk))
    found = list(rows.order_by("-created_at", "-pk")[:size + 1])
    more = len(found) > size
    found = found[:size]
    next_cursor = f"{found[-1].created_at.isoformat()}_{found[-1].pk}" if more and found else ""
    return Page(found, next_cursor)


@dataclass(frozen=True)
class Choice:
    event: Event
    channel: str
    chosen: bool  # the person chose it (rather than inheriting the role's or the event's default)


def preferences_for(*, user: Actor | Viewer) -> list[Choice]:
    """The events the person's role receives, each with the channel that applies now."""
    person = person_or_none(user)
    if person is None:
        return []
    events = events_for_role(person.role)
    own = dict(Preference.objects.filter(user=person).values_list("event", "channel"))
    by_role = dict(RoleDefault.objects.filter(role=person.role).values_list("event", "channel"))
    return [Choice(event, channel_chosen(event, own.get(event.code), by_role.get(event.code)),
                   event.code in own) for event in events]


def mail_failures() -> QuerySet[MailDelivery]:
    return MailDelivery.objects.filter(status=MailStatus.FAILED)


def notifications_about(record_key: str) -> QuerySet[Notification]:
    return Notification.objects.filter(target=record_key)




def notification_get_for(*, user: Actor | Viewer, pk: int) -> Notification:
    """One of `user`'s own notifications; anyone else's is not found."""
    from secretariat.core.errors import NotFound

    person = person_or_none(user)
    note = Notification.objects.filter(user=person, pk=pk).first() if person else None
    if note is None:
        raise NotFound()
    return note


def role_defaults() -> dict[tuple[str, str], str]:
    """(role, event code) → channel, as the administrator set them."""
    return {(role, event): channel for role, event, channel in
            RoleDefault.objects.values_list("role", "event", "channel")}
