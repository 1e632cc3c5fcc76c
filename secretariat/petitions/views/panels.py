"""What petitions plug into the kernel: the panel on the generic case page, the menu entries and the
rule for downloading a petition's files (personal data: services.disclosure.petition_file_access)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from secretariat.accounts.roles import Role
from secretariat.cases.kinds import Panel, register_panel
from secretariat.cases.models import Case
from secretariat.core import navigation
from secretariat.core.attachments import FileAccess, register_owner_policy
from secretariat.petitions.access import is_caseworker, may_decide, may_see_petition
from secretariat.petitions.kind import DECLINE_REASONS, KIND
from secretariat.petitions.models import ATTACHMENT_OWNER, DisclosureRequest, DisclosureStatus, Petition
from secretariat.petitions.personal_data import masked_petitioner
from secretariat.petitions.selectors import petition_attachments
from secretariat.petitions.services import active_disclosure, petition_file_access

PANEL_TEMPLATE = "petitions/panel.html"


def panel_context(case: Case, user: Any, *, revealed: dict[str, str] | None = None) -> dict[str, Any] | None:
    """Everything templates/petitions/panel.html needs (the case and user included), or None when this
    viewer may not see the petition (a co-agency of a petition needing secrecy)."""
    petition = (Petition.objects.select_related("case", "case__lead_agency", "category", "registered_by",
                                                "answered_by").filter(pk=case.pk).first())
    if petition is None or not may_see_petition(user, petition):
        return None
    caseworker = is_caseworker(user, petition)
    mine = DisclosureRequest.objects.filter(petition=petition, requested_by=user) if caseworker else None
    pending = mine.filter(status=DisclosureStatus.PENDING).first() if mine is not None else None
    active = active_disclosure(user=user, petition=petition) if caseworker else None
    waiting = [request for request in DisclosureRequest.objects.select_related("requested_by")
               .filter(petition=petition, status=DisclosureStatus.PENDING) if may_decide(user, request)]
    return {
        "case": petition.case, "user": user, "petition": petition, "masked": masked_petitioner(petition),
        "revealed": revealed, "attachments": petition_attachments(petition=petition),
        "files_open": active is not None,
        "can_ask": caseworker and pending is None and active is None, "my_pending": pending,
        "my_active": active if caseworker else None, "to_decide": waiting,
        "decline_reason": DECLINE_REASONS.get(petition.case.decline_reason, ""),
    }


def _file_access(user: Any, owner_id: str) -> FileAccess:
    return petition_file_access(user=user, owner_id=owner_id)


def _registers_petitions(user: Any) -> bool:
    return bool(user.has_perm("petitions.add_petition"))


def _decides_disclosures(user: Any) -> bool:
    return bool(user.is_active and user.role in {Role.AGENCY_HEAD, Role.SECRETARIAT_ADMIN})


def register_panels() -> None:
    register_panel(KIND, Panel(key="petition", template=PANEL_TEMPLATE, context=panel_context, order=10))
    register_owner_policy(ATTACHMENT_OWNER, _file_access)  # the files are personal data: approval, log, no-store
    # Section 三 of the seed report; agencies work from the case inbox instead.
    navigation.register(navigation.NavEntry(key="petitions", label=_("Petitions"), url_name="petitions:list",
                                            order=30, visible=_registers_petitions))
    navigation.register(navigation.NavEntry(key="petition_disclosures", label=_("Personal-data requests"),
                                            url_name="petitions:disclosures", order=30, group="admin",
                                            visible=_decides_disclosures))
