"""The petition's panel on the generic case page (apps.py registers it, with the menu entries and the rule
for downloading a petition's files: services.disclosure.petition_file_access)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from secretariat.core.actors import Actor, Viewer, person_or_none
from secretariat.petitions.access import is_caseworker, may_decide, may_see_petition
from secretariat.petitions.access.personal_data import masked_petitioner
from secretariat.petitions.kinds import DECLINE_REASONS
from secretariat.petitions.selectors import (
    disclosure_pending_by,
    disclosures_pending,
    petition_attachments,
    petition_for_panel,
)
from secretariat.petitions.services import active_disclosure

if TYPE_CHECKING:
    from secretariat.cases.models import Case

PANEL_TEMPLATE = "petitions/panel.html"


def panel_context(case: Case, user: Actor | Viewer, *, revealed: dict[str, str] | None = None) -> dict[str, Any] | None:
    """Everything templates/petitions/panel.html needs (the case and user included), or None when this
    viewer may not see the petition (a co-agency of a petition needing secrecy)."""
    petition = petition_for_panel(case_id=case.pk)
    if petition is None or not may_see_petition(user, petition):
        return None
    caseworker = is_caseworker(user, petition)
    pending = disclosure_pending_by(petition=petition, requester=person_or_none(user)) if caseworker else None
    active = active_disclosure(user=user, petition=petition) if caseworker else None
    waiting = [request for request in disclosures_pending(petition=petition) if may_decide(user, request)]
    return {
        "case": petition.case, "user": user, "petition": petition, "masked": masked_petitioner(petition),
        "revealed": revealed, "attachments": petition_attachments(petition=petition),
        "files_open": active is not None,
        "can_ask": caseworker and pending is None and active is None, "my_pending": pending,
        "my_active": active if caseworker else None, "to_decide": waiting,
        "decline_reason": DECLINE_REASONS.get(petition.case.decline_reason, ""),
    }
