"""Who sees the councillor portal's menu entry. (Who reads the data requests is scoped by the requests
selectors: `is_staff_reader` and `requests_visible`.)"""

from __future__ import annotations

from typing import Any

from secretariat.accounts.constants import Role


def is_portal_user(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.role == Role.COUNCILLOR
                and hasattr(user, "councillor"))
