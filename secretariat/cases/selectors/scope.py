"""Who reads what of a case, and which cases someone may see at all: the rules every read of cases applies.

Whoever shows a case — page, API, search, export, dashboard, notification — takes its subject from
`case_title_for(user, case)` and filters subjects with `case_read_in_full_q(user)`: a confidential case
reads 「密件」 outside its confidential readers.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Case as Choose
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone

from secretariat.accounts.access import agency_scope_ids
from secretariat.cases.access import read_in_full_q, reads_in_full
from secretariat.cases.constants import CONFIDENTIAL_TITLE
from secretariat.cases.models import OPEN_STATUSES, RUNNING_STATUSES, Case, CaseStatus
from secretariat.core.actors import Actor, Viewer
from secretariat.core.calendar import CalendarOutOfRange, work_calendar

DUE_SOON_WORKING_DAYS = 1
# What the inbox shows when no status is chosen: every case still waiting for someone — routing,
# an agency's answer, or the Secretariat's check of an answer.
ACTIVE_STATUSES = (*OPEN_STATUSES, CaseStatus.ANSWERED)


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


