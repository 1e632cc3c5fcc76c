"""Notifications over JSON (/api/v1/notifications): one's own list, the unread count, mark read, settings."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from secretariat.core.actors import SignedInRequest
from secretariat.notifications.schemas import (
    MarkedOut,
    NotificationPageOut,
    PreferenceOut,
    PreferencesIn,
    UnreadOut,
)
from secretariat.notifications.selectors import notification_page, notification_text, preferences_for, unread_count
from secretariat.notifications.services import notification_mark_read, preferences_set

router = Router(tags=["notifications"])


@router.get("/notifications", response=NotificationPageOut, summary="One's notifications, newest first")
def list_notifications(request: HttpRequest, unread: bool = False, after: Query[str] = "") -> dict[str, Any]:
    """`unread=true` for the unread only; `after` is the previous page's `next_cursor`."""
    page = notification_page(user=request.user, unread_only=unread, cursor=after[:80])
    return {"results": [{"id": note.pk, "event": note.event, "text": notification_text(note), "link": note.link,
                         "created_at": note.created_at, "read_at": note.read_at} for note in page.rows],
            "next_cursor": page.next_cursor, "unread": unread_count(user=request.user)}


@router.get("/notifications/unread-count", response=UnreadOut, summary="How many notifications are unread")
def unread(request: HttpRequest) -> dict[str, int]:
    return {"unread": unread_count(user=request.user)}


@router.post("/notifications/read", response=MarkedOut, summary="Mark every notification read")
def read_all(request: SignedInRequest) -> dict[str, int]:
    return {"marked": notification_mark_read(actor=request.user)}


@router.post("/notifications/{notification_id}/read", response=MarkedOut, summary="Mark one notification read")
def read_one(request: SignedInRequest, notification_id: int) -> dict[str, int]:
    return {"marked": notification_mark_read(actor=request.user, notification_id=notification_id)}


def _preferences(request: HttpRequest) -> list[dict[str, Any]]:
    return [{"event": choice.event.code, "label": str(choice.event.label), "recipients": str(choice.event.recipients),
             "channel": choice.channel, "chosen": choice.chosen} for choice in preferences_for(user=request.user)]


@router.get("/notifications/preferences", response=list[PreferenceOut], summary="One's channel for each notification")
def get_preferences(request: HttpRequest) -> list[dict[str, Any]]:
    return _preferences(request)


@router.put("/notifications/preferences", response=list[PreferenceOut],
            summary="Choose channels (event code → channel)")
def put_preferences(request: SignedInRequest, payload: PreferencesIn) -> list[dict[str, Any]]:
    preferences_set(actor=request.user, choices=payload.choices)
    return _preferences(request)
