"""The report's prose in the administration site: read-only (it is written through the report pages, whose
service checks the version and writes the audit row)."""

from django.contrib import admin

from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.reporting.models import ReportProse


@admin.register(ReportProse)
class ReportProseAdmin(ReadOnlyAdmin):
    list_display = ("period_code", "place", "version", "updated_by", "updated_at")
    list_filter = ("period_code", "place")
    search_fields = ("text",)
