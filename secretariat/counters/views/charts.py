"""A monthly trend chart of a month-columns table, drawn server side as inline SVG (no script, no CDN):
bars for the 合計 row, one line per category over them. The template only places what is computed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from secretariat.counters.selectors.statistics import MonthTable

WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 720, 260, 40, 16, 24, 36
# Colour classes (static/counters/counter.css); categories beyond these reuse them in turn.
SERIES_CLASSES = ("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8")
TICKS = 4


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    label: str
    label_x: float


@dataclass(frozen=True)
class Line:
    label: str
    css: str
    points: str  # "x,y x,y …" for <polyline>
    total: int


@dataclass(frozen=True)
class Tick:
    y: float
    value: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: int
    base: int
    bars: tuple[Bar, ...]
    lines: tuple[Line, ...]
    ticks: tuple[Tick, ...]
    label_every: int  # with many months, only every n-th month is labelled


def _nice_step(value: float) -> int:
    """The smallest 1, 2 or 5 × 10^n at or above `value` (at least 1): an axis step people read easily."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def trend_chart(table: MonthTable) -> Chart:
    count = max(1, len(table.months))
    step = _nice_step(max((*table.summary.cells, 1)) / TICKS)
    top = step * -(-max((*table.summary.cells, 1)) // step)  # the axis ends on the step after the highest bar
    plot_width = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_height = HEIGHT - PAD_TOP - PAD_BOTTOM
    base = HEIGHT - PAD_BOTTOM
    slot = plot_width / count

    def y_of(value: int) -> float:
        return round(base - plot_height * value / top, 1)

    bars = []
    for index, (value, label) in enumerate(zip(table.summary.cells, table.month_labels, strict=True)):
        x = PAD_LEFT + index * slot
        bars.append(Bar(x=round(x + slot * 0.15, 1), y=y_of(value), width=round(slot * 0.7, 1),
                        height=round(base - y_of(value), 1), value=value, label=label,
                        label_x=round(x + slot / 2, 1)))
    lines = tuple(
        Line(label=row.label, css=SERIES_CLASSES[index % len(SERIES_CLASSES)], total=row.total,
             points=" ".join(f"{round(PAD_LEFT + (position + 0.5) * slot, 1)},{y_of(value)}"
                             for position, value in enumerate(row.cells)))
        for index, row in enumerate(table.rows))
    ticks = tuple(Tick(y=y_of(value), value=value) for value in range(0, top + 1, step))
    return Chart(width=WIDTH, height=HEIGHT, left=PAD_LEFT, right=WIDTH - PAD_RIGHT, base=base, bars=tuple(bars),
                 lines=lines, ticks=ticks, label_every=max(1, -(-count // 12)))
