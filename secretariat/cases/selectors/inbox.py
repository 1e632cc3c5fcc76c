"""The inbox as a work queue: its tabs, filters and sort orders, keyset pages, counts and the export's rows.

Every read here starts from `_inbox_rows`, so a tab's count, its pages, the home page's cards and the export
are the same query — the number on a tab cannot drift from the rows it opens.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.db.models import Count, Exists, F, OrderBy, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.access import agency_scope_ids
from secretariat.cases.access import read_in_full_q
from secretariat.cases.kinds import QueueTab, tab_get, tabs_for
from secretariat.cases.models import OPEN_STATUSES, RUNNING_STATUSES, Case, CaseEvent, CaseStatus, Outcome
from secretariat.cases.selectors.scope import (
    ACTIVE_STATUSES,
    due_soon_limit,
    visible_cases,
    with_due_state,
)
from secretariat.core.actors import Actor, Viewer
from secretariat.core.errors import ValidationFailed

INBOX_PAGE = 50
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
EXPORT_ROWS = 10_000  # a download holds at most this many rows; the page says so when the list is longer


# --- Sort orders ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SortKey:
    field: str
    nullable: bool
    # How the cursor writes the value: "date" (ISO), "moment" (microseconds since the epoch: short and exact),
    # "text" or "number".
    form: str


SORT_KEYS = {
    "due": SortKey("due_on", True, "date"),
    "received": SortKey("received_at", False, "moment"),
    "reference": SortKey("reference", False, "text"),
    "status": SortKey("status", False, "text"),
    # By the agency's id, i.e. the order the city's agency list was loaded in: sorting by the name would need
    # the join in the index, and the point of the column is to group each agency's cases together.
    "agency": SortKey("lead_agency_id", True, "number"),
}
SORTS = [*SORT_KEYS, *(f"-{name}" for name in SORT_KEYS)]


def sort_parse(text: str) -> str:
    """`due`, `-due`, `received`, …; "" is the tab's own order. Anything else is refused by name."""
    text = (text or "").strip()
    if text and text not in SORTS:
        raise ValidationFailed(_("Unknown sort order “%(sort)s”; use one of: %(known)s."), code="unknown_sort",
                               field="sort", params={"sort": text[:30], "known": ", ".join(SORTS)})
    return text


def _order(sort: str) -> list[OrderBy]:
    """Nulls (a case not yet routed has no due date and no agency) come first going up and last going down:
    one order and its exact reverse, so one index serves both directions and the unrouted lead the queue."""
    key = SORT_KEYS[sort.lstrip("-")]
    column, pk = F(key.field), F("pk")
    if sort.startswith("-"):
        return [column.desc(nulls_last=True) if key.nullable else column.desc(), pk.desc()]
    return [column.asc(nulls_first=True) if key.nullable else column.asc(), pk.asc()]


# --- Cursors: the sort, the last row's sort value and its id -------------------------------------------------

@dataclass(frozen=True)
class Cursor:
    sort: str
    value: object  # None: the last row shown had no value (no due date, no agency)
    pk: int


