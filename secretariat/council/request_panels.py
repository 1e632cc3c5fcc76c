"""What data requests plug into the kernel: the panel on the generic case page and the menu entries."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from secretariat.accounts.roles import Role
from secretariat.cases.kinds import Panel, register_panel
from secretariat.cases.models import RUNNING_STATUSES, Case
from secretariat.core.navigation import NavEntry, register
from secretariat.council.forms_requests import PartForm
from secretariat.council.models.requests import KIND, DataRequest
from secretariat.council.selectors.requests import is_staff_reader


def panel_context(case: Case, user: Any) -> dict[str, Any] | None:
    item = (DataRequest.objects.select_related("councillor", "filed_by", "answered_by", "reviewed_by",
                                               "head_confirmed_by").filter(pk=case.pk).first())
    if item is None:
        return None
    agency_id = getattr(user, "agency_id", None)
    contributing = bool(agency_id and getattr(user, "role", "") in {Role.AGENCY_LIAISON, Role.AGENCY_HEAD}
                        and case.lead_agency and case.lead_agency.is_secretariat
                        and case.status in RUNNING_STATUSES and case.co_agencies.filter(pk=agency_id).exists())
    return {"item": item, "parts": list(item.parts.select_related("agency", "submitted_by")),
            "part_form": PartForm() if contributing else None}


def _is_portal_user(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.role == Role.COUNCILLOR
                and hasattr(user, "councillor"))


def register_panels() -> None:
    register_panel(KIND, Panel(key="data_request", template="council/request_panel.html", context=panel_context,
                               order=10))
    register(NavEntry(key="council_requests", label=_("Councillors' data requests"), url_name="council:requests",
                      order=40, visible=is_staff_reader))
    register(NavEntry(key="council_portal", label=_("Councillor portal"), url_name="council:portal", order=40,
                      visible=_is_portal_user))
