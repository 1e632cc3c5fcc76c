"""Days counted from a day someone asked for.

Python's calendar holds 0001-01-01 to 9999-12-31 and no more: a step past either end is refused as
`date_out_of_range` on the field asked (a 400 from the API, the error page from a page), as /calendar/add
refuses a due date past 9999-12-31, never an OverflowError (a 500).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import ValidationFailed

AFTER_LAST = _("The result would fall after the last date the calendar can hold (9999-12-31).")
BEFORE_FIRST = _("The result would fall before the first date the calendar can hold (0001-01-01).")


def out_of_range(*, later: bool, field: str | None = None) -> ValidationFailed:
    """The refusal of a day past the calendar's last day (`later`) or before its first."""
    return ValidationFailed(AFTER_LAST if later else BEFORE_FIRST, code="date_out_of_range", field=field)


def days_after(day: dt.date, days: int, *, field: str | None = None) -> dt.date:
    """`day` plus `days` (minus, when negative), refused past either end of the calendar."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        raise out_of_range(later=days > 0, field=field) from None


def days_after_or_none(day: dt.date, days: int) -> dt.date | None:
    """The same for a link to the page before or after: None where the calendar ends."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def local_midnight(day: dt.date, *, field: str | None = None) -> dt.datetime:
    """The first moment of `day` in Taipei, refused when it has no UTC equivalent (the database's times are
    UTC, and 0001-01-01 00:00 in Taipei is still year 0 there)."""
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    try:
        moment.astimezone(dt.UTC)
    except OverflowError:
        raise out_of_range(later=False, field=field) from None
    return moment
