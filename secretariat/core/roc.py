"""ROC (Minguo) calendar dates and half-year reporting periods.

ROC year = Gregorian year − 1911. Official documents write `中華民國112年7月1日`, tables `112/07/01`;
the work report covers half-years written `112年上半年` / `112年下半年` with the codes `112H1` / `112H2`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import ValidationFailed

ROC_OFFSET = 1911
LAST_ROC_YEAR = dt.MAXYEAR - ROC_OFFSET  # 8088: 9999

_SLASH = re.compile(r"^\s*(\d{1,3})[/.-](\d{1,2})[/.-](\d{1,2})\s*$")
_WORDS = re.compile(r"^\s*(?:(?:中華)?民國)?\s*(\d{1,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_PERIOD_CODE = re.compile(r"^\s*(\d{1,3})\s*[Hh]\s*([12])\s*$")
_PERIOD_WORDS = re.compile(r"^\s*(\d{1,3})\s*年\s*(上|下)半年\s*$")


def roc_year(day: dt.date) -> int:
    """The ROC year of a date. Dates before 1912 have no ROC year and are refused."""
    if day.year <= ROC_OFFSET:
        raise ValidationFailed(_("Dates before 1912 have no ROC year."), code="date_out_of_range")
    return day.year - ROC_OFFSET


def format_long(day: dt.date) -> str:
    """`中華民國112年7月1日`, the form official documents use."""
    return f"中華民國{roc_year(day)}年{day.month}月{day.day}日"


def format_words(day: dt.date) -> str:
    """`112年7月1日`."""
    return f"{roc_year(day)}年{day.month}月{day.day}日"


def format_slash(day: dt.date) -> str:
    """`112/07/01`; the year is padded to three digits from ROC 100 on and left as is before."""
    return f"{roc_year(day):03d}/{day.month:02d}/{day.day:02d}"


def parse(text: str) -> dt.date:
    """Read `112/07/01`, `112.7.1`, `112年7月1日` or `中華民國112年7月1日` back to a date."""
    match = _SLASH.match(text) or _WORDS.match(text)
    if not match:
        raise ValidationFailed(
            _("“%(text)s” is not an ROC date such as 112/07/01 or 112年7月1日."),
            code="invalid_roc_date",
            params={"text": text},
        )
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year + ROC_OFFSET, month, day)
    except ValueError:
        raise ValidationFailed(
            _("“%(text)s” is not a day of the calendar."), code="invalid_roc_date", params={"text": text}
        ) from None


@dataclass(frozen=True, order=True)
class Period:
    """A half-year reporting period: ROC year plus half (1 = January–June, 2 = July–December)."""

    year: int
    half: int

    def __post_init__(self) -> None:
        if self.half not in (1, 2) or not 1 <= self.year <= LAST_ROC_YEAR:
            raise ValidationFailed(_("A period is a year and a half (1 or 2)."), code="invalid_period")

    @classmethod
    def parse(cls, text: str) -> Period:
        """Accept `112H2`, `112h2` or `112年下半年`."""
        if match := _PERIOD_CODE.match(text or ""):
            return cls(int(match.group(1)), int(match.group(2)))
        if match := _PERIOD_WORDS.match(text or ""):
            return cls(int(match.group(1)), 1 if match.group(2) == "上" else 2)
        raise ValidationFailed(
            _("“%(text)s” is not a period; write it as 112H2 or 112年下半年."),
            code="invalid_period",
            params={"text": text},
        )

    @classmethod
    def containing(cls, day: dt.date) -> Period:
        return cls(roc_year(day), 1 if day.month <= 6 else 2)

    @property
    def code(self) -> str:
        return f"{self.year}H{self.half}"

    @property
    def label(self) -> str:
        """`112年下半年` — the label the report prints, whatever the UI language."""
        return f"{self.year}年{'上' if self.half == 1 else '下'}半年"

    @property
    def label_en(self) -> str:
        return f"{self.year + ROC_OFFSET} {'first' if self.half == 1 else 'second'} half"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year + ROC_OFFSET, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the period (inclusive)."""
        gregorian = self.year + ROC_OFFSET
        return dt.date(gregorian, 6, 30) if self.half == 1 else dt.date(gregorian, 12, 31)

    @property
    def span_words(self) -> str:
        """`112年7月1日至112年12月31日` — how the report says which days a figure counts."""
        return f"{format_words(self.start)}至{format_words(self.end)}"

    @property
    def months(self) -> list[tuple[int, int]]:
        """(Gregorian year, month) for each of the six months, in order — the report's columns."""
        first = 1 if self.half == 1 else 7
        return [(self.year + ROC_OFFSET, month) for month in range(first, first + 6)]

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> Period:
        """The half-year before; refused (`date_out_of_range`) for 1H1, the first there is."""
        if (self.year, self.half) == (1, 1):
            raise ValidationFailed(_("%(period)s is the first period of the ROC calendar; there is none before it."),
                                   code="date_out_of_range", params={"period": self.code})
        return Period(self.year, 1) if self.half == 2 else Period(self.year - 1, 2)

    def next(self) -> Period:
        """The half-year after; refused (`date_out_of_range`) for the last the calendar holds."""
        if (self.year, self.half) == (LAST_ROC_YEAR, 2):
            raise ValidationFailed(_("%(period)s is the last period the calendar holds; there is none after it."),
                                   code="date_out_of_range", params={"period": self.code})
        return Period(self.year, 2) if self.half == 1 else Period(self.year + 1, 1)

    def __str__(self) -> str:
        return self.code
