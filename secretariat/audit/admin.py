
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from secretariat.audit.models import AuditEntry, AuditVerification, PersonalDataAccess
from secretariat.core.admin_base import ReadOnlyAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["seq", "occurred_at", "actor_label", "action_shown", "target_type", "target_label"]
    list_filter = ["action", "target_type"]
    search_fields = ["target_id", "target_label", "actor_label"]
    show_full_result_count = False

    @admin.display(description=_("Action"), ordering="action")
    def action_shown(self, entry: AuditEntry) -> str:
        # The label for reading, the code beneath it for filtering by.
        return format_html("{}<br><small><code>{}</code></small>", entry.action_label, entry.action)


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(ReadOnlyAdmin):
    list_display = ["occurred_at", "actor", "subject_label", "reason", "approved_by"]
    search_fields = ["subject_id", "subject_label", "reason"]


@admin.register(AuditVerification)
class AuditVerificationAdmin(ReadOnlyAdmin):
    list_display = ["checked_at", "ok", "rows_checked", "broken_seq", "reason"]
