"""Which half-years the period chooser offers: the recent ones whose report counts any record.

The apps' records are reached only through their report sections, so a period "has records" when its
composed report counts at least one; the answer is cached for a few minutes because composing takes a
few database queries per section.
"""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache
from django.utils import timezone

from secretariat.core.roc import Period
from secretariat.reporting.report.composer import report_compose

RECENT = 10  # five years of half-years
CACHE_SECONDS = 600


def recent_periods(today: dt.date | None = None, *, count: int = RECENT) -> list[Period]:
    """The period containing `today` and the ones before it, newest first."""
    period = Period.containing(today or timezone.localdate())
    found = [period]
    while len(found) < count:
        found.append(found[-1].previous())
    return found


def periods_with_records(today: dt.date | None = None) -> list[Period]:
    candidates = recent_periods(today)
    key = "reporting:periods:" + ",".join(period.code for period in candidates)
    codes = cache.get(key)
    if codes is None:
        codes = [period.code for period in candidates if report_compose(period=period, prose={}).has_records]
        cache.set(key, codes, CACHE_SECONDS)
    return [Period.parse(code) for code in codes]
