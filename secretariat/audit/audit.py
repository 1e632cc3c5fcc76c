"""The audit app's own action: the mirror, in the audit trail, of each personal-data access."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from secretariat.core.audit_actions import AuditAction

ACTIONS = (
    AuditAction("personal_data.view", _("View personal data"),
                "extra: the fields shown, the reason given and the access log's row"),
)
