"""Reading opinion items, responses and digests, always through the viewer's agency scope."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q

from secretariat.core.actors import Actor, Viewer
from secretariat.core.errors import NotFound
from secretariat.core.roc import Period
from secretariat.media.access.opinion import DigestGroup, digest_groups, items_visible
from secretariat.media.models.opinion import OpinionDigest, OpinionFeed, OpinionItem, OpinionResponse

if TYPE_CHECKING:
    from secretariat.cases.models import Case

__all__ = ["Cursor", "DigestGroup", "ItemFilters", "digest_get", "digest_groups", "digests_in_period",
           "item_get_for", "item_list", "items_visible", "responses_in_period", "responses_of"]

PAGE_SIZE = 50


def item_get_for(*, user: Actor | Viewer, pk: int) -> OpinionItem:
    item = items_visible(user).select_related("case", "case__lead_agency", "entered_by").filter(pk=pk).first()
    if item is None:
        raise NotFound()
    return item


@dataclass(frozen=True)
class ItemFilters:
    since: dt.date | None = None
    until: dt.date | None = None
    agency_id: int | None = None
    medium: str = ""
    sentiment: str = ""


@dataclass(frozen=True)
class Cursor:
    """Where the previous page of the ranked list ended: its last row's severity, time and id."""

    severity: int
    seen_at: dt.datetime
    pk: int

    def encode(self) -> str:
        return f"{self.severity}_{self.seen_at.timestamp():.6f}_{self.pk}"

    @classmethod
    def decode(cls, text: str) -> Cursor | None:
        try:
            severity, stamp, pk = text.split("_")
            return cls(int(severity), dt.datetime.fromtimestamp(float(stamp), tz=dt.UTC), int(pk))
        except (ValueError, OverflowError, OSError):
            return None


def item_list(*, user: Actor | Viewer, filters: ItemFilters, after: Cursor | None = None,
              size: int = PAGE_SIZE) -> tuple[list[OpinionItem], Cursor | None]:
    """One page of the items `user` may see, most severe first, then newest; and the cursor of the next
    page (None on the last). Keyset pagination: the page after a cursor costs the same at any depth."""
    rows = items_visible(user)
    if filters.since:
        rows = rows.filter(seen_on__gte=filters.since)
    if filters.until:
        rows = rows.filter(seen_on__lte=filters.until)
    if filters.agency_id:
        rows = rows.filter(pk__in=OpinionItem.agencies.through.objects.filter(agency_id=filters.agency_id)
                           .values("opinionitem_id"))
    if filters.medium:
        rows = rows.filter(medium=filters.medium)
    if filters.sentiment:
        rows = rows.filter(sentiment=filters.sentiment)
    if after is not None:
        rows = rows.filter(Q(severity__lt=after.severity)
                           | Q(severity=after.severity, seen_at__lt=after.seen_at)
                           | Q(severity=after.severity, seen_at=after.seen_at, pk__lt=after.pk))
    page = list(rows.select_related("case").prefetch_related("agencies")
                .order_by("-severity", "-seen_at", "-pk")[: size + 1])
    if len(page) <= size:
        return page, None
    page = page[:size]
    last = page[-1]
    return page, Cursor(last.severity, last.seen_at, last.pk)


def items_seen_count(*, user: Actor | Viewer, day: dt.date) -> int:
    """The home page's count of the items seen on `day` that `user` may see (the ranked list of that day): one
    COUNT."""
    return items_visible(user).filter(seen_on=day).count()


def responses_of(item: OpinionItem) -> list[OpinionResponse]:
    return list(item.responses.select_related("agency", "recorded_by").order_by("responded_at", "pk"))


def item_of_case(case: Case) -> OpinionItem | None:
    """The item an opinion incident was opened from; the case page has already decided who sees the case."""
    return OpinionItem.objects.filter(case=case).first()


def feeds_active() -> list[OpinionFeed]:
    return list(OpinionFeed.objects.filter(is_active=True).order_by("name"))


def digests_recent(*, limit: int) -> list[OpinionDigest]:
    return list(OpinionDigest.objects.order_by("-day")[:limit])


def responses_in_period(period: Period) -> int:
    return OpinionResponse.objects.filter(responded_on__gte=period.start, responded_on__lte=period.end).count()


def digests_in_period(period: Period) -> int:
    """Digests that went to at least one agency, for days in the period."""
    return OpinionDigest.objects.filter(day__gte=period.start, day__lte=period.end, agency_count__gt=0).count()


def digest_get(day: dt.date) -> OpinionDigest | None:
    return OpinionDigest.objects.filter(day=day).first()
