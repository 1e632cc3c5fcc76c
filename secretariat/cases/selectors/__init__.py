"""Reading cases: the scoped inbox (inbox.py), one case with its timeline, due-soon and overdue lists.

Whoever shows a case — page, API, search, export, dashboard, notification — takes its subject from
`case_title_for(user, case)` and its timeline from `case_timeline_for`, and filters subjects with
`read_in_full_q(user)`: a confidential case reads 「密件」 with no timeline outside its confidential readers
(scope.py holds these rules).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from secretariat.cases.access import may_see
from secretariat.cases.models import RUNNING_STATUSES, Case, CaseEvent
from secretariat.cases.selectors.inbox import INBOX_PAGE as INBOX_PAGE
from secretariat.cases.selectors.inbox import AgencyCount as AgencyCount
from secretariat.cases.selectors.inbox import InboxFilter as InboxFilter
from secretariat.cases.selectors.inbox import InboxPage as InboxPage
from secretariat.cases.selectors.inbox import OnTime as OnTime
from secretariat.cases.selectors.inbox import answered_month_bounds as answered_month_bounds
from secretariat.cases.selectors.inbox import case_inbox as case_inbox
from secretariat.cases.selectors.inbox import case_inbox_count as case_inbox_count
from secretariat.cases.selectors.inbox import case_inbox_count_by_agency as case_inbox_count_by_agency
from secretariat.cases.selectors.inbox import case_inbox_page as case_inbox_page
from secretariat.cases.selectors.inbox import case_on_time_count as case_on_time_count
from secretariat.cases.selectors.inbox import inbox_cursor as inbox_cursor
from secretariat.cases.selectors.inbox import inbox_cursor_parse as inbox_cursor_parse
from secretariat.cases.selectors.scope import ACTIVE_STATUSES as ACTIVE_STATUSES
from secretariat.cases.selectors.scope import DUE_SOON_WORKING_DAYS as DUE_SOON_WORKING_DAYS
from secretariat.cases.selectors.scope import case_read_in_full_q as case_read_in_full_q
from secretariat.cases.selectors.scope import case_redacted as case_redacted
from secretariat.cases.selectors.scope import case_title_for as case_title_for
from secretariat.cases.selectors.scope import case_title_unaddressed as case_title_unaddressed
from secretariat.cases.selectors.scope import due_soon_limit as due_soon_limit
from secretariat.cases.selectors.scope import visible_cases as visible_cases
from secretariat.cases.selectors.scope import with_due_state as with_due_state
from secretariat.core.actors import Actor, Viewer
from secretariat.core.errors import NotFound


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


