"""Reads of the report's prose."""

from __future__ import annotations

from dataclasses import dataclass

from secretariat.core.roc import Period
from secretariat.reporting.models import ReportProse
from secretariat.reporting.report.prose import PROSE_PLACES, ProsePlace


@dataclass(frozen=True)
class ProseDraft:
    """What the edit form shows for one place: the stored text, or else the previous period's text offered
    as a starting point (`suggested_from` names that period; nothing is stored until someone saves)."""

    place: ProsePlace
    text: str
    version: int  # 0 while nothing is stored for this period
    suggested_from: str = ""
    updated_by: str = ""
    updated_at: str = ""


def prose_texts(period: Period) -> dict[str, str]:
    """{slug: text} of the prose stored for `period`."""
    return dict(ReportProse.objects.filter(period_code=period.code).values_list("place", "text"))


def prose_draft(*, period: Period, place: ProsePlace) -> ProseDraft:
    stored = ReportProse.objects.filter(period_code=period.code, place=place.slug).select_related("updated_by").first()
    if stored is not None:
        return ProseDraft(place=place, text=stored.text, version=stored.version,
                          updated_by=str(stored.updated_by or "system"), updated_at=stored.updated_at.isoformat())
    earlier = (ReportProse.objects.filter(place=place.slug, period_start__lt=period.start)
               .order_by("-period_start").values_list("period_code", "text").first())
    if earlier is None:
        return ProseDraft(place=place, text="", version=0)
    return ProseDraft(place=place, text=earlier[1], version=0, suggested_from=earlier[0])


def prose_drafts(period: Period) -> list[ProseDraft]:
    return [prose_draft(period=period, place=place) for place in PROSE_PLACES]