def _value_text(key: SortKey, value: object) -> str:
    if value is None:
        return ""
    if key.form == "moment" and isinstance(value, dt.datetime):
        return str((value - EPOCH) // dt.timedelta(microseconds=1))  # integers: no float rounding
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _value_of(key: SortKey, text: str) -> object:
    if text == "":
        if not key.nullable:
            raise ValueError(text)
        return None
    if key.form == "date":
        return dt.date.fromisoformat(text)
    if key.form == "moment":
        return EPOCH + dt.timedelta(microseconds=int(text))
    return int(text) if key.form == "number" else text


def inbox_cursor(case: Case, sort: str = "due") -> str:
    """The opaque position after `case` in `sort` order: `due.2023-07-03.123`, `-agency..123`."""
    key = SORT_KEYS[sort.lstrip("-")]
    return f"{sort}.{_value_text(key, getattr(case, key.field))}.{case.pk}"


def inbox_cursor_parse(text: str) -> Cursor | None:
    """The position a cursor names; a damaged cursor is refused rather than silently restarting."""
    text = (text or "").strip()
    if not text:
        return None
    sort, _sep, rest = text.partition(".")
    value_text, _sep, last_id = rest.rpartition(".")
    try:
        if sort not in SORTS:
            raise ValueError(sort)
        return Cursor(sort, _value_of(SORT_KEYS[sort.lstrip("-")], value_text), int(last_id))
    except (ValueError, OverflowError, OSError):
        raise ValidationFailed(_("The page link is damaged; start again from the first page."),
                               code="invalid_cursor", field="after") from None


def _after(rows: QuerySet[Case], cursor: Cursor) -> QuerySet[Case]:
    """The rows after `cursor` in its own order (see `_order`: nulls first going up, last going down)."""
    key = SORT_KEYS[cursor.sort.lstrip("-")]
    field, value, pk = key.field, cursor.value, cursor.pk
    null = Q(**{f"{field}__isnull": True})
    if cursor.sort.startswith("-"):
        if value is None:
            return rows.filter(null, pk__lt=pk)
        later = Q(**{f"{field}__lt": value}) | Q(**{field: value, "pk__lt": pk})
        return rows.filter(later | null if key.nullable else later)
    if value is None:
        return rows.filter(null & Q(pk__gt=pk) | ~null)
    return rows.filter(Q(**{f"{field}__gt": value}) | Q(**{field: value, "pk__gt": pk}))


# --- Filters and tabs ----------------------------------------------------------------------------------------

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
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    tab: str = ""  # a registered QueueTab's code; "" = every case still waiting (the "all open" tab)
    sort: str = ""  # one of SORTS; "" = the tab's own order
    after: Cursor | None = None


@dataclass(frozen=True)
class InboxPage:
    rows: list[Case]
    next_cursor: str | None  # pass back as InboxFilter.after (through inbox_cursor_parse) for the next page
    sort: str = "due"


def inbox_tab_for(user: Actor | Viewer, code: str) -> QueueTab | None:
    """The tab `code` if `user` has it; None for "" (all open). A tab someone does not have is refused."""
    if not code:
        return None
    tab = tab_get(code)
    if tab is None or not tab.visible(user):
        raise ValidationFailed(_("There is no tab “%(tab)s” in your inbox."), code="unknown_tab", field="tab",
                               params={"tab": code[:30]})
    return tab


def inbox_sort_for(user: Actor | Viewer, filters: InboxFilter) -> str:
    """The order rows come in: the one asked for, else the tab's (oldest received first for routing)."""
    if filters.sort:
        return filters.sort
    tab = inbox_tab_for(user, filters.tab)
    return tab.sort if tab else "due"


def inbox_filter_checked(user: Actor | Viewer, filters: InboxFilter) -> InboxFilter:
    """`filters` if `user` may ask for them: refuses a tab they do not have and a cursor of another order
    (it names a position in that order only), each on its own field."""
    sort = inbox_sort_for(user, filters)
    if filters.after and filters.after.sort != sort:
        raise ValidationFailed(_("The page link is damaged; start again from the first page."),
                               code="invalid_cursor", field="after")
    return filters


def _inbox_rows(user: Actor | Viewer, filters: InboxFilter, today: dt.date) -> QuerySet[Case]:
    rows = visible_cases(user)
    tab = inbox_tab_for(user, filters.tab)
    if tab is not None:
        rows = rows.filter(tab.rows(user, today))
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    if filters.status:
        rows = rows.filter(status=filters.status)
    elif not filters.answered:  # an answered case may since have been closed: the month alone decides then
        rows = rows.filter(status__in=ACTIVE_STATUSES)
    rows = _due_filter(rows, filters, today)
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


def _due_filter(rows: QuerySet[Case], filters: InboxFilter, today: dt.date) -> QuerySet[Case]:
    """Due dates run only while an answer is owed (RUNNING_STATUSES), so the named due filters keep to those;
    a due range (from, to) is plain dates, for looking back at any case that had one."""
    bounds = _due_bounds(filters.due, today)
    if bounds is not None:
        first, last = bounds
        rows = rows.filter(status__in=RUNNING_STATUSES, due_on__lte=last)
        rows = rows if first is None else rows.filter(due_on__gte=first)
    if filters.due_from:
        rows = rows.filter(due_on__gte=filters.due_from)
    if filters.due_to:
        rows = rows.filter(due_on__lte=filters.due_to)
    return rows


def answered_month_bounds(month: str) -> tuple[dt.datetime, dt.datetime]:
    """The first moment of the Taipei month `YYYY-MM` and of the month after it."""
    year, number = (int(part) for part in month.split("-"))
    start = dt.date(year, number, 1)
    following = (start + dt.timedelta(days=32)).replace(day=1)
    zone = timezone.get_current_timezone()
    return (dt.datetime.combine(start, dt.time.min, tzinfo=zone),
            dt.datetime.combine(following, dt.time.min, tzinfo=zone))


# --- The rows of the kernel's own tabs (cases/apps.py registers them) ---------------------------------------

def to_route_q(user: Actor | Viewer, today: dt.date) -> Q:
    """Received, or handed back by an agency as not competent: the Secretariat's routing work."""
    return Q(status__in=(CaseStatus.RECEIVED, CaseStatus.RETURNED))


def routed_by_me_q(user: Actor | Viewer, today: dt.date) -> Q:
    """The still-open cases this person assigned (or re-routed) at some point: theirs to follow up."""
    mine = CaseEvent.objects.filter(case_id=OuterRef("pk"), actor_id=getattr(user, "pk", None), action="assign")
    return Q(Exists(mine), status__in=OPEN_STATUSES)


def led_by_my_agency_q(user: Actor | Viewer, today: dt.date) -> Q:
    allowed = agency_scope_ids(user)
    return Q() if allowed is None else Q(lead_agency_id__in=allowed)


def extension_asked_q(user: Actor | Viewer, today: dt.date) -> Q:
    """An agency asked for more time: the Secretariat approves or refuses it."""
    return Q(status__in=RUNNING_STATUSES, extension_requested_until__isnull=False)


def overdue_q(user: Actor | Viewer, today: dt.date) -> Q:
    return Q(status__in=RUNNING_STATUSES, due_on__lt=today)


# --- Reads ---------------------------------------------------------------------------------------------------

def case_inbox_page(*, user: Actor | Viewer, filters: InboxFilter, limit: int = INBOX_PAGE) -> InboxPage:
    """One page of the inbox in its sort order, keyset-paginated (no OFFSET on deep pages). Each row carries
    `due_state`. A cursor from another order is refused: it names a position in that order only."""
    limit = max(1, min(limit, 200))
    today = timezone.localdate()
    sort = inbox_sort_for(user, inbox_filter_checked(user, filters))
    rows = _inbox_rows(user, filters, today)
    if filters.after:
        rows = _after(rows, filters.after)
    found = list(with_due_state(rows, today).order_by(*_order(sort))[: limit + 1])
    more = len(found) > limit
    found = found[:limit]
    return InboxPage(rows=found, next_cursor=inbox_cursor(found[-1], sort) if more and found else None, sort=sort)


def case_inbox(*, user: Actor | Viewer, filters: InboxFilter, limit: int = INBOX_PAGE) -> list[Case]:
    """The rows of one inbox page (see case_inbox_page)."""
    return case_inbox_page(user=user, filters=filters, limit=limit).rows


def case_inbox_export(*, user: Actor | Viewer, filters: InboxFilter, limit: int = EXPORT_ROWS) -> list[Case]:
    """The whole filtered list (every page, from the first) in its sort order, at most `limit` rows."""
    today = timezone.localdate()
    rows = with_due_state(_inbox_rows(user, replace(filters, after=None), today), today)
    return list(rows.order_by(*_order(inbox_sort_for(user, filters)))[:limit])


@dataclass(frozen=True)
class TabCount:
    tab: QueueTab | None  # None: all open
    count: int


def case_inbox_tab_counts(*, user: Actor | Viewer, filters: InboxFilter) -> list[TabCount]:
    """Each of `user`'s tabs with how many rows it shows under the other filters: one COUNT per tab."""
    counts = [TabCount(tab, case_inbox_count(user=user, filters=replace(filters, tab=tab.code)))
              for tab in tabs_for(user)]
    return [*counts, TabCount(None, case_inbox_count(user=user, filters=replace(filters, tab="")))]


# --- The home page's cards (cases/apps.py): one COUNT or GROUP BY each, over the inbox's own rows ------------

def case_inbox_count(*, user: Actor | Viewer, filters: InboxFilter) -> int:
    """How many rows the inbox shows `user` for `filters` (every page together): the same query, counted."""
    return _inbox_rows(user, replace(filters, after=None), timezone.localdate()).order_by().count()


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
