"""The work report's menu entry (order 90: after the seed's seven areas)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from secretariat.core.navigation import NavEntry, register
from secretariat.reporting import access


def register_navigation() -> None:
    register(NavEntry(key="reporting", label=_("Work report"), url_name="reporting:index", order=90,
                      visible=access.can_view_report))
