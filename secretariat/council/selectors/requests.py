"""Reading data requests: each reader's own scope, and the per-agency metrics for a period."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from secretariat.accounts.access import agency_scope_ids
from secretariat.accounts.constants import AGENCY_ROLES, CITYWIDE_ROLES, Role
from secretariat.accounts.models import Agency
from secretariat.cases.models import Case
from secretariat.core.actors import Actor, Viewer, is_person, is_signed_in
from secretariat.core.calendar import WorkCalendar, work_calendar
from secretariat.core.errors import NotFound
from secretariat.core.roc import Period
from secretariat.council.models.requests import KIND as REQUEST_KIND
from secretariat.council.models.requests import DataRequest


def is_staff_reader(user: Actor | Viewer) -> bool:
    """Secretariat staff, auditors and agency staff: the people the staff pages are for (not councillors)."""
    return bool(is_person(user) and (user.role in CITYWIDE_ROLES or user.role in AGENCY_ROLES))


def requests_visible(user: Actor | Viewer) -> QuerySet[DataRequest]:
    """A councillor sees only their own requests; agency staff those their agency leads or contributes to;
    the Secretariat and auditors all of them."""
    # The kind is implied by the table; saying it lets the queue walk the engine's (kind, newest) index.
    rows = DataRequest.objects.filter(case__kind=REQUEST_KIND).select_related("case", "case__lead_agency", "councillor")
    if not is_signed_in(user):
        return rows.none()
    if user.role == Role.COUNCILLOR:
        return rows.filter(councillor__user=user)
    allowed = agency_scope_ids(user)
    if allowed is None:
        return rows
    # EXISTS rather than a join + DISTINCT: the lead-agency condition can then use the case index.
    shared = Case.co_agencies.through.objects.filter(case_id=OuterRef("case_id"), agency_id__in=allowed)
    return rows.filter(Q(case__lead_agency_id__in=allowed) | Exists(shared))


def request_queue(user: Actor | Viewer, *, before: int | None = None, size: int = 50) -> list[DataRequest]:
    """One page of the reader's requests, newest first; `before` is the last request of the previous page
    (keyset paging: a deep page costs what the first does)."""
    rows = requests_visible(user).defer("content", "answer").order_by("-case__received_at", "-pk")
    if before is not None:
        edge = Case.objects.filter(pk=before).values_list("received_at", flat=True).first()
        if edge is not None:
            rows = rows.filter(Q(case__received_at__lt=edge) | Q(case__received_at=edge, pk__lt=before))
    return list(rows[:size])


def request_get(user: Actor | Viewer, case_id: int) -> DataRequest:
    """One request the reader may see; anyone else's is simply not found (no hint it exists)."""
    request = requests_visible(user).filter(pk=case_id).first()
    if request is None:
        raise NotFound()
    return request


def _in_period(period: Period) -> QuerySet[DataRequest]:
    return DataRequest.objects.filter(case__received_on__gte=period.start, case__received_on__lte=period.end)


def led_by_secretariat_stats(period: Period) -> tuple[int, int]:
    """Requests filed in `period` that the Secretariat leads, and how many were delivered within the rules
    (first released on or before the due date)."""
    rows = _in_period(period).filter(case__lead_agency__is_secretariat=True)
    return rows.count(), rows.filter(released_on_time=True).count()


@dataclass(frozen=True)
class AgencyMetrics:
    agency: Agency
    requests: int
    released: int
    on_time: int
    reopened: int
    average_days: float | None  # working days from filing to first release


def metrics_by_agency(user: Actor | Viewer, period: Period, *,
                      calendar: WorkCalendar | None = None) -> list[AgencyMetrics]:
    """Per lead agency, for requests filed in `period`; agency staff see only their own agencies."""
    rows = _in_period(period).filter(case__lead_agency__isnull=False)
    allowed = agency_scope_ids(user)
    if allowed is not None:
        rows = rows.filter(case__lead_agency_id__in=allowed)
    cal = calendar or work_calendar()
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    days: dict[int, list[int]] = defaultdict(list)
    for agency_id, received_on, first_released, on_time, reopen_count in rows.values_list(
            "case__lead_agency_id", "case__received_on", "first_released_at", "released_on_time",
            "case__reopen_count"):
        figures = counts[agency_id]
        figures[0] += 1
        if first_released is not None:
            figures[1] += 1
            days[agency_id].append(cal.working_days_between(received_on, timezone.localdate(first_released)))
        figures[2] += bool(on_time)
        figures[3] += reopen_count > 0
    agencies = Agency.objects.in_bulk(list(counts))
    result = [
        AgencyMetrics(agency=agencies[pk], requests=c[0], released=c[1], on_time=c[2], reopened=c[3],
                      average_days=round(sum(days[pk]) / len(days[pk]), 1) if days[pk] else None)
        for pk, c in counts.items()
    ]
    return sorted(result, key=lambda m: (-m.requests, m.agency.pk))
