"""Flood limits on public forms: how many of something one client address may send in a window of time.

What is counted (submissions, bookings, …), the limit and the refusal belong to the caller; this module only
says whether the limit is reached and how long the client must wait.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.db.models import QuerySet

HOUR = dt.timedelta(hours=1)


def minutes_until(moment: dt.datetime, now: dt.datetime) -> int:
    """Whole minutes from `now` to `moment`, rounded up and never 0: a refusal never says "try in 0 minutes"."""
    return max(1, math.ceil((moment - now).total_seconds() / 60))


def flood_wait(rows: QuerySet[Any], *, stamp: str, limit: int, now: dt.datetime,
               window: dt.timedelta = HOUR) -> int | None:
    """None while fewer than `limit` of `rows` (already narrowed to one client) have their `stamp` within
    `window` before `now`; otherwise the minutes until the oldest of them leaves the window."""
    recent = list(rows.filter(**{f"{stamp}__gte": now - window}).order_by(stamp)
                  .values_list(stamp, flat=True)[:limit])
    if len(recent) < limit:
        return None
    return minutes_until(recent[0] + window, now)
