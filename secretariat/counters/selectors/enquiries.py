"""Reads for the counter's enquiry tally and its petition help: who may use them, whether the counter
is open, the running counts beside the tally buttons, and month × category counts for statistics.

Every count is one GROUP BY in the database: enquiries are read from their daily summary (kept in step
with every tally and undo), petition help from its records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Min, Q, QuerySet, Sum
from django.db.models.functions import ExtractMonth, ExtractYear

from secretariat.core.actors import Actor, Viewer
from secretariat.counters.access.enquiries import counter_open_on as counter_open_on
from secretariat.counters.access.enquiries import may_record as may_record
from secretariat.counters.access.enquiries import may_view_statistics as may_view_statistics
from secretariat.counters.models import Enquiry, EnquiryCategory, EnquiryDay, HelpKind, PetitionHelp

HELP_PAGE = 50


def category_list(*, include_inactive: bool = False) -> QuerySet[EnquiryCategory]:
    rows = EnquiryCategory.objects.all()
    return rows if include_inactive else rows.filter(is_active=True)


def counted() -> QuerySet[Enquiry]:
    """Enquiries that count: those not undone."""
    return Enquiry.objects.filter(cancelled_at__isnull=True)


def first_enquiry_day() -> dt.date | None:
    """The day of the earliest enquiry that counts, or None before the first one."""
    first: dt.date | None = counted().aggregate(first=Min("recorded_on"))["first"]
    return first


@dataclass(frozen=True)
class TallyCount:
    category: EnquiryCategory
    today: int
    month: int


@dataclass(frozen=True)
class TallyBoard:
    day: dt.date
    rows: list[TallyCount]

    @property
    def today_total(self) -> int:
        return sum(row.today for row in self.rows)

    @property
    def month_total(self) -> int:
        return sum(row.month for row in self.rows)


def tally_board(*, day: dt.date) -> TallyBoard:
    """The day's and the month's counts per active category (the month up to and including `day`),
    read from the daily summary."""
    grouped = (EnquiryDay.objects.filter(day__gte=day.replace(day=1), day__lte=day)
               .values("category_id")
               .annotate(month=Sum("count"), today=Sum("count", filter=Q(day=day))))
    by_category: dict[int, tuple[int, int]] = {row["category_id"]: (row["today"] or 0, row["month"] or 0)
                                               for row in grouped}
    rows = [TallyCount(category=category, today=by_category.get(category.pk, (0, 0))[0],
                       month=by_category.get(category.pk, (0, 0))[1])
            for category in category_list()]
    return TallyBoard(day=day, rows=rows)


def enquiries_today_count(*, day: dt.date) -> int:
    """The day's enquiries at the desk in the active categories, as the counter screen's "today" total adds
    them up: one SUM over the daily summary."""
    total = EnquiryDay.objects.filter(day=day, category__is_active=True).aggregate(total=Sum("count"))["total"]
    return int(total or 0)


def last_entry_of(*, user: Actor | Viewer, day: dt.date) -> Enquiry | None:
    """The clerk's own latest counted entry of `day`: what undo would take back."""
    return (counted().filter(recorded_by_id=user.pk, recorded_on=day).select_related("category")
            .order_by("-recorded_at", "-pk").first())


def recent_entries_of(*, user: Actor | Viewer, day: dt.date, limit: int = 8) -> list[Enquiry]:
    """The clerk's latest entries of `day`, undone ones included (marked), newest first."""
    return list(Enquiry.objects.filter(recorded_by_id=user.pk, recorded_on=day).select_related("category")
                .order_by("-recorded_at", "-pk")[:limit])


MonthKey = tuple[int, int]


def enquiry_counts(*, start: dt.date, end: dt.date) -> dict[tuple[MonthKey, int], int]:
    """Counted enquiries of [start, end] by (year, month) and category id: one GROUP BY over the daily
    summary (ten years are ~15,000 summary rows whatever the number of clicks)."""
    rows = (EnquiryDay.objects.filter(day__gte=start, day__lte=end)
            .annotate(year=ExtractYear("day"), month=ExtractMonth("day"))
            .values("year", "month", "category_id").annotate(count=Sum("count")).order_by())
    return {((row["year"], row["month"]), row["category_id"]): int(row["count"] or 0) for row in rows if row["count"]}


def enquiry_counts_from_records(*, start: dt.date, end: dt.date) -> dict[tuple[MonthKey, int], int]:
    """The same counts computed from the enquiries themselves (one GROUP BY over the partial index): what
    the summary must always equal; the tests and `enquiry_days_rebuild` hold it to that."""
    rows = (counted().filter(recorded_on__gte=start, recorded_on__lte=end)
            .annotate(year=ExtractYear("recorded_on"), month=ExtractMonth("recorded_on"))
            .values("year", "month", "category_id").annotate(count=Count("id")).order_by())
    return {((row["year"], row["month"]), row["category_id"]): row["count"] for row in rows}


def help_counts(*, start: dt.date, end: dt.date) -> dict[tuple[MonthKey, str], int]:
    """Petition help of [start, end] by (year, month) and kind: one GROUP BY."""
    rows = (PetitionHelp.objects.filter(helped_on__gte=start, helped_on__lte=end)
            .annotate(year=ExtractYear("helped_on"), month=ExtractMonth("helped_on"))
            .values("year", "month", "kind").annotate(count=Count("id")).order_by())
    return {((row["year"], row["month"]), row["kind"]): row["count"] for row in rows}


def help_people(*, start: dt.date, end: dt.date) -> int:
    """How many people the help of [start, end] reached (a collective petition counts all its people)."""
    total = PetitionHelp.objects.filter(helped_on__gte=start, helped_on__lte=end).aggregate(people=Sum("people_count"))
    return int(total["people"] or 0)


def categories_for_table(*, used_ids: set[int]) -> list[EnquiryCategory]:
    """The active categories, plus inactive ones that still have counts in the range (a retired
    category's past enquiries stay in the table)."""
    return list(EnquiryCategory.objects.filter(Q(is_active=True) | Q(pk__in=used_ids)))


def petition_help_list(*, start: dt.date | None = None, end: dt.date | None = None, kind: str = "",
                       before: int | None = None, limit: int = HELP_PAGE) -> list[PetitionHelp]:
    """Petition help records, newest first, keyset-paginated on the id (`before`: the last id shown)."""
    rows = PetitionHelp.objects.select_related("recorded_by").order_by("-pk")
    if start is not None:
        rows = rows.filter(helped_on__gte=start)
    if end is not None:
        rows = rows.filter(helped_on__lte=end)
    if kind in HelpKind.values:
        rows = rows.filter(kind=kind)
    if before is not None:
        rows = rows.filter(pk__lt=before)
    return list(rows[: max(1, min(limit, 200))])
