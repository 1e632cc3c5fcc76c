"""Who may see a petition, who may ask to see its petitioner's personal data, and who decides.

Rules (see docs/decisions/0003-petition-intake-and-personal-data.md):
- A petition is seen by whoever may see its case, except that a petition needing secrecy is never
  shown to co-agencies: only the Secretariat, auditors and the lead agency see it.
- A caseworker may ask to see the petitioner's data: Secretariat staff and administrators, and the
  liaisons and head of the lead agency. Auditors and everyone else may not.
- The request is decided by the head of the requester's agency; a Secretariat staff member's (or an
  agency head's own) request by a Secretariat administrator. Nobody decides their own request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from secretariat.accounts.access import agency_scope_ids
from secretariat.accounts.roles import Role
from secretariat.cases.models import Case
from secretariat.petitions.models import Petition

if TYPE_CHECKING:
    from secretariat.petitions.models import DisclosureRequest

SECRETARIAT_CASEWORKERS = frozenset({Role.SECRETARIAT_STAFF, Role.SECRETARIAT_ADMIN})
AGENCY_CASEWORKERS = frozenset({Role.AGENCY_LIAISON, Role.AGENCY_HEAD})


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def visible_petitions(user: Any) -> QuerySet[Petition]:
    """The petitions `user` may see: the case scope, minus confidential ones for co-agencies."""
    rows = Petition.objects.all()
    allowed = agency_scope_ids(user)
    if allowed is None:
        return rows
    if not allowed:
        return rows.none()
    shared = Case.co_agencies.through.objects.filter(case_id=OuterRef("case_id"), agency_id__in=allowed)
    return rows.filter(Q(case__lead_agency_id__in=allowed) | (Q(is_confidential=False) & Exists(shared)))


def may_see_petition(user: Any, petition: Petition) -> bool:
    allowed = agency_scope_ids(user)
    if allowed is None:
        return True
    if not allowed:
        return False
    if petition.case.lead_agency_id in allowed:
        return True
    return not petition.is_confidential and petition.case.co_agencies.filter(pk__in=allowed).exists()


def is_caseworker(user: Any, petition: Petition) -> bool:
    """Whether `user` works this petition and so may ask to see (and, once approved, see) its
    petitioner's data. Re-checked at every view: a case re-routed away ends the old agency's access."""
    if not _active(user):
        return False
    if user.role in SECRETARIAT_CASEWORKERS:
        return True
    if user.role in AGENCY_CASEWORKERS and petition.case.lead_agency_id is not None:
        return petition.case.lead_agency_id in (agency_scope_ids(user) or set())
    return False


def may_decide(user: Any, request: DisclosureRequest) -> bool:
    if not _active(user) or user.pk == request.requested_by_id:
        return False
    requester = request.requested_by
    if requester.role == Role.AGENCY_LIAISON:
        return bool(user.role == Role.AGENCY_HEAD and user.agency_id == requester.agency_id)
    return bool(user.role == Role.SECRETARIAT_ADMIN)


def approvers_for(requester: Any) -> QuerySet[Any]:
    """The people who may decide a request by `requester` (notified when it is made)."""
    from secretariat.accounts.models import User

    rows = User.objects.filter(is_active=True).exclude(pk=requester.pk)
    if requester.role == Role.AGENCY_LIAISON:
        return rows.filter(role=Role.AGENCY_HEAD, agency_id=requester.agency_id)
    return rows.filter(role=Role.SECRETARIAT_ADMIN)
