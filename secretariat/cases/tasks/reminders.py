"""The daily reminders: each agency's liaisons hear of their due-soon and overdue cases, and heads of
their overdue ones. One digest per agency, kind and day — a second run the same day sends nothing."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from secretariat.accounts.constants import Role
from secretariat.accounts.models import Agency, User
from secretariat.cases.models import Case, ReminderDigest, ReminderKind
from secretariat.cases.selectors import case_title_unaddressed, due_soon_cases, overdue_cases
from secretariat.core import roc
from secretariat.core.calendar import CalendarOutOfRange, work_calendar
from secretariat.notifications.services import notify

# The notification event of each reminder (declared in cases/apps.py).
EVENTS: dict[str, str] = {
    ReminderKind.DUE_SOON: "case.due_soon", ReminderKind.OVERDUE: "case.overdue",
    ReminderKind.ESCALATION: "case.overdue_head",
}
RECIPIENT_ROLES: dict[str, str] = {
    ReminderKind.DUE_SOON: Role.AGENCY_LIAISON,
    ReminderKind.OVERDUE: Role.AGENCY_LIAISON,
    ReminderKind.ESCALATION: Role.AGENCY_HEAD,
}


def _group(rows: list[Case]) -> dict[int, list[Case]]:
    grouped: dict[int, list[Case]] = defaultdict(list)
    for case in rows:
        if case.lead_agency_id is not None:
            grouped[case.lead_agency_id].append(case)
    return grouped


def reminders_send(*, today: dt.date | None = None) -> dict[str, int]:
    """Send today's digests. Does nothing on a day off. Returns how many digests of each kind went out."""
    today = today or timezone.localdate()
    try:
        if not work_calendar().is_working_day(today):
            return {}
    except CalendarOutOfRange:
        pass  # a missing calendar must not silence overdue warnings
    overdue = _group(list(overdue_cases(today=today).order_by("due_on")))
    batches = {
        ReminderKind.DUE_SOON: _group(list(due_soon_cases(today=today).order_by("due_on"))),
        ReminderKind.OVERDUE: overdue,
        ReminderKind.ESCALATION: overdue,
    }
    sent: dict[str, int] = {}
    for kind, by_agency in batches.items():
        for agency_id, cases in by_agency.items():
            if _send_digest(kind, Agency.objects.get(pk=agency_id), cases, today):
                sent[kind] = sent.get(kind, 0) + 1
    return sent


def _send_digest(kind: str, agency: Agency, cases: list[Case], today: dt.date) -> bool:
    recipients = list(User.objects.filter(agency=agency, role=RECIPIENT_ROLES[kind], is_active=True))
    try:
        with transaction.atomic():
            ReminderDigest.objects.create(agency=agency, kind=kind, sent_on=today, case_count=len(cases),
                                          recipients=[user.username for user in recipients])
            with translation.override("zh-hant"):
                body = _listing(cases)
            # One message per person and kind a day, listing the cases; the link opens the filtered inbox.
            notify(EVENTS[kind], to=recipients, params={"agency": agency.short_name, "count": len(cases)},
                   link=reverse("cases:inbox") + ("?due=soon" if kind == ReminderKind.DUE_SOON else "?due=overdue"),
                   body=body)
    except IntegrityError:
        return False  # already sent today
    return True


def _listing(cases: list[Case]) -> str:
    # A mail leaves the platform: a confidential subject reads 「密件」 even for the lead agency.
    return "\n".join(f"{case.reference}  {roc.format_slash(case.due_on) if case.due_on else '—'}  "
                     f"{case_title_unaddressed(case)}" for case in cases)
