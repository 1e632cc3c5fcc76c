"""Reading cases: the scoped inbox, due-soon and overdue lists, and one case with its timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from secretariat.accounts.access import agency_scope_ids
from secretariat.cases.models import RUNNING_STATUSES, Case, CaseEvent
from secretariat.cases.parties import may_see
from secretariat.core.calendar import CalendarOutOfRange, work_calendar
from secretariat.core.errors import NotFound

DUE_SOON_WORKING_DAYS = 1


def visible_cases(user: Any) -> QuerySet[Case]:
    """Every case `user` may see: the agency scope applied to lead and co-agencies."""
    allowed = agency_scope_ids(user)
    rows = Case.objects.select_related("lead_agency")
    if allowed is None:
        return rows
    if not allowed:
        return rows.none()
    return rows.filter(Q(lead_agency_id__in=allowed) | Q(co_agencies__in=allowed)).distinct()


def due_soon_limit(today: dt.date | None = None) -> dt.date:
    """Cases due on or before this day count as due soon (today plus one working day)."""
    today = today or timezone.localdate()
    try:
        return work_calendar().add_working_days(today, DUE_SOON_WORKING_DAYS)
    except CalendarOutOfRange:
        return today + dt.timedelta(days=DUE_SOON_WORKING_DAYS)


@dataclass(frozen=True)
class InboxFilter:
    kind: str = ""
    status: str = ""
    due: str = ""  # "", "soon" (due within a working day), "overdue"
    text: str = ""
    agency_id: int | None = None
    after: tuple[str, int] | None = None  # keyset: (due_on or "", id) of the last row shown


def case_inbox(*, user: Any, filters: InboxFilter, limit: int = 50) -> list[Case]:
    """Open-or-chosen-status cases, soonest due first, keyset-paginated (no OFFSET on deep pages)."""
    rows = visible_cases(user)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    rows = rows.filter(status=filters.status) if filters.status else rows.filter(status__in=RUNNING_STATUSES)
    today = timezone.localdate()
    if filters.due == "overdue":
        rows = rows.filter(due_on__lt=today)
    elif filters.due == "soon":
        rows = rows.filter(due_on__gte=today, due_on__lte=due_soon_limit(today))
    if filters.agency_id:
        rows = rows.filter(lead_agency_id=filters.agency_id)
    if filters.text:
        text = filters.text.strip()[:100]
        rows = rows.filter(Q(reference__iexact=text) | Q(title__icontains=text))
    if filters.after:
        due_text, last_id = filters.after
        if due_text:
            last_due = dt.date.fromisoformat(due_text)
            rows = rows.filter(Q(due_on__gt=last_due) | Q(due_on=last_due, pk__gt=last_id) | Q(due_on__isnull=True))
        else:
            rows = rows.filter(due_on__isnull=True, pk__gt=last_id)
    # NULL due dates (not yet assigned) sort last on every database, as the keyset above expects.
    return list(rows.order_by(F("due_on").asc(nulls_last=True), "pk")[: max(1, min(limit, 200))])


def case_get_for(*, user: Any, pk: int) -> Case:
    case = Case.objects.select_related("lead_agency", "merged_into").filter(pk=pk).first()
    if case is None or not may_see(user, case):
        raise NotFound()
    return case


def case_timeline(*, case: Case) -> list[CaseEvent]:
    return list(case.events.select_related("agency").order_by("occurred_at", "pk"))


def overdue_cases(*, agency_id: int | None = None, today: dt.date | None = None) -> QuerySet[Case]:
    rows = Case.objects.filter(status__in=RUNNING_STATUSES, due_on__lt=today or timezone.localdate())
    return rows.filter(lead_agency_id=agency_id) if agency_id else rows


def due_soon_cases(*, agency_id: int | None = None, today: dt.date | None = None) -> QuerySet[Case]:
    today = today or timezone.localdate()
    rows = Case.objects.filter(status__in=RUNNING_STATUSES, due_on__gte=today, due_on__lte=due_soon_limit(today))
    return rows.filter(lead_agency_id=agency_id) if agency_id else rows
