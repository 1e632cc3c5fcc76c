"""The dashboard's monthly charts: which tables of the period's report are monthly series (the drawing is
core.charts').

Any table of any section whose columns include months (`7月`, `112年7月`) is a monthly series: each row
is a line, the 總計 row and column are left out. A section added later gets its chart without a change
here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from secretariat.core import charts
from secretariat.reporting.report.composer import Report
from secretariat.reporting.report.render.text import cell_text, path_label
from secretariat.reporting.report.sections import Figure, Table

MONTH = re.compile(r"^(?:\d{2,3}年)?(\d{1,2})月(?:份)?$")
TOTAL_WORDS = ("總計", "合計", "小計")


@dataclass(frozen=True)
class MonthlyChart:
    place: str  # the section's path in the report, 壹、一、(二)
    title: str  # the table's caption, or the place when it has none
    chart: charts.Chart


def _number(cell: object) -> float | None:
    value = cell.value if isinstance(cell, Figure) else cell
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return float(value)
    return None


def _series(table: Table, month_columns: list[int]) -> list[charts.Series]:
    """A series per row that has a number in every month column; total rows and text rows are skipped."""
    series: list[charts.Series] = []
    for row in table.rows:
        name = cell_text(row[0]).strip()
        if not name or name.replace(" ", "") in TOTAL_WORDS:
            continue
        values = [_number(row[index]) for index in month_columns]
        if any(value is None for value in values):
            continue
        series.append(charts.Series(name=name, values=tuple(value or 0.0 for value in values)))
    return series


def _chart(place: str, table: Table) -> MonthlyChart | None:
    month_columns = [index for index, column in enumerate(table.columns) if MONTH.match(column.heading.strip())]
    if len(month_columns) < 2:
        return None
    series = _series(table, month_columns)
    if not series:
        return None
    title = table.caption or place
    months = [table.columns[index].heading for index in month_columns]
    return MonthlyChart(place=place, title=title, chart=charts.month_chart(title=title, months=months, lines=series))


def monthly_charts(report: Report) -> list[MonthlyChart]:
    found: list[MonthlyChart] = []
    for node in report.walk():
        for block in node.blocks:
            if isinstance(block, Table) and (chart := _chart(path_label(node), block)) is not None:
                found.append(chart)
    return found
