"""Reading data requests: each reader's own scope, and the per-agency metrics for a period."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from secretariat.accounts.access import agency_scope_ids
from secretariat.accounts.constants import AGENCY_ROLES, CITYWIDE_ROLES, Role
from secretariat.accounts.models import Agency
from secretariat.cases.models import Case
from secretariat.core.actors import Actor, Person, Viewer, is_person, is_signed_in
from secretariat.core.calendar import WorkCalendar, working_days_by
from secretariat.core.errors import NotFound
from secretariat.core.roc import Period
from secretariat.council.models import Councillor
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


def request_for_panel(case_id: int) -> DataRequest | None:
    """The data request behind a case page; the case page has already decided the viewer may see the case."""
    return (DataRequest.objects.select_related("councillor", "filed_by", "answered_by", "reviewed_by",
                                               "head_confirmed_by").filter(pk=case_id).first())


def councillor_of(user: Person, *, active_only: bool = False) -> Councillor | None:
    """The councillor record of a signed-in councillor."""
    rows = Councillor.objects.filter(user=user)
    return (rows.filter(is_active=True) if active_only else rows).first()


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
    """Per lead agency, for requests filed in `period`; agency staff see only their own agencies.

    Counted in the database: one GROUP BY for the counts, two for the working days to first release."""
    rows = _in_period(period).filter(case__lead_agency__isnull=False)
    allowed = agency_scope_ids(user)
    if allowed is not None:
        rows = rows.filter(case__lead_agency_id__in=allowed)
    counts = rows.values("case__lead_agency_id").annotate(
        requests=Count("pk"), released=Count("pk", filter=Q(first_released_at__isnull=False)),
        on_time=Count("pk", filter=Q(released_on_time=True)), reopened=Count("pk", filter=Q(case__reopen_count__gt=0)),
    ).order_by()
    # The day of release in the current time zone, as timezone.localdate() reads it.
    released = rows.filter(first_released_at__isnull=False).annotate(
        released_on=TruncDate("first_released_at", tzinfo=timezone.get_current_timezone()))
    days = working_days_by(released, key="case__lead_agency_id", start="case__received_on", end="released_on",
                           calendar=calendar)
    figures = list(counts)
    agencies = Agency.objects.in_bulk([row["case__lead_agency_id"] for row in figures])
    result = [
        AgencyMetrics(agency=agencies[row["case__lead_agency_id"]], requests=row["requests"],
                      released=row["released"], on_time=row["on_time"], reopened=row["reopened"],
                      average_days=round(days[row["case__lead_agency_id"]] / row["released"], 1)
                      if row["released"] else None)
        for row in figures
    ]
    return sorted(result, key=lambda m: (-m.requests, m.agency.pk))
