"""Reads of press releases: the staff lists (scoped to the reader's agency), the public list with keyset
paging and search, and the report's monthly counts (aggregated in the database)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from secretariat.accounts.access import scope_to_agency
from secretariat.accounts.models import Agency
from secretariat.core.actors import Actor, Viewer, person_or_none
from secretariat.core.errors import NotFound
from secretariat.core.roc import Period
from secretariat.media.access import press as access
from secretariat.media.models import PUBLIC_STATES, PressRelease, ReleaseStatus

TAIPEI = ZoneInfo("Asia/Taipei")
PAGE_SIZE = 20
# Search reads text, so it is bounded by date: by default the last SEARCH_DAYS days of releases.
SEARCH_DAYS = 366


def release_list(*, user: Actor | Viewer, status: str = "", awaiting_me: bool = False) -> QuerySet[PressRelease]:
    """The releases the user may see on the staff pages: Secretariat roles (the media unit among them) and
    auditors every agency's, agency people their own agency's (and its district offices')."""
    if not access.can_view_releases(user):
        return PressRelease.objects.none()
    releases = PressRelease.objects.select_related("agency", "unit", "drafted_by")
    if not access.is_media_unit(user):
        releases = scope_to_agency(releases, user)
    if status:
        releases = releases.filter(status=status)
    if awaiting_me:
        releases = releases.filter(_awaiting(user))
    return releases.order_by("-updated_at", "-pk")


def release_awaiting_count(*, user: Actor | Viewer) -> int:
    """The home page's count of the releases waiting for `user`'s approval or publication (the staff list's
    "awaiting me"): one COUNT."""
    return release_list(user=user, awaiting_me=True).order_by().count()


def _awaiting(user: Actor | Viewer) -> Q:
    wanted = Q(pk__in=[])
    if access.is_media_unit(user):
        wanted |= Q(status__in=[ReleaseStatus.UNIT_APPROVED, ReleaseStatus.APPROVED])
    person = person_or_none(user)  # the platform itself belongs to no agency
    if person is not None and person.agency_id is not None:
        wanted |= Q(status=ReleaseStatus.SUBMITTED, agency_id=person.agency_id)
    return wanted


def release_get_for(*, user: Actor | Viewer, pk: int) -> PressRelease:
    release = release_list(user=user).filter(pk=pk).first()
    if release is None:
        raise NotFound()
    return release


@dataclass(frozen=True)
class PublicPage:
    items: list[PressRelease]
    next_cursor: str | None


def _public(now: dt.datetime | None = None) -> QuerySet[PressRelease]:
    """Public releases: `published_at` is set only in PUBLIC_STATES (see the model), so the time decides."""
    return PressRelease.objects.filter(published_at__lte=now or timezone.now())


def encode_cursor(release: PressRelease) -> str:
    if release.published_at is None:  # only public releases are paged, and they all have a time
        raise ValueError("a release without a publication time has no cursor")
    return f"{release.published_at.astimezone(dt.UTC).strftime('%Y%m%d%H%M%S%f')}-{release.pk}"


def _decode_cursor(cursor: str) -> tuple[dt.datetime, int] | None:
    try:
        stamp, pk = cursor.split("-", 1)
        return dt.datetime.strptime(stamp, "%Y%m%d%H%M%S%f").replace(tzinfo=dt.UTC), int(pk)
    except ValueError:
        return None  # a mangled link shows the first page rather than an error


def public_release_page(*, agency_id: int | None = None, query: str = "", cursor: str = "",
                        since: dt.date | None = None, size: int = PAGE_SIZE) -> PublicPage:
    """One page of public releases, newest first. `cursor` is the last item of the previous page."""
    releases = _public().select_related("agency")
    if agency_id is not None:
        releases = releases.filter(agency_id=agency_id)
    query = " ".join(query.split())[:50]
    if query:
        start = since or (timezone.localdate() - dt.timedelta(days=SEARCH_DAYS))
        releases = releases.filter(published_at__date__gte=start)
        for word in query.split(" "):
            releases = releases.filter(Q(title__icontains=word) | Q(body__icontains=word))
    decoded = _decode_cursor(cursor) if cursor else None
    if decoded is not None:
        at, pk = decoded
        releases = releases.filter(Q(published_at__lt=at) | Q(published_at=at, pk__lt=pk))
    items = list(releases.order_by("-published_at", "-pk")[: size + 1])
    more = len(items) > size
    items = items[:size]
    return PublicPage(items=items, next_cursor=encode_cursor(items[-1]) if more and items else None)


def public_release_get(*, pk: int) -> PressRelease:
    release = _public().select_related("agency").prefetch_related("revisions", "files__attachment").filter(
        pk=pk).first()
    if release is None:
        raise NotFound()
    return release


def public_release_agencies() -> list[Agency]:
    """The agencies that have ever issued a release: the public list's agency filter offers only these."""
    return list(Agency.objects.filter(press_releases__isnull=False).distinct().order_by("sort_order", "short_name"))


def public_latest(*, agency_id: int | None = None, limit: int = 30) -> list[PressRelease]:
    return public_release_page(agency_id=agency_id, size=limit).items


def next_scheduled_at() -> dt.datetime | None:
    """When the next scheduled release becomes public (the public cache must not outlive it)."""
    return (PressRelease.objects.filter(status=ReleaseStatus.SCHEDULED, published_at__gt=timezone.now())
            .order_by("published_at").values_list("published_at", flat=True).first())


def monthly_counts(*, period: Period, agency_id: int | None = None) -> dict[tuple[int, int], int]:
    """Releases made public in each month of `period` (Taipei months): all agencies, or one agency."""
    start = dt.datetime.combine(period.start, dt.time.min, tzinfo=TAIPEI)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=TAIPEI)
    releases = PressRelease.objects.filter(status__in=PUBLIC_STATES, published_at__gte=start, published_at__lt=end)
    if agency_id is not None:
        releases = releases.filter(agency_id=agency_id)
    rows = (releases.annotate(month=TruncMonth("published_at", tzinfo=TAIPEI)).values("month")
            .annotate(n=Count("pk")).values_list("month", "n"))
    counts = dict.fromkeys(period.months, 0)
    for month, n in rows:
        counts[(month.year, month.month)] = n
    return counts
