"""The block an opinion incident adds to the generic case page: the item it came from and its responses."""

from __future__ import annotations

from typing import Any

from secretariat.cases.models import Case
from secretariat.core.actors import Actor, Viewer
from secretariat.media.models.opinion import OpinionItem
from secretariat.media.selectors.opinion import responses_of


def panel_context(case: Case, user: Actor | Viewer) -> dict[str, Any] | None:
    item = OpinionItem.objects.filter(case=case).first()
    if item is None:
        return None
    return {"item": item, "responses": responses_of(item)}
