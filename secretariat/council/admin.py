"""Administration of the council's structure (terms, sessions, caucuses, councillors) and the liaison
records. Secretariat administrators edit; auditors read. Every save goes through an audited service.

Other council topics append their admin classes at the end of this file (under their own comment
header) or in admin_<topic>.py modules imported from here.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from secretariat.accounts.constants import Role
from secretariat.core.actors import admin_person
from secretariat.council.access import structure as access
from secretariat.council.models import Briefing, Caucus, Councillor, LiaisonOfficer, Session, Term, Training
from secretariat.council.services.structure import structure_record_save


class StructureAdmin(admin.ModelAdmin[Any]):
    """Edited by Secretariat administrators, seen by auditors; nothing is deleted (members of the
    structure are referred to by questions and requests: mark a councillor as out of office instead)."""

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        user = admin_person(request)
        return access.can_edit_structure(user) or (user.is_active and user.role == Role.AUDITOR)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return access.can_edit_structure(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return access.can_edit_structure(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        structure_record_save(actor=admin_person(request), instance=obj, fields=list(form.fields), created=not change)


@admin.register(Term)
class TermAdmin(StructureAdmin):
    list_display = ["__str__", "starts_on", "ends_on"]


@admin.register(Session)
class SessionAdmin(StructureAdmin):
    list_display = ["__str__", "kind", "starts_on", "ends_on", "answer_days"]
    list_filter = ["term", "kind"]


@admin.register(Caucus)
class CaucusAdmin(StructureAdmin):
    list_display = ["name", "short_name", "term"]
    list_filter = ["term"]


@admin.register(Councillor)
class CouncillorAdmin(StructureAdmin):
    list_display = ["name", "term", "caucus", "district", "phone", "email", "is_active"]
    list_filter = ["term", "caucus", "is_active"]
    search_fields = ["name", "district"]
    raw_id_fields = ["user"]


class LiaisonRecordAdmin(admin.ModelAdmin[Any]):
    """The liaison records are kept on the platform's own pages (through the services); the
    administration site only shows them."""

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        user = admin_person(request)
        return access.can_edit_structure(user) or (user.is_active and user.role == Role.AUDITOR)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(LiaisonOfficer)
class LiaisonOfficerAdmin(LiaisonRecordAdmin):
    list_display = ["name", "agency", "title", "phone", "mobile", "email", "is_active"]
    list_filter = ["is_active", "agency"]
    search_fields = ["name"]


@admin.register(Briefing)
class BriefingAdmin(LiaisonRecordAdmin):
    list_display = ["held_on", "caucus"]
    date_hierarchy = "held_on"


@admin.register(Training)
class TrainingAdmin(LiaisonRecordAdmin):
    list_display = ["held_on", "title", "venue"]
    date_hierarchy = "held_on"
