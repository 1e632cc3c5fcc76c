"""The chart both halves of the comparison draw: one half-year (6 months), five categories with CJK names,
bars for their sum and a line per category (the counters' trend, the richest of the three pages' charts).

Plain data, no imports, so the matplotlib half can load it from a venv that has no Django.
"""

from __future__ import annotations

TITLE = "112年下半年 市民服務櫃檯 綜合諮詢件數"
MONTHS = ("112年7月", "112年8月", "112年9月", "112年10月", "112年11月", "112年12月")
SERIES = (
    ("稅務", (41, 38, 52, 47, 44, 39)),
    ("地政", (30, 35, 28, 33, 31, 36)),
    ("戶政", (22, 19, 25, 27, 18, 21)),
    ("社會福利", (15, 17, 12, 19, 16, 14)),
    ("其他<及>雜項", (9, 11, 8, 10, 7, 12)),  # markup characters: both halves must escape them
)
BAR_NAME = "合計"


def sums() -> tuple[int, ...]:
    """The bars: the month's total over the five categories."""
    return tuple(sum(values[index] for _, values in SERIES) for index in range(len(MONTHS)))
