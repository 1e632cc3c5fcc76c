"""How a person stands to a case (see workflow.Party), and who may see it."""

from __future__ import annotations

from typing import Any

from secretariat.accounts.access import agency_scope_ids
from secretariat.accounts.roles import Role
from secretariat.cases.kinds import kind_for
from secretariat.cases.models import Case
from secretariat.cases.workflow import Party
from secretariat.core.changes import SystemActor

SECRETARIAT_ROLES = {Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF}
AGENCY_ROLES = {Role.AGENCY_LIAISON, Role.AGENCY_HEAD}


def parties_of(user: Any, case: Case) -> set[Party]:
    if isinstance(user, SystemActor):  # scheduled work and data loading act for the Secretariat
        return {Party.SYSTEM, Party.SECRETARIAT}
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    parties: set[Party] = set()
    if user.role in SECRETARIAT_ROLES:
        parties.add(Party.SECRETARIAT)
    if user.role in AGENCY_ROLES and case.lead_agency_id is not None:
        allowed = agency_scope_ids(user) or set()
        if case.lead_agency_id in allowed:
            parties.add(Party.LEAD_AGENCY)
            if user.role == Role.AGENCY_HEAD:
                parties.add(Party.AGENCY_HEAD)
    kind = kind_for(case.kind)
    if kind.is_requester and kind.is_requester(user, case):
        parties.add(Party.REQUESTER)
    return parties


def may_see(user: Any, case: Case) -> bool:
    """Secretariat and auditors see every case; agency staff the cases led by or shared with their
    agency; a requester their own."""
    allowed = agency_scope_ids(user)
    if allowed is None:
        return True
    if case.lead_agency_id in allowed:
        return True
    if allowed and case.co_agencies.filter(pk__in=allowed).exists():
        return True
    kind = kind_for(case.kind)
    return bool(kind.is_requester and kind.is_requester(user, case))
