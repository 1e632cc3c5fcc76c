"""The notification platform's audit actions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from secretariat.core.audit_actions import AuditAction

ACTIONS = (
    AuditAction("notification.read", _("Mark notifications read"), "extra: the ids of the notifications"),
    AuditAction("notification.preferences", _("Change one's notification settings"),
                "before/after: event code → channel, only the events that changed"),
    AuditAction("notification.role_default", _("Set a role's default notification channel"),
                "before/after: the role, the event code and the channel"),
    AuditAction("notification.mail_retry", _("Send failed mails again"), "extra: the ids of the mails"),
)
