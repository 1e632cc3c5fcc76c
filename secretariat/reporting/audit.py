"""The work report's audit actions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from secretariat.core.audit_actions import AuditAction

ACTIONS = (
    AuditAction("reporting.prose_save", _("Save the work report's text"),
                "before/after: the text and its version; extra: the period and the place in the report"),
)
