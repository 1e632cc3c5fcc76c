"""Who may see and change the council's structure and liaison records (roles, not per-object grants)."""

from __future__ import annotations

from typing import Any

from secretariat.accounts.constants import AGENCY_ROLES, CITYWIDE_ROLES, Role
from secretariat.core.changes import SYSTEM

# Secretariat people who keep the liaison records (機要組 does this work; the role is what we can check).
RECORDER_ROLES = frozenset({Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF})


def _active(user: Any) -> bool:
    if user is SYSTEM:  # setup and demo loading act as the platform, which is not a signed-in person
        return True
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_view_structure(user: Any) -> bool:
    """Staff of the Secretariat and of the agencies (who answer the councillors) read the council's roster."""
    return _active(user) and (user is SYSTEM or user.is_superuser or user.role in CITYWIDE_ROLES | AGENCY_ROLES)


def can_view_liaison(user: Any) -> bool:
    return can_view_structure(user)


def can_view_records(user: Any) -> bool:
    """Briefings and trainings are the Secretariat's records: its staff and the auditors read them."""
    return _active(user) and (user is SYSTEM or user.is_superuser or user.role in CITYWIDE_ROLES)


def can_record_liaison(user: Any) -> bool:
    """Briefings and trainings are recorded by the Secretariat."""
    return _active(user) and (user is SYSTEM or user.is_superuser or user.role in RECORDER_ROLES)


def can_edit_officers_of(user: Any, agency_id: int | None) -> bool:
    """The Secretariat edits every agency's liaison officers; an agency head edits their own agency's."""
    if not _active(user):
        return False
    if user is SYSTEM or user.is_superuser or user.role in RECORDER_ROLES:
        return True
    return user.role == Role.AGENCY_HEAD and agency_id is not None and user.agency_id == agency_id


def can_edit_structure(user: Any) -> bool:
    return _active(user) and (user is SYSTEM or user.is_superuser or user.role == Role.SECRETARIAT_ADMIN)
