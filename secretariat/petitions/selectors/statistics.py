"""Petition statistics for a half-year period: counts by lead agency, on-time rate, average working
days from receipt to answer, receipts by month and the overdue list.

Every figure is aggregated in the database (GROUP BY): the Python code only folds the handful of
grouped rows (one per agency, or per agency and day) into report rows. Which petitions count:
every petition case received in the period (its day of receipt in Taipei time), declined and merged
ones included — they were received and registered — counted under their current lead agency rolled
up into the agency it reports under (district offices into 民政局（含區公所）). A petition not yet
assigned to an agency is counted on a row of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Count, Max, Min, Q, QuerySet
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone

from secretariat.accounts.access import agency_scope_ids
from secretariat.accounts.models import Agency
from secretariat.cases.models import Case, Outcome
from secretariat.cases.selectors import case_title_unaddressed, overdue_cases
from secretariat.core.actors import Actor, Viewer
from secretariat.core.calendar import (
    CalendarOutOfRange,
    WorkCalendar,
    work_calendar,
    working_day_index,
    working_days_total,
)
from secretariat.core.errors import PermissionRefused
from secretariat.core.numbers import format_percent
from secretariat.core.roc import Period
from secretariat.petitions.kinds import KIND

TAIPEI = ZoneInfo("Asia/Taipei")
ANSWERED = (Outcome.ON_TIME, Outcome.LATE)


def stats_scope(user: Actor | Viewer) -> set[int] | None:
    """The agencies whose figures `user` may see (None: all). People with no agency scope —
    councillors, the public — get a refusal rather than an empty page."""
    allowed = agency_scope_ids(user)
    if allowed is not None and not allowed:
        raise PermissionRefused()
    return allowed


def received_in(period: Period, agency_ids: set[int] | None = None) -> QuerySet[Case]:
    """Petition cases received in `period`, limited to lead agencies in `agency_ids` (None: all)."""
    rows = Case.objects.filter(kind=KIND, received_on__gte=period.start, received_on__lte=period.end)
    return rows if agency_ids is None else rows.filter(lead_agency_id__in=agency_ids)


@dataclass
class AgencyRow:
    """One reporting agency's figures. `agency_id` None: petitions not yet assigned to an agency."""

    agency_id: int | None
    name: str
    sort_order: int
    received: int = 0
    on_time: int = 0
    late: int = 0
    working_days: int | None = 0  # summed over answered petitions; None when the calendar lacks a year
    member_ids: set[int] = field(default_factory=set)

    @property
    def answered(self) -> int:
        return self.on_time + self.late

    @property
    def on_time_rate(self) -> str:
        return format_percent(self.on_time, self.answered) if self.answered else "—"

    @property
    def average_working_days(self) -> Decimal | None:
        if self.working_days is None or not self.answered:
            return None
        return (Decimal(self.working_days) / self.answered).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class _Rollup:
    """Which reporting row each lead agency's petitions count on."""

    row_of: dict[int, int]
    rows: dict[int, AgencyRow]


def _rollup(agency_ids: set[int], scope: set[int] | None) -> _Rollup:
    """District offices count under their parent's row (民政局（含區公所）) — unless the viewer does
    not see the parent, who then sees their own agency under its own name."""
    agencies = {agency.pk: agency for agency in Agency.objects.filter(pk__in=agency_ids).select_related("parent")}
    row_of: dict[int, int] = {}
    rows: dict[int, AgencyRow] = {}
    for agency in agencies.values():
        parent = agency.parent
        head = parent if parent is not None and (scope is None or parent.pk in scope) else agency
        row_of[agency.pk] = head.pk
        if head.pk not in rows:
            rows[head.pk] = AgencyRow(agency_id=head.pk, name=head.report_name, sort_order=head.sort_order)
        rows[head.pk].member_ids.add(agency.pk)
    return _Rollup(row_of=row_of, rows=rows)


def by_agency(*, period: Period, agency_ids: set[int] | None = None, calendar: WorkCalendar | None = None,
              working_days: bool = True) -> list[AgencyRow]:
    """Per reporting agency: received, answered on time / late, working days to answer (skipped, one
    query less, with `working_days=False`); ordered by received count descending, then by the
    agencies' order (the seed's order for ties); petitions not yet assigned come last.

    Two scans of the period's petitions: counts by (agency, day of receipt) and answers by (agency,
    day of answer). The working days of many answers are then a difference of two sums of day indexes.
    """
    base = received_in(period, agency_ids)
    group = ("lead_agency_id", "received_on") if working_days else ("lead_agency_id",)
    counts = list(base.values(*group).annotate(
        received=Count("pk"), on_time=Count("pk", filter=Q(outcome=Outcome.ON_TIME)),
        late=Count("pk", filter=Q(outcome=Outcome.LATE)),
    ).order_by())
    rollup = _rollup({row["lead_agency_id"] for row in counts if row["lead_agency_id"]}, agency_ids)
    unassigned = AgencyRow(agency_id=None, name="", sort_order=10**9)
    for row in counts:
        target = rollup.rows[rollup.row_of[row["lead_agency_id"]]] if row["lead_agency_id"] else unassigned
        target.received += row["received"]
        target.on_time += row["on_time"]
        target.late += row["late"]
    if working_days:
        _add_working_days(base, counts, rollup, unassigned, calendar)
    rows = sorted(rollup.rows.values(), key=lambda item: (-item.received, item.sort_order, item.name))
    return rows + ([unassigned] if unassigned.received else [])


