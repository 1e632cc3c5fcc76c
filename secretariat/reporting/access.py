"""Who may read the work report and who may write its prose.

The report is citywide (every agency's figures), so it is read by the Secretariat and the auditors only;
agency staff see their own figures in their own areas. Its prose is written by the Secretariat.
"""

from __future__ import annotations

from secretariat.accounts.constants import CITYWIDE_ROLES, Role
from secretariat.core.actors import Actor, Viewer, is_active_actor, is_system

WRITER_ROLES = frozenset({Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF})


def can_view_report(user: Actor | Viewer) -> bool:
    return is_active_actor(user) and (is_system(user) or user.is_superuser or user.role in CITYWIDE_ROLES)


def can_edit_prose(user: Actor | Viewer) -> bool:
    return is_active_actor(user) and (is_system(user) or user.is_superuser or user.role in WRITER_ROLES)
