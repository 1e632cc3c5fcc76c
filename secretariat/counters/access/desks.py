"""Who may see and change the consultation and volunteer records (roles, not per-object grants).

These are the Secretariat's own records (市民服務組 keeps them): its staff record and plan, auditors read,
agency staff and councillors see none of them. A partner association's accounts publish that association's
slots and see its slots, never the citizens' data.
"""

from __future__ import annotations

from secretariat.accounts.constants import CITYWIDE_ROLES, Role
from secretariat.core.actors import Actor, Viewer, is_active_actor, is_signed_in, is_system

RECORDER_ROLES = frozenset({Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF})


def can_record(user: Actor | Viewer) -> bool:
    """Secretariat staff: publish slots, record consultations, plan volunteers, reveal personal data."""
    return is_active_actor(user) and (is_system(user) or user.is_superuser or user.role in RECORDER_ROLES)


def can_view(user: Actor | Viewer) -> bool:
    """Secretariat staff and auditors read the records (personal data masked)."""
    return is_active_actor(user) and (is_system(user) or user.is_superuser or user.role in CITYWIDE_ROLES)


def association_ids(user: Actor | Viewer) -> set[int]:
    """The associations whose slots `user` publishes as the association's own account."""
    if is_signed_in(user):  # the platform itself speaks for no association
        return set(user.consultation_associations.filter(is_active=True).values_list("pk", flat=True))
    return set()


def can_publish_for(user: Actor | Viewer, association_id: int) -> bool:
    return can_record(user) or association_id in association_ids(user)


def can_open_slots(user: Actor | Viewer) -> bool:
    """The slots page: Secretariat people and association accounts."""
    return can_view(user) or bool(association_ids(user))

