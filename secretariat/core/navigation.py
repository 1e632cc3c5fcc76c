"""The site navigation: apps register their areas; the menu shows those the user may open.

An area appears only when the app that serves it is installed, so the menu never offers a page that
does not exist. Domain apps call `register()` from AppConfig.ready(), with the seed report's section
number as `order` so the menu follows the report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise

from secretariat.core.actors import Actor, Viewer


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str | Promise
    url_name: str
    order: int
    visible: Callable[[Any], bool]
    group: str = "work"  # "work": the areas of the report; "admin": administration and audit


_ENTRIES: dict[str, NavEntry] = {}


def register(entry: NavEntry) -> None:
    _ENTRIES[entry.key] = entry


def entries_for(user: Viewer | None, group: str) -> list[dict[str, Any]]:
    if not getattr(user, "is_authenticated", False):
        return []
    visible = [entry for entry in _ENTRIES.values() if entry.group == group and entry.visible(user)]
    return [{"key": entry.key, "label": entry.label, "url": reverse(entry.url_name)}
            for entry in sorted(visible, key=lambda item: item.order)]


def navigation_context(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {"nav_work": entries_for(user, "work"), "nav_admin": entries_for(user, "admin")}


def everyone(user: Actor | Viewer) -> bool:
    return True


def with_perm(perm: str) -> Callable[[Any], bool]:
    def check(user: Actor | Viewer) -> bool:
        return bool(user.has_perm(perm))

    return check
