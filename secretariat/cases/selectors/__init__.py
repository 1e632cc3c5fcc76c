"""Reading cases: the scoped inbox, due-soon and overdue lists, and one case with its timeline.

Whoever shows a case — page, API, search, export, dashboard, notification — takes its subject from
`case_title_for(user, case)` and its timeline from `case_timeline_for`, and filters subjects with
`read_in_full_q(user)`: a confidential case reads 「密件」 with no timeline outside its confidential readers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case as Choose
from django.db.models import CharField, Count, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.access import agency_scope_ids
from secretariat.cases.access import may_see, read_in_full_q, reads_in_full
from secretariat.cases.constants import CONFIDENTIAL_TITLE
from secretariat.cases.models import OPEN_STATUSES, RUNNING_STATUSES, Case, CaseEvent, CaseStatus, Outcome
from secretariat.core.actors import Actor, Viewer
from secretariat.core.calendar import CalendarOutOfRange, work_calendar
from secretariat.core.errors import NotFound, ValidationFailed

DUE_SOON_WORKING_DAYS = 1
# What the inbox shows when no status is chosen: every case still waiting for someone — routing,
# an agency's answer, or the Secretariat's check of an answer.
ACTIVE_STATUSES = (*OPEN_STATUSES, CaseStatus.ANSWERED)
INBOX_PAGE = 50
# 密不錄由: what a confidential case's subject reads as for those who may not read it.


def case_redacted(user: Actor | Viewer, case: Case) -> bool:
    """Whether `user` reads `case` redacted: 「密件」 for its subject and no timeline."""
    return not reads_in_full(user, case)


def case_title_for(user: Actor | Viewer, case: Case) -> str:
    """The case's subject as `user` may read it."""
    return str(CONFIDENTIAL_TITLE) if case_redacted(user, case) else case.title


def case_read_in_full_q(user: Actor | Viewer, *, prefix: str = "") -> Q:
    """The cases `user` reads in full, as a filter (`prefix="case__"` from a kind's own table): combine it
    with any search or export over subjects, so 「密件」 cannot be found by its words."""
    return read_in_full_q(user, prefix=prefix)


def case_title_unaddressed(case: Case) -> str:
    """The subject for a message that leaves the platform (a mail), where no reader is checked."""
    return str(CONFIDENTIAL_TITLE) if case.confidential else case.title


def visible_cases(user: Actor | Viewer) -> QuerySet[Case]:
    """Every case `user` may see: the agency scope applied to lead and co-agencies."""
    allowed = agency_scope_ids(user)
    rows = Case.objects.select_related("lead_agency")
    if allowed is None:
        return rows
    if not allowed:
        return rows.none()
    # EXISTS rather than a join: a join over co-agencies would need DISTINCT, which defeats the
    # (lead_agency, status, due_on) index on a large table.
    shared = Case.co_agencies.through.objects.filter(case_id=OuterRef("pk"), agency_id__in=allowed)
    return rows.filter(Q(lead_agency_id__in=allowed) | Q(Exists(shared)))


def due_soon_limit(today: dt.date | None = None) -> dt.date:
    """Cases due on or before this day count as due soon (today plus one working day)."""
    today = today or timezone.localdate()
    try:
        return work_calendar().add_working_days(today, DUE_SOON_WORKING_DAYS)
    except CalendarOutOfRange:
        return today + dt.timedelta(days=DUE_SOON_WORKING_DAYS)


def with_due_state(rows: QuerySet[Case], today: dt.date | None = None) -> QuerySet[Case]:
    """Annotate `due_state`: "overdue", "soon" or "" — computed by the database, only for cases whose
    answer is still owed."""
    today = today or timezone.localdate()
    return rows.annotate(due_state=Choose(
        When(status__in=RUNNING_STATUSES, due_on__lt=today, then=Value("overdue")),
        When(status__in=RUNNING_STATUSES, due_on__lte=due_soon_limit(today), then=Value("soon")),
        default=Value(""), output_field=CharField(),
    ))


@dataclass(frozen=True)
class InboxFilter:
    kind: str = ""
    status: str = ""  # "" = every status still waiting for someone (ACTIVE_STATUSES)
    due: str = ""  # "", "soon" (due within a working day), "today", "week" (today to Sunday), "overdue"
    # "YYYY-MM": answered in that Taipei month, whatever the status now (the on-time rate's basis).
    answered: str = ""
    led: bool = False  # only the cases the user's own agency (or an office under it) leads, not those shared
    text: str = ""
    agency_id: int | None = None
    after: tuple[str, int] | None = None  # keyset: (due_on or "", id) of the last row shown


