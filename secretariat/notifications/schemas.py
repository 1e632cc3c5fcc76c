"""The shapes of /api/v1/notifications."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class NotificationOut(Schema):
    id: int
    event: str
    text: str
    link: str
    created_at: dt.datetime
    read_at: dt.datetime | None


class NotificationPageOut(Schema):
    results: list[NotificationOut]
    next_cursor: str
    unread: int


class UnreadOut(Schema):
    unread: int


class MarkedOut(Schema):
    marked: int


class PreferenceOut(Schema):
    event: str
    label: str
    recipients: str
    channel: str
    chosen: bool


class PreferencesIn(Schema):
    choices: dict[str, str]
