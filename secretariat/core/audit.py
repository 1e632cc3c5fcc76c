"""The kernel's own audit actions: the working-day calendar, run-time settings, uploaded files."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from secretariat.core.audit_actions import AuditAction

ACTIONS = (
    AuditAction("calendar.import", _("Import the office calendar"),
                "after: the year, how many exceptional days were written, the source"),
    AuditAction("calendar.closure_declare", _("Declare an office closure"),
                "before: the day as it was (a make-up workday) or nothing; after: date, kind, note"),
    AuditAction("calendar.closure_withdraw", _("Withdraw an office closure"),
                "before: the closed day; after: the make-up workday it is again, or nothing"),
    AuditAction("setting.change", _("Change a setting"), "before/after: the setting's value"),
    AuditAction("attachment.upload", _("Upload a file"), "after: the file's name, type, size and SHA-256"),
)
