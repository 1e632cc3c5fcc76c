"""The council's menu entry (order 40: the seed's section 四, 府會事務)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from secretariat.core.navigation import NavEntry, register
from secretariat.council import access


def register_navigation() -> None:
    register(NavEntry(key="council", label=_("City council"), url_name="council:overview", order=40,
                      visible=access.can_view_structure))
