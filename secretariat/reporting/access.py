"""Who may read the work report and who may write its prose.

The report is citywide (every agency's figures), so it is read by the Secretariat and the auditors only;
agency staff see their own figures in their own areas. Its prose is written by the Secretariat.
"""

from __future__ import annotations

from typing import Any

from secretariat.accounts.constants import CITYWIDE_ROLES, Role
from secretariat.core.changes import SYSTEM

WRITER_ROLES = frozenset({Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF})


def _active(user: Any) -> bool:
    if user is SYSTEM:  # demo loading and commands act as the platform
        return True
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_view_report(user: Any) -> bool:
    return _active(user) and (user is SYSTEM or user.is_superuser or user.role in CITYWIDE_ROLES)


def can_edit_prose(user: Any) -> bool:
    return _active(user) and (user is SYSTEM or user.is_superuser or user.role in WRITER_ROLES)
