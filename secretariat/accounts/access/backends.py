"""Permissions that come with a user's role (see accounts/constants.py), on top of Django's own."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from secretariat.accounts.constants import permissions_for


class RoleBackend(BaseBackend):
    """Grants the permissions of the user's role. Authenticates no one (ModelBackend does that)."""

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        return set(permissions_for(getattr(user_obj, "role", "")))

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return perm in self.get_all_permissions(user_obj, obj)
