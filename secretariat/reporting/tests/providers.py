"""Throwaway sections for the reporting tests: a table with months as columns and 總計 (like the
counters' tables), registered at 壹、六、（一）, with figures that link to their records."""

from __future__ import annotations

from secretariat.core.roc import Period
from secretariat.reporting.report.sections import Column, Figure, Paragraph, Section, Table

COUNTERS = ("壹", "六", "一")
MONTHS = ("7月", "8月", "9月", "10月", "11月", "12月")
# Different per period, so the comparison has something to compare.
VOLUMES = {"112H2": ((40, 50, 60, 55, 45, 30), (10, 12, 8, 9, 11, 10)),
           "112H1": ((30, 30, 30, 30, 30, 30), (10, 10, 10, 10, 10, 10))}


def counters_section(period: Period) -> Section:
    tax, land = VOLUMES.get(period.code, ((0,) * 6, (0,) * 6))
    total = sum(tax) + sum(land)
    figure = Figure.count(total, label="綜合諮詢件數", query="counter enquiries received in the period",
                          period=period.code, link=f"/counters/enquiries/?period={period.code}")
    rows = tuple((name, *values, sum(values)) for name, values in (("稅務", tax), ("地政", land)))
    totals: tuple[str | int, ...] = ("總計", *(a + b for a, b in zip(tax, land, strict=True)), total)
    columns = (Column("類別"), *(Column(month, numeric=True) for month in MONTHS), Column("總計", numeric=True))
    table = Table(caption="綜合諮詢服務統計表", columns=columns, rows=(*rows, totals),
                  source="counter enquiries by month", record_count=total)
    return Section(outline=COUNTERS, blocks=(Paragraph(("本期綜合諮詢計", figure, "件，詳如下表：")), table))
