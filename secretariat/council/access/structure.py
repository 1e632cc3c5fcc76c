"""Who may see and change the council's structure and liaison records (roles, not per-object grants)."""

from __future__ import annotations

from secretariat.accounts.constants import AGENCY_ROLES, CITYWIDE_ROLES, Role
from secretariat.core.actors import Actor, Viewer, is_active_actor, is_system

# Secretariat people who keep the liaison records (機要組 does this work; the role is what we can check).
RECORDER_ROLES = frozenset({Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF})


def can_view_structure(user: Actor | Viewer) -> bool:
    """Staff of the Secretariat and of the agencies (who answer the councillors) read the council's roster."""
    return is_active_actor(user) and (is_system(user) or user.is_superuser
                                      or user.role in CITYWIDE_ROLES | AGENCY_ROLES)


def can_view_liaison(user: Actor | Viewer) -> bool:
    return can_view_structure(user)


def can_view_records(user: Actor | Viewer) -> bool:
    """Briefings and trainings are the Secretariat's records: its staff and the auditors read them."""
    return is_active_actor(user) and (is_system(user) or user.is_superuser or user.role in CITYWIDE_ROLES)


def can_record_liaison(user: Actor | Viewer) -> bool:
    """Briefings and trainings are recorded by the Secretariat."""
    return is_active_actor(user) and (is_system(user) or user.is_superuser or user.role in RECORDER_ROLES)


def can_edit_officers_of(user: Actor | Viewer, agency_id: int | None) -> bool:
    """The Secretariat edits every agency's liaison officers; an agency head edits their own agency's."""
    if not is_active_actor(user):
        return False
    if is_system(user) or user.is_superuser or user.role in RECORDER_ROLES:
        return True
    return user.role == Role.AGENCY_HEAD and agency_id is not None and user.agency_id == agency_id


def can_edit_structure(user: Actor | Viewer) -> bool:
    return is_active_actor(user) and (is_system(user) or user.is_superuser or user.role == Role.SECRETARIAT_ADMIN)