@dataclass(frozen=True)
class InboxPage:
    rows: list[Case]
    next_cursor: str | None  # pass back as InboxFilter.after (through inbox_cursor_parse) for the next page


def inbox_cursor(case: Case) -> str:
    """The opaque keyset position after `case`: `2023-07-03.123`, or `.123` when it has no due date."""
    return f"{case.due_on.isoformat() if case.due_on else ''}.{case.pk}"


def inbox_cursor_parse(text: str) -> tuple[str, int] | None:
    """The position a cursor names; a damaged cursor is refused rather than silently restarting."""
    text = (text or "").strip()
    if not text:
        return None
    due_text, _sep, last_id = text.rpartition(".")
    try:
        if due_text:
            dt.date.fromisoformat(due_text)
        return due_text, int(last_id)
    except ValueError:
        raise ValidationFailed(_("The page link is damaged; start again from the first page."),
                               code="invalid_cursor", field="after") from None


def _inbox_rows(user: Actor | Viewer, filters: InboxFilter, today: dt.date) -> QuerySet[Case]:
    rows = visible_cases(user)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    if filters.status:
        rows = rows.filter(status=filters.status)
    elif not filters.answered:  # an answered case may since have been closed: the month alone decides then
        rows = rows.filter(status__in=ACTIVE_STATUSES)
    rows = _due_filter(rows, filters.due, today)
    if filters.answered:
        start, end = answered_month_bounds(filters.answered)
        rows = rows.filter(answered_at__gte=start, answered_at__lt=end)
    if filters.agency_id:
        rows = rows.filter(lead_agency_id=filters.agency_id)
    allowed = agency_scope_ids(user) if filters.led else None
    if allowed is not None:  # the Secretariat leads nothing: for it the filter changes nothing
        rows = rows.filter(lead_agency_id__in=allowed)
    if filters.text:
        text = filters.text.strip()[:100]
        # A confidential subject is not searchable by those who read it as 「密件」.
        rows = rows.filter(Q(reference__iexact=text) | (Q(title__icontains=text) & read_in_full_q(user)))
    if filters.after:
        due_text, last_id = filters.after
        if due_text:
            last_due = dt.date.fromisoformat(due_text)
            rows = rows.filter(Q(due_on__gt=last_due) | Q(due_on=last_due, pk__gt=last_id) | Q(due_on__isnull=True))
        else:
            rows = rows.filter(due_on__isnull=True, pk__gt=last_id)
    return rows


def _due_bounds(due: str, today: dt.date) -> tuple[dt.date | None, dt.date] | None:
    """The first and last due date a `due` filter keeps (None: no first). Only "soon" reads the office calendar,
    so only it pays for the calendar's queries."""
    if due == "overdue":
        return None, today - dt.timedelta(days=1)
    if due == "soon":
        return today, due_soon_limit(today)
    if due == "today":
        return today, today
    if due == "week":
        return today, today + dt.timedelta(days=6 - today.weekday())  # to Sunday
    return None


def _due_filter(rows: QuerySet[Case], due: str, today: dt.date) -> QuerySet[Case]:
    """Due dates run only while an answer is owed (RUNNING_STATUSES), so every due filter keeps to those."""
    bounds = _due_bounds(due, today)
    if bounds is None:
        return rows
    first, last = bounds
    rows = rows.filter(status__in=RUNNING_STATUSES, due_on__lte=last)
    return rows if first is None else rows.filter(due_on__gte=first)


def answered_month_bounds(month: str) -> tuple[dt.datetime, dt.datetime]:
    """The first moment of the Taipei month `YYYY-MM` and of the month after it."""
    year, number = (int(part) for part in month.split("-"))
    start = dt.date(year, number, 1)
    following = (start + dt.timedelta(days=32)).replace(day=1)
    zone = timezone.get_current_timezone()
    return (dt.datetime.combine(start, dt.time.min, tzinfo=zone),
            dt.datetime.combine(following, dt.time.min, tzinfo=zone))


