"""The month-columns table of 壹、六 as the report prints it: 類別, one column per month (`7月` — a
half-year lies within one year, as the seed's heading `112年` over the months says), 總計（件）; the 合計
row first. Every cell is a Figure over the records it counts."""

from __future__ import annotations

from secretariat.core.roc import Period
from secretariat.counters.selectors.statistics import MonthTable, month_label
from secretariat.reporting.report.sections import Cell, Column, Figure, Table

CORNER = "類別"
TOTAL_COLUMN = "總計（件）"


def report_table(table: MonthTable, *, period: Period, counted: str, unit: str) -> Table:
    """`counted` says in words which records the table counts; `unit` names what a cell counts (件數)."""
    def cell(value: int, what: str, month: str) -> Figure:
        return Figure.count(value, label=f"{month}{what}{unit}", query=f"{counted}，{what}，{month}",
                            period=period.code)

    rows: list[tuple[Cell, ...]] = []
    for row in table.all_rows:
        what = "各類別合計" if row.key == "all" else row.label
        months = [cell(value, what, month_label(key)) for value, key in zip(row.cells, table.months, strict=True)]
        rows.append((row.label, *months, cell(row.total, what, period.label)))
    columns = (Column(CORNER), *(Column(f"{month}月", numeric=True) for _year, month in table.months),
               Column(TOTAL_COLUMN, numeric=True))
    return Table(caption="", columns=columns, rows=tuple(rows), source=f"{counted}；依月份及類別分計",
                 record_count=table.summary.total)
