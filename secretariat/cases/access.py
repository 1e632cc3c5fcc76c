"""How a person stands to a case (see workflow.Party), who may see it, and who reads a confidential
case in full (its subject and timeline; docs/decisions/0010-confidential-cases-and-attachment-access.md)."""

from __future__ import annotations

from django.db.models import Q

from secretariat.accounts.access import agency_scope_ids
from secretariat.accounts.constants import Role
from secretariat.cases.kinds import all_kinds, kind_for
from secretariat.cases.kinds.workflow import Party
from secretariat.cases.models import Case
from secretariat.core.actors import Actor, Viewer, is_signed_in
from secretariat.core.changes import SystemActor

SECRETARIAT_ROLES = {Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF}
AGENCY_ROLES = {Role.AGENCY_LIAISON, Role.AGENCY_HEAD}


def parties_of(user: Actor | Viewer, case: Case) -> set[Party]:
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


def may_see(user: Actor | Viewer, case: Case) -> bool:
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


def reads_in_full(user: Actor | Viewer, case: Case) -> bool:
    """Whether `user`, who may see `case`, also reads its subject and timeline: always for an ordinary
    case; for a confidential one only the kind's confidential readers (lead agency, Secretariat, requester)."""
    if not case.confidential:
        return True
    return bool(parties_of(user, case) & kind_for(case.kind).confidential_readers)


def sees_through_agency(user: Actor | Viewer, case: Case) -> bool:
    """Whether `user` sees `case` as staff (the Secretariat, auditors, its lead or a co-agency), not merely as
    the one who asked."""
    allowed = agency_scope_ids(user)
    if allowed is None:
        return is_signed_in(user)
    return case.lead_agency_id in allowed or bool(allowed and case.co_agencies.filter(pk__in=allowed).exists())


def may_read_step_files(user: Actor | Viewer, case: Case, *, released_answer: bool) -> bool:
    """Who reads the files a step carries: whoever reads the case's timeline as staff — so nobody who reads a
    confidential case as 「密件」 — and the requester, only for the files of an answer released to them
    (`released_answer`: the step is the latest answer and the kind says it is released)."""
    if not is_signed_in(user) or not reads_in_full(user, case):
        return False
    if sees_through_agency(user, case):
        return True
    return released_answer and Party.REQUESTER in parties_of(user, case)


def _standing_parties(user: Actor | Viewer) -> set[Party]:
    """The parties `user` is to every case, whichever agency leads it."""
    if isinstance(user, SystemActor):
        return {Party.SYSTEM, Party.SECRETARIAT}
    if is_signed_in(user) and user.role in SECRETARIAT_ROLES:
        return {Party.SECRETARIAT}
    return set()


def _lead_parties(user: Actor | Viewer) -> set[Party]:
    """The parties `user` is to the cases their agency leads."""
    if not is_signed_in(user) or user.role not in AGENCY_ROLES:
        return set()
    return {Party.LEAD_AGENCY, Party.AGENCY_HEAD} if user.role == Role.AGENCY_HEAD else {Party.LEAD_AGENCY}


def read_in_full_q(user: Actor | Viewer, *, prefix: str = "") -> Q:
    """`reads_in_full` as a filter on Case rows, for searches and exports over many cases: matching a
    subject's words must not reveal a confidential case to someone who reads it as 「密件」. `prefix`
    reaches the case from another model (`"case__"` from a kind's own table).

    It errs on the safe side: a requester's own confidential case is not matched (the kind's
    `is_requester` is Python, not SQL)."""
    standing, lead = _standing_parties(user), _lead_parties(user)
    allowed = (agency_scope_ids(user) or set()) if lead else set()
    rule = Q(**{f"{prefix}confidential": False})
    for kind in all_kinds():
        if standing & kind.confidential_readers:
            rule |= Q(**{f"{prefix}kind": kind.code})
        elif allowed and lead & kind.confidential_readers:
            rule |= Q(**{f"{prefix}kind": kind.code, f"{prefix}lead_agency_id__in": allowed})
    return rule


# Who sees which of the home page's case cards (cases/apps.py registers them).
def routes_cases(user: Viewer) -> bool:
    """The Secretariat's staff, who route received and returned cases."""
    return is_signed_in(user) and user.role in SECRETARIAT_ROLES


def oversees_cases(user: Viewer) -> bool:
    """Whoever sees every agency's cases: the Secretariat and the auditors."""
    return is_signed_in(user) and (user.role in SECRETARIAT_ROLES or user.role == Role.AUDITOR)


def works_for_agency(user: Viewer) -> bool:
    """An agency's liaisons and head, who answer the cases led by their agency."""
    return is_signed_in(user) and user.role in AGENCY_ROLES and user.agency_id is not None


def heads_agency(user: Viewer) -> bool:
    return is_signed_in(user) and user.role == Role.AGENCY_HEAD and user.agency_id is not None


def liaises_for_agency(user: Viewer) -> bool:
    return is_signed_in(user) and user.role == Role.AGENCY_LIAISON and user.agency_id is not None