def case_inbox_page(*, user: Actor | Viewer, filters: InboxFilter, limit: int = INBOX_PAGE) -> InboxPage:
    """One page of the inbox, soonest due first, keyset-paginated (no OFFSET on deep pages). Each row
    carries `due_state`."""
    limit = max(1, min(limit, 200))
    today = timezone.localdate()
    rows = with_due_state(_inbox_rows(user, filters, today), today)
    # NULL due dates (not yet assigned) sort last on every database, as the keyset above expects.
    found = list(rows.order_by(F("due_on").asc(nulls_last=True), "pk")[: limit + 1])
    more = len(found) > limit
    found = found[:limit]
    return InboxPage(rows=found, next_cursor=inbox_cursor(found[-1]) if more and found else None)


def case_inbox(*, user: Actor | Viewer, filters: InboxFilter, limit: int = INBOX_PAGE) -> list[Case]:
    """The rows of one inbox page (see case_inbox_page)."""
    return case_inbox_page(user=user, filters=filters, limit=limit).rows


def case_get_for(*, user: Actor | Viewer, pk: int) -> Case:
    """The case, if `user` may see it; NotFound otherwise, so a stranger cannot tell it exists."""
    rows = with_due_state(Case.objects.select_related("lead_agency", "merged_into"))
    case = rows.filter(pk=pk).first()
    if case is None or not may_see(user, case):
        raise NotFound()
    return case


def case_timeline(*, case: Case) -> list[CaseEvent]:
    """Every event of the case, unchecked: for the engine's own work. Show `case_timeline_for` instead."""
    return list(case.events.select_related("agency").order_by("occurred_at", "pk"))


def case_returned_agency_ids(*, case_id: int) -> set[int]:
    """The agencies that handed this case back as not competent."""
    return set(CaseEvent.objects.filter(case_id=case_id, action="return", agency__isnull=False)
               .values_list("agency_id", flat=True))


def case_timeline_for(*, user: Actor | Viewer, case: Case) -> list[CaseEvent]:
    """The timeline `user` may read: none of a confidential case they read redacted (its events name
    the staff who handled it and carry their notes)."""
    return [] if case_redacted(user, case) else case_timeline(case=case)


def overdue_cases(*, agency_id: int | None = None, today: dt.date | None = None) -> QuerySet[Case]:
    rows = Case.objects.filter(status__in=RUNNING_STATUSES, due_on__lt=today or timezone.localdate())
    return rows.filter(lead_agency_id=agency_id) if agency_id else rows


def due_soon_cases(*, agency_id: int | None = None, today: dt.date | None = None) -> QuerySet[Case]:
    today = today or timezone.localdate()
    rows = Case.objects.filter(status__in=RUNNING_STATUSES, due_on__gte=today, due_on__lte=due_soon_limit(today))
    return rows.filter(lead_agency_id=agency_id) if agency_id else rows


# --- The home page's cards (cases/dashboard.py): one COUNT or GROUP BY each, over the inbox's own rows ---------

def case_inbox_count(*, user: Actor | Viewer, filters: InboxFilter) -> int:
    """How many rows the inbox shows `user` for `filters` (every page together): the same query, counted."""
    return _inbox_rows(user, filters, timezone.localdate()).order_by().count()


@dataclass(frozen=True)
class AgencyCount:
    agency_id: int | None
    name: str
    count: int


def case_inbox_count_by_agency(*, user: Actor | Viewer, filters: InboxFilter) -> list[AgencyCount]:
    """The inbox's rows for `filters` per lead agency, most first: one GROUP BY."""
    rows = (_inbox_rows(user, filters, timezone.localdate()).order_by()
            .values("lead_agency_id", "lead_agency__short_name").annotate(n=Count("pk"))
            .order_by("-n", "lead_agency__short_name"))
    return [AgencyCount(row["lead_agency_id"], row["lead_agency__short_name"] or "—", row["n"]) for row in rows]


@dataclass(frozen=True)
class OnTime:
    on_time: int
    answered: int


def case_on_time_count(*, user: Actor | Viewer, month: str) -> OnTime:
    """Of the cases `user`'s agency leads that were answered in `month` (YYYY-MM), how many on time: one
    aggregate. (For someone who sees every agency: of every case.)"""
    totals = (_inbox_rows(user, InboxFilter(answered=month, led=True), timezone.localdate())
              .aggregate(answered=Count("pk"), on_time=Count("pk", filter=Q(outcome=Outcome.ON_TIME))))
    return OnTime(on_time=totals["on_time"], answered=totals["answered"])