def _add_working_days(base: QuerySet[Case], counts: list[dict[str, Any]], rollup: _Rollup, unassigned: AgencyRow,
                      calendar: WorkCalendar | None) -> None:
    """Σ index(day answered) − Σ index(day received), over the answered petitions of each agency."""
    answered = base.filter(outcome__in=ANSWERED, answered_at__isnull=False)
    by_answer_day = list(answered.annotate(day=TruncDate("answered_at", tzinfo=TAIPEI))
                         .values("lead_agency_id", "day").annotate(n=Count("pk")).order_by())
    if not by_answer_day:
        return
    # Every day of receipt counts (weight 0 if none answered) so the calendar covers what it did before.
    started = [(row["lead_agency_id"], row["received_on"], row["on_time"] + row["late"]) for row in counts]
    ended = [(row["lead_agency_id"], row["day"], row["n"]) for row in by_answer_day]
    try:
        totals = working_days_total(calendar or work_calendar(), started=started, ended=ended)
    except CalendarOutOfRange:
        for agency_row in [*rollup.rows.values(), unassigned]:
            agency_row.working_days = None
        return
    for agency_id, total in totals.items():
        target = rollup.rows[rollup.row_of[agency_id]] if agency_id else unassigned
        if target.working_days is not None:
            target.working_days += total


def total_of(rows: list[AgencyRow]) -> AgencyRow:
    total = AgencyRow(agency_id=None, name="", sort_order=0)
    for row in rows:
        total.received += row.received
        total.on_time += row.on_time
        total.late += row.late
        total.working_days = None if total.working_days is None or row.working_days is None \
            else total.working_days + row.working_days
    return total


def two_columns(rows: list[Any]) -> list[tuple[Any, Any | None]]:
    """The seed's layout: two agencies per line, read left to right, then down."""
    return [(rows[i], rows[i + 1] if i + 1 < len(rows) else None) for i in range(0, len(rows), 2)]


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    received: int


def by_month(*, period: Period, agency_ids: set[int] | None = None) -> list[MonthCount]:
    """Petitions received in each of the period's six months (months without any show 0)."""
    grouped = received_in(period, agency_ids).annotate(month=TruncMonth("received_on")) \
        .values("month").annotate(n=Count("pk")).order_by()
    found = {(row["month"].year, row["month"].month): row["n"] for row in grouped}
    return [MonthCount(year, month, found.get((year, month), 0)) for year, month in period.months]


@dataclass(frozen=True)
class OverdueRow:
    pk: int
    reference: str
    subject: str
    agency: str
    received_on: dt.date
    due_on: dt.date
    working_days_overdue: int | None


def overdue(*, period: Period, agency_ids: set[int] | None = None, today: dt.date | None = None,
            limit: int = 200, calendar: WorkCalendar | None = None) -> tuple[int, list[OverdueRow]]:
    """Petitions received in `period` that are still unanswered past their due date today: the
    total, and the first `limit` by due date. No personal data: the subject of a petition needing
    secrecy is masked."""
    today = today or timezone.localdate()
    rows = overdue_cases(today=today).filter(kind=KIND, received_on__gte=period.start, received_on__lte=period.end)
    if agency_ids is not None:
        rows = rows.filter(lead_agency_id__in=agency_ids)
    total = rows.count()
    # overdue_cases only returns cases with a due date
    cases = [(case, case.due_on) for case in rows.select_related("lead_agency")
             .order_by("due_on", "pk")[:limit] if case.due_on is not None]
    index: dict[dt.date, int] = {}
    if cases:
        try:  # one pass over the calendar for the whole list, not one per case
            index = working_day_index(calendar or work_calendar(), min(due for _case, due in cases), today)
        except CalendarOutOfRange:
            index = {}
    found: list[OverdueRow] = []
    for case, due in cases:
        late_by = index[today] - index[due] if index else None
        found.append(OverdueRow(
            pk=case.pk, reference=case.reference,
            # Exported and shown across agencies: a confidential subject reads 「密件」 (the engine's rule).
            subject=case_title_unaddressed(case),
            agency=case.lead_agency.short_name if case.lead_agency else "", received_on=case.received_on,
            due_on=due, working_days_overdue=late_by,
        ))
    return total, found


def periods_on_record(*, agency_ids: set[int] | None = None, today: dt.date | None = None,
                      most: int = 20) -> list[Period]:
    """The periods from the latest with petitions back to the earliest (at most `most`), newest first;
    the current period is always offered."""
    span = received_in_any(agency_ids).aggregate(first=Min("received_on"), last=Max("received_on"))
    current = Period.containing(today or timezone.localdate())
    newest = max(current, Period.containing(span["last"])) if span["last"] else current
    oldest = Period.containing(span["first"]) if span["first"] else current
    periods = [newest]
    while periods[-1] > oldest and len(periods) < most:
        periods.append(periods[-1].previous())
    return periods


def received_in_any(agency_ids: set[int] | None = None) -> QuerySet[Case]:
    rows = Case.objects.filter(kind=KIND)
    return rows if agency_ids is None else rows.filter(lead_agency_id__in=agency_ids)
