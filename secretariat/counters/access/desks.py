"""Who may see and change the consultation and volunteer records (roles, not per-object grants).

These are the Secretariat's own records (市民服務組 keeps them): its staff record and plan, auditors read,
agency staff and councillors see none of them. A partner association's accounts publish that association's
slots and see its slots, never the citizens' data.
"""

from __future__ import annotations

from typing import Any

from secretariat.accounts.constants import CITYWIDE_ROLES, Role
from secretariat.core.changes import SYSTEM

RECORDER_ROLES = frozenset({Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF})


def _active(user: Any) -> bool:
    if user is SYSTEM:  # setup, demo loading and scheduled work act as the platform itself
        return True
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_record(user: Any) -> bool:
    """Secretariat staff: publish slots, record consultations, plan volunteers, reveal personal data."""
    return _active(user) and (user is SYSTEM or user.is_superuser or user.role in RECORDER_ROLES)


def can_view(user: Any) -> bool:
    """Secretariat staff and auditors read the records (personal data masked)."""
    return _active(user) and (user is SYSTEM or user.is_superuser or user.role in CITYWIDE_ROLES)


def association_ids(user: Any) -> set[int]:
    """The associations whose slots `user` publishes as the association's own account."""
    if not _active(user) or user is SYSTEM:
        return set()
    return set(user.consultation_associations.filter(is_active=True).values_list("pk", flat=True))


def can_publish_for(user: Any, association_id: int) -> bool:
    return can_record(user) or association_id in association_ids(user)


def can_open_slots(user: Any) -> bool:
    """The slots page: Secretariat people and association accounts."""
    return can_view(user) or bool(association_ids(user))

