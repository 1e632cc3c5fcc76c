"""The block an opinion incident adds to the generic case page: the item it came from and its responses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from secretariat.core.actors import Actor, Viewer
from secretariat.media.selectors.opinion import item_of_case, responses_of

if TYPE_CHECKING:
    from secretariat.cases.models import Case


def panel_context(case: Case, user: Actor | Viewer) -> dict[str, Any] | None:
    item = item_of_case(case)
    if item is None:
        return None
    return {"item": item, "responses": responses_of(item)}
