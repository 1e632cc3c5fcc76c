"""The notification events apps emit: each app declares its own in AppConfig.ready() (as it declares its
audit actions), and `notifications.services.notify` refuses any other.

An event names what happened, who receives it (for the settings page: people choose per event), the one
line people read (a translatable text whose %(name)s placeholders the emitter fills), the roles that may
receive it, and the channel used when neither the person nor an administrator chose one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """Every notification is shown in the platform (the bell); the channel says whether a mail goes too."""

    IN_APP = "in_app", _("In the platform only")
    MAIL = "mail", _("Mail at once")
    DIGEST = "digest", _("In the daily digest mail")


@dataclass(frozen=True)
class Event:
    code: str
    label: str | Promise
    recipients: str | Promise
    subject: str | Promise
    roles: frozenset[str] = field(default_factory=frozenset)  # empty: sent to addresses, not to accounts
    default_channel: str = Channel.IN_APP
    order: int = 100  # the settings page lists events in this order

    @property
    def to_citizens(self) -> bool:
        return not self.roles


_EVENTS: dict[str, Event] = {}


def declare_events(*events: Event) -> None:
    """Declare events; the same code declared twice with another meaning is refused."""
    for event in events:
        known = _EVENTS.get(event.code)
        if known is not None and known != event:
            raise ValueError(f"Notification event {event.code!r} is declared twice, differently.")
        if event.default_channel not in Channel.values:
            raise ValueError(f"Notification event {event.code!r} has an unknown channel {event.default_channel!r}.")
        _EVENTS[event.code] = event


def event_for(code: str) -> Event:
    """The declared event; an undeclared code is a programming error, as an undeclared audit action is."""
    try:
        return _EVENTS[code]
    except KeyError:
        raise LookupError(f"Notification event {code!r} is not declared by any app.") from None


def all_events() -> list[Event]:
    return sorted(_EVENTS.values(), key=lambda event: (event.order, event.code))


def events_for_role(role: str) -> list[Event]:
    """The events a holder of `role` may receive: what their settings page offers."""
    return [event for event in all_events() if role in event.roles]


def channel_chosen(event: Event, own: str | None, role_default: str | None) -> str:
    """The one rule: the person's own choice, else the administrator's default for their role, else the event's."""
    return own or role_default or event.default_channel


def subject_text(code: str, params: dict[str, Any], fallback: str) -> str:
    """The event's line in the active language, filled with `params`; `fallback` (the text stored when the
    notification was made) when the event was retired or its placeholders changed since."""
    event = _EVENTS.get(code)
    if event is None:
        return fallback
    try:
        return str(event.subject) % params
    except (KeyError, TypeError, ValueError):
        return fallback
