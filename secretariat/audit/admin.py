
from django.contrib import admin

from secretariat.audit.models import AuditEntry, AuditVerification, PersonalDataAccess
from secretariat.core.admin_base import ReadOnlyAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["seq", "occurred_at", "actor_label", "action", "target_type", "target_label"]
    list_filter = ["action", "target_type"]
    search_fields = ["target_id", "target_label", "actor_label"]
    show_full_result_count = False


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(ReadOnlyAdmin):
    list_display = ["occurred_at", "actor", "subject_label", "reason", "approved_by"]
    search_fields = ["subject_id", "subject_label", "reason"]


@admin.register(AuditVerification)
class AuditVerificationAdmin(ReadOnlyAdmin):
    list_display = ["checked_at", "ok", "rows_checked", "broken_seq", "reason"]
