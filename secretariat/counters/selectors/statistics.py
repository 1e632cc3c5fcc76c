"""The counter's statistics in the seed's shape (壹、六、（一）): months as columns plus a total column,
a first row that sums the categories (合計), then one row per category.

`MonthRange` is any run of whole months (a ROC half-year by default, at most ten years); `MonthTable`
is the shape the page, the downloads, the API and the work report all read. Consultation statistics
(counters_b) build the same `MonthTable`, so they share the downloads and the chart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from secretariat.core.errors import ValidationFailed
from secretariat.core.roc import ROC_OFFSET, Period
from secretariat.counters.models import EnquiryCategory, HelpKind
from secretariat.counters.selectors import enquiries as selectors

MAX_MONTHS = 120  # ten years


def current_period() -> Period:
    """The half-year containing today (Asia/Taipei): what the statistics show first."""
    return Period.containing(timezone.localdate())
MonthKey = tuple[int, int]
_MONTH = re.compile(r"^\s*(\d{1,4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?\s*$")


def parse_month(text: str) -> MonthKey:
    """`2023-07` (a month input), `112/07`, `112-7` or `112年7月` → (2023, 7). Years under 1000 are ROC."""
    match = _MONTH.match(text or "")
    if not match:
        raise ValidationFailed(gettext_lazy("“%(text)s” is not a month such as 112/07."), code="invalid_month",
                               params={"text": text[:20]})
    year, month = int(match.group(1)), int(match.group(2))
    year = year + ROC_OFFSET if year < 1000 else year
    if not 1 <= month <= 12 or not ROC_OFFSET < year < dt.MAXYEAR:  # a range must end before the calendar does
        raise ValidationFailed(gettext_lazy("“%(text)s” is not a month such as 112/07."), code="invalid_month",
                               params={"text": text[:20]})
    return year, month


def month_label(key: MonthKey) -> str:
    """`112年7月`: the report's column heading, whatever the UI language."""
    return f"{key[0] - ROC_OFFSET}年{key[1]}月"


@dataclass(frozen=True)
class MonthRange:
    first: MonthKey
    last: MonthKey

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValidationFailed(gettext_lazy("The last month comes before the first."), code="invalid_range")
        if len(self.months) > MAX_MONTHS:
            raise ValidationFailed(gettext_lazy("Choose at most %(count)s months."), code="range_too_long",
                                   params={"count": MAX_MONTHS})

    @classmethod
    def of_period(cls, period: Period) -> MonthRange:
        months = period.months
        return cls(months[0], months[-1])

    @classmethod
    def parse(cls, *, period: str = "", first: str = "", last: str = "", default: Period) -> MonthRange:
        """A month range from the request: `first`–`last` when both are given, else the half-year `period`
        (`112H2` or `112年下半年`), else `default`."""
        if first.strip() and last.strip():
            return cls(parse_month(first), parse_month(last))
        if first.strip() or last.strip():
            raise ValidationFailed(gettext_lazy("Give both the first and the last month."), code="invalid_range")
        return cls.of_period(Period.parse(period) if period.strip() else default)

    @property
    def months(self) -> list[MonthKey]:
        count = (self.last[0] - self.first[0]) * 12 + self.last[1] - self.first[1] + 1
        return [(self.first[0] + (self.first[1] - 1 + step) // 12, (self.first[1] - 1 + step) % 12 + 1)
                for step in range(max(0, count))]

    @property
    def start(self) -> dt.date:
        return dt.date(self.first[0], self.first[1], 1)

    @property
    def end(self) -> dt.date:
        year, month = self.last
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)

    @property
    def period(self) -> Period | None:
        """The half-year this range is exactly, if it is one."""
        candidate = Period.containing(self.start)
        return candidate if MonthRange.of_period(candidate) == self else None

    @property
    def label(self) -> str:
        """`112年下半年` for a half-year, else `112年7月至113年3月`."""
        period = self.period
        return period.label if period else f"{month_label(self.first)}至{month_label(self.last)}"

    @property
    def first_text(self) -> str:
        return f"{self.first[0]:04d}-{self.first[1]:02d}"

    @property
    def last_text(self) -> str:
        return f"{self.last[0]:04d}-{self.last[1]:02d}"


@dataclass(frozen=True)
class TableRow:
    key: str
    label: str
    cells: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.cells)


@dataclass(frozen=True)
class MonthTable:
    """A month-columns table: `summary` (合計) sums `rows`; each row's `total` is its 總計 column."""

    key: str
    title: str
    months: tuple[MonthKey, ...]
    summary: TableRow
    rows: tuple[TableRow, ...]

    @property
    def month_labels(self) -> list[str]:
        return [month_label(key) for key in self.months]

    @property
    def all_rows(self) -> tuple[TableRow, ...]:
        return (self.summary, *self.rows)


def month_table(*, key: str, title: str, months: Sequence[MonthKey], rows: Sequence[tuple[str, str, Sequence[int]]],
                summary_label: str) -> MonthTable:
    """Build a table from (key, label, counts by month) rows; the 合計 row is their column sums."""
    built = tuple(TableRow(key=row_key, label=label, cells=tuple(cells)) for row_key, label, cells in rows)
    sums = tuple(sum(row.cells[index] for row in built) for index in range(len(months)))
    return MonthTable(key=key, title=title, months=tuple(months), rows=built,
                      summary=TableRow(key="all", label=summary_label, cells=sums))


def category_label_zh(category: EnquiryCategory) -> str:
    return category.name


def category_label_ui(category: EnquiryCategory) -> str:
    """The category as the UI shows it: its English name in English when there is one."""
    english = (get_language() or "").startswith("en")
    return category.name_en if english and category.name_en else category.name


def enquiry_table(months: MonthRange, *, label: Callable[[EnquiryCategory], str] = category_label_ui,
                  title: str = "", summary_label: str = "") -> MonthTable:
    """Counted enquiries of the range by month and category (one GROUP BY)."""
    counts = selectors.enquiry_counts(start=months.start, end=months.end)
    keys = months.months
    categories = selectors.categories_for_table(used_ids={category_id for _month, category_id in counts})
    rows = [(category.code, label(category), [counts.get((key, category.pk), 0) for key in keys])
            for category in categories]
    return month_table(key="enquiries", title=title or _("Counter enquiries by category"), months=keys, rows=rows,
                       summary_label=summary_label or _("All categories"))


HELP_LABELS_ZH: dict[str, str] = {HelpKind.INDIVIDUAL: "協處市民個別陳情", HelpKind.COLLECTIVE: "協處民眾集體陳情"}


def help_label_ui(kind: str) -> str:
    return {HelpKind.INDIVIDUAL: _("Individual petitions helped"),
            HelpKind.COLLECTIVE: _("Collective petitions helped")}[HelpKind(kind)]


def help_table(months: MonthRange, *, label: Callable[[str], str] = help_label_ui, title: str = "",
               summary_label: str = "") -> MonthTable:
    """Petition help of the range by month, individual then collective (one GROUP BY)."""
    counts = selectors.help_counts(start=months.start, end=months.end)
    keys = months.months
    rows = [(kind.value, label(kind.value), [counts.get((key, kind.value), 0) for key in keys])
            for kind in (HelpKind.INDIVIDUAL, HelpKind.COLLECTIVE)]
    return month_table(key="petition_help", title=title or _("Petition help at the counter"), months=keys,
                       rows=rows, summary_label=summary_label or _("All categories"))
