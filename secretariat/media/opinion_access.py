"""Who may do what with opinion monitoring.

Monitors are the Secretariat's media unit (媒體事務組, a site setting) and Secretariat administrators:
they record, rank, import, escalate and may record a response for an agency. Every Secretariat role and
the auditors read everything; agency liaisons and heads read the items concerning their agency and
record its responses; anyone else sees nothing. Roles alone cannot say this (every Secretariat clerk
has the same role), so the unit decides among Secretariat staff.
"""

from __future__ import annotations

from typing import Any

from secretariat.accounts.access import agency_scope_ids
from secretariat.accounts.roles import AGENCY_ROLES, Role
from secretariat.core.changes import SystemActor
from secretariat.core.site_settings import setting_get


def is_monitor(user: Any) -> bool:
    if isinstance(user, SystemActor):  # imports from feeds, the demo
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser or user.role == Role.SECRETARIAT_ADMIN:
        return True
    unit = user.unit if user.unit_id else None
    # The media unit (the press office's setting) is also the one that monitors public opinion.
    return bool(user.role == Role.SECRETARIAT_STAFF and unit is not None
                and unit.name == setting_get("media.unit_name") and unit.agency.is_secretariat)


def can_read(user: Any) -> bool:
    """Whether `user` may open the opinion pages at all (their scope may still be one agency)."""
    scope = agency_scope_ids(user)
    return scope is None or bool(scope)


def is_agency_responder(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.role in AGENCY_ROLES
                and user.agency_id)
