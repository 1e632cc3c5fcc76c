"""Cases and their timelines in the admin, read-only: only the workflow's services change them."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from secretariat.accounts.constants import Role
from secretariat.cases.models import Case, CaseEvent
from secretariat.cases.selectors import case_read_in_full_q
from secretariat.core.actors import is_signed_in
from secretariat.core.admin_base import ReadOnlyAdmin

# Who reads cases here: auditors checking the record, and the Secretariat's administrators.
READERS = {Role.AUDITOR, Role.SECRETARIAT_ADMIN}


class CaseReaderAdmin(ReadOnlyAdmin):
    def _reads(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(is_signed_in(user) and user.is_staff and (user.is_superuser or user.role in READERS))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._reads(request) or super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._reads(request) or super().has_view_permission(request, obj)


class CaseEventInline(admin.TabularInline[CaseEvent, Case]):
    model = CaseEvent
    fields = ["occurred_at", "actor_label", "action", "from_status", "to_status", "agency", "note"]
    readonly_fields = ["occurred_at", "actor_label", "action", "from_status", "to_status", "agency", "note"]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        user = request.user
        return bool(is_signed_in(user) and user.is_staff and (user.is_superuser or user.role in READERS))


@admin.register(Case)
class CaseAdmin(CaseReaderAdmin):
    list_display = ["reference", "title", "kind", "status", "lead_agency", "received_on", "due_on", "outcome"]
    list_filter = ["kind", "status", "outcome", "extended"]
    search_fields = ["reference", "title"]
    list_select_related = ["lead_agency"]
    show_full_result_count = False  # a count over every case would cost more than the page
    inlines = [CaseEventInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Case]:
        # The admin shows subjects and timelines: a confidential case only to those who read it in full
        # (an auditor finds it on the case pages, as 「密件」).
        return super().get_queryset(request).filter(case_read_in_full_q(request.user))


@admin.register(CaseEvent)
class CaseEventAdmin(CaseReaderAdmin):
    list_display = ["case", "occurred_at", "actor_label", "action", "from_status", "to_status", "agency"]
    list_filter = ["action"]
    search_fields = ["case__reference", "actor_label"]
    list_select_related = ["case", "agency"]
    show_full_result_count = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[CaseEvent]:
        return super().get_queryset(request).filter(case_read_in_full_q(request.user, prefix="case__"))
