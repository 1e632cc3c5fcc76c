"""Who may see a petition, who may ask to see its petitioner's personal data, and who decides.

Rules (see docs/decisions/0003-petition-intake-and-personal-data.md):
- A petition is seen by whoever may see its case, except that a petition needing secrecy (its case is
  confidential) is seen only by those who read the case in full — the lead agency and the Secretariat's
  staff (cases.selectors.case_redacted); co-agencies and auditors read its case as 「密件」 and see no
  petition (docs/decisions/0010-confidential-cases-and-attachment-access.md).
- A caseworker may ask to see the petitioner's data: Secretariat staff and administrators, and the
  liaisons and head of the lead agency. Auditors and everyone else may not.
- The request is decided by the head of the requester's agency; a Secretariat staff member's (or an
  agency head's own) request by a Secretariat administrator. Nobody decides their own request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeGuard

from django.db.models import Exists, OuterRef, Q, QuerySet

from secretariat.accounts.access import agency_scope_ids
from secretariat.accounts.constants import Role
from secretariat.cases.models import Case
from secretariat.cases.selectors import case_read_in_full_q, case_redacted
from secretariat.core.actors import Actor, Person, Viewer, is_signed_in
from secretariat.petitions.models import Petition

if TYPE_CHECKING:
    from secretariat.petitions.models import DisclosureRequest

SECRETARIAT_CASEWORKERS = frozenset({Role.SECRETARIAT_STAFF, Role.SECRETARIAT_ADMIN})
AGENCY_CASEWORKERS = frozenset({Role.AGENCY_LIAISON, Role.AGENCY_HEAD})


def visible_petitions(user: Actor | Viewer) -> QuerySet[Petition]:
    """The petitions `user` may see: the case scope, minus confidential ones they would read redacted."""
    rows = Petition.objects.filter(case_read_in_full_q(user, prefix="case__"))
    allowed = agency_scope_ids(user)
    if allowed is None:
        return rows
    if not allowed:
        return rows.none()
    shared = Case.co_agencies.through.objects.filter(case_id=OuterRef("case_id"), agency_id__in=allowed)
    return rows.filter(Q(case__lead_agency_id__in=allowed) | Exists(shared))


def may_see_petition(user: Actor | Viewer, petition: Petition) -> bool:
    return _in_case_scope(user, petition) and not case_redacted(user, petition.case)


def _in_case_scope(user: Actor | Viewer, petition: Petition) -> bool:
    allowed = agency_scope_ids(user)
    if allowed is None:
        return True
    if not allowed:
        return False
    if petition.case.lead_agency_id in allowed:
        return True
    return petition.case.co_agencies.filter(pk__in=allowed).exists()


def is_caseworker(user: Actor | Viewer, petition: Petition) -> TypeGuard[Person]:
    """Whether `user` works this petition and so may ask to see (and, once approved, see) its
    petitioner's data. Re-checked at every view: a case re-routed away ends the old agency's access."""
    if not is_signed_in(user):
        return False
    if user.role in SECRETARIAT_CASEWORKERS:
        return True
    if user.role in AGENCY_CASEWORKERS and petition.case.lead_agency_id is not None:
        return petition.case.lead_agency_id in (agency_scope_ids(user) or set())
    return False


def may_decide(user: Actor | Viewer, request: DisclosureRequest) -> TypeGuard[Person]:
    if not is_signed_in(user) or user.pk == request.requested_by_id:
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


# Who sees the menu entries (apps.py registers them).
def registers_petitions(user: Actor | Viewer) -> bool:
    return bool(user.has_perm("petitions.add_petition"))


def decides_disclosures(user: Viewer) -> bool:
    return bool(is_signed_in(user) and user.role in {Role.AGENCY_HEAD, Role.SECRETARIAT_ADMIN})


def may_see_statistics(user: Actor | Viewer) -> bool:
    """Secretariat staff and auditors (every agency) and agency staff (their own agency)."""
    allowed = agency_scope_ids(user)
    return allowed is None or bool(allowed)
