from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "secretariat.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from secretariat.core.audit_actions import declare_actions
        from secretariat.core.notification_events import Event, declare_events
        from secretariat.notifications import audit, tasks  # noqa: F401  # registers the mail task by name
        from secretariat.notifications.constants import Channel

        declare_actions(*audit.ACTIONS)
        # The daily digest is a mail of its own, made of other events; declared so mails to it are checked.
        declare_events(Event("digest", _("Daily digest"), _("Everyone who chose the digest for some event"),
                             _("Your daily digest"), default_channel=Channel.MAIL, order=999))
