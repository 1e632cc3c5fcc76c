"""The settings forms: a person's channel per event, and the administrator's defaults per role."""

from __future__ import annotations

from typing import Any

from django import forms

from secretariat.core.forms import CheckedForm
from secretariat.core.notification_events import Event
from secretariat.notifications.constants import Channel
from secretariat.notifications.selectors import Choice


class PreferencesForm(CheckedForm):
    """One choice of channel per event the person's role receives."""

    def __init__(self, *args: Any, choices: list[Choice], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for choice in choices:
            self.fields[choice.event.code] = forms.ChoiceField(
                label=str(choice.event.label), help_text=str(choice.event.recipients), choices=Channel.choices,
                initial=choice.channel)


class RoleDefaultsForm(CheckedForm):
    """One choice of channel per event and receiving role: fields named `<role>:<event code>`."""

    def __init__(self, *args: Any, events: list[Event], current: dict[tuple[str, str], str],
                 role_labels: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for event in events:
            for role in sorted(event.roles):
                self.fields[f"{role}:{event.code}"] = forms.ChoiceField(
                    label=f"{event.label} — {role_labels.get(role, role)}", choices=Channel.choices,
                    initial=current.get((role, event.code), event.default_channel))
