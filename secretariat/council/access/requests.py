"""Who sees the councillor portal's menu entry. (Who reads the data requests is scoped by the requests
selectors: `is_staff_reader` and `requests_visible`.)"""

from __future__ import annotations

from secretariat.accounts.constants import Role
from secretariat.core.actors import Actor, Viewer, is_person


def is_portal_user(user: Actor | Viewer) -> bool:
    return bool(is_person(user) and user.role == Role.COUNCILLOR
                and hasattr(user, "councillor"))
