"""Reads of the liaison records: the officers' roster (scoped to the reader's agency), briefings, trainings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from secretariat.accounts.access import scope_to_agency
from secretariat.accounts.models import Agency
from secretariat.core.actors import Actor, Viewer
from secretariat.core.errors import NotFound
from secretariat.council.access import structure as access
from secretariat.council.models import Briefing, LiaisonOfficer, Training


def officer_agencies() -> QuerySet[Agency]:
    """The agencies an officer may be recorded for (which of them a user may edit is access's question)."""
    return Agency.objects.filter(is_active=True).order_by("sort_order", "name")


def officer_agency_fixed(officer: LiaisonOfficer) -> QuerySet[Agency]:
    """The officer's own agency alone: an officer is never moved to another agency."""
    return Agency.objects.filter(pk=officer.agency_id)


def officer_list(*, user: Actor | Viewer, agency_id: int | None = None,
                 active_only: bool = True) -> QuerySet[LiaisonOfficer]:
    """The roster the user may see: the Secretariat sees every agency's officers, an agency its own."""
    if not access.can_view_liaison(user):
        return LiaisonOfficer.objects.none()
    officers = scope_to_agency(LiaisonOfficer.objects.select_related("agency", "user"), user)
    if agency_id is not None:
        officers = officers.filter(agency_id=agency_id)
    if active_only:
        officers = officers.filter(is_active=True)
    return officers.order_by("agency__sort_order", "agency__name", "name")


def officer_get_for(*, user: Actor | Viewer, pk: int) -> LiaisonOfficer:
    officer = officer_list(user=user, active_only=False).filter(pk=pk).first()
    if officer is None:
        raise NotFound()
    return officer


def briefing_list(*, user: Actor | Viewer, start: dt.date | None = None,
                  end: dt.date | None = None) -> QuerySet[Briefing]:
    if not access.can_view_records(user):
        return Briefing.objects.none()
    briefings = Briefing.objects.select_related("caucus", "caucus__term").prefetch_related(
        "attending_agencies", "attending_users")
    return _between(briefings, start, end)


def training_list(*, user: Actor | Viewer, start: dt.date | None = None,
                  end: dt.date | None = None) -> QuerySet[Training]:
    if not access.can_view_records(user):
        return Training.objects.none()
    trainings = Training.objects.prefetch_related("attendees", "attendees__agency")
    return _between(trainings, start, end)


def _between(queryset: QuerySet[Any], start: dt.date | None, end: dt.date | None) -> QuerySet[Any]:
    if start is not None:
        queryset = queryset.filter(held_on__gte=start)
    if end is not None:
        queryset = queryset.filter(held_on__lte=end)
    return queryset.order_by("-held_on", "-pk")


# Report figures: not tied to a reader (the work report is composed by the platform for the Secretariat).
def briefing_dates(*, start: dt.date, end: dt.date) -> list[dt.date]:
    """The date of every caucus briefing between `start` and `end` inclusive, in order."""
    return list(Briefing.objects.filter(held_on__range=(start, end)).order_by("held_on")
                .values_list("held_on", flat=True))


def trainings_held(*, start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """(date, title) of each distinct liaison training between `start` and `end` inclusive, in order."""
    return sorted(set(Training.objects.filter(held_on__range=(start, end)).values_list("held_on", "title")))
