"""The dashboard's monthly charts, drawn on the server as inline SVG (no script, no chart library).

Any table of any section whose columns include months (`7月`, `112年7月`) is a monthly series: each row
is a line, the 總計 row and column are left out. A section added later gets its chart without a change
here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from secretariat.reporting.report.composer import Report
from secretariat.reporting.report.render.text import cell_text, path_label
from secretariat.reporting.report.sections import Figure, Table

MONTH = re.compile(r"^(?:\d{2,3}年)?(\d{1,2})月(?:份)?$")
TOTAL_WORDS = ("總計", "合計", "小計")
WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 560, 240, 56, 28, 12
COLOURS = ("#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b7950b")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    place: str
    title: str
    months: tuple[str, ...]
    series: tuple[Series, ...]

    @property
    def maximum(self) -> float:
        return max((value for line in self.series for value in line.values), default=0.0)


def _number(cell: object) -> float | None:
    value = cell.value if isinstance(cell, Figure) else cell
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return float(value)
    return None


def _chart(place: str, table: Table) -> Chart | None:
    month_columns = [index for index, column in enumerate(table.columns) if MONTH.match(column.heading.strip())]
    if len(month_columns) < 2:
        return None
    series: list[Series] = []
    for row in table.rows:
        name = cell_text(row[0]).strip()
        if not name or name.replace(" ", "") in TOTAL_WORDS:
            continue
        values = [_number(row[index]) for index in month_columns]
        if any(value is None for value in values):
            continue
        series.append(Series(name=name, values=tuple(value or 0.0 for value in values)))
    if not series:
        return None
    return Chart(place=place, title=table.caption or place,
                 months=tuple(table.columns[index].heading for index in month_columns), series=tuple(series))


def monthly_charts(report: Report) -> list[Chart]:
    charts: list[Chart] = []
    for node in report.walk():
        for block in node.blocks:
            if isinstance(block, Table) and (chart := _chart(path_label(node), block)) is not None:
                charts.append(chart)
    return charts


def _scale(chart: Chart) -> float:
    top = chart.maximum or 1.0
    return (HEIGHT - PAD_BOTTOM - PAD_TOP) / top


def svg(chart: Chart) -> SafeString:
    """The chart as an accessible SVG: a line per series, month labels, the maximum on the axis."""
    step = (WIDTH - PAD_LEFT - 16) / max(1, len(chart.months) - 1)
    scale = _scale(chart)
    base = HEIGHT - PAD_BOTTOM

    def point(index: int, value: float) -> str:
        return f"{PAD_LEFT + index * step:.1f},{base - value * scale:.1f}"

    lines = format_html_join("", '<polyline fill="none" stroke="{}" stroke-width="2" points="{}"><title>{}</title>'
                             "</polyline>", ((COLOURS[number % len(COLOURS)],
                                              " ".join(point(i, v) for i, v in enumerate(line.values)), line.name)
                                             for number, line in enumerate(chart.series)))
    labels = format_html_join("", '<text x="{}" y="{}" text-anchor="middle" font-size="12">{}</text>',
                              ((f"{PAD_LEFT + i * step:.1f}", HEIGHT - 8, month)
                               for i, month in enumerate(chart.months)))
    maximum = f"{chart.maximum:,.0f}"
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img" aria-label="{title}" '
        'class="chart"><title>{title}</title>'
        '<line x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="#888"/>'
        '<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="#888"/>'
        '<text x="{tx}" y="{ty}" text-anchor="end" font-size="11">{maximum}</text>'
        '<text x="{tx}" y="{base}" text-anchor="end" font-size="11">0</text>{lines}{labels}</svg>',
        w=WIDTH, h=HEIGHT, title=chart.title, left=PAD_LEFT, top=PAD_TOP, base=base, right=WIDTH - 8,
        tx=PAD_LEFT - 6, ty=PAD_TOP + 10, maximum=maximum, lines=lines, labels=labels)


def legend(chart: Chart) -> list[tuple[str, str, str]]:
    """(colour, name, the series' total) for the chart's legend."""
    return [(COLOURS[number % len(COLOURS)], line.name, f"{sum(line.values):,.0f}")
            for number, line in enumerate(chart.series)]
