"""The site's one chart: bars and/or lines over month labels, drawn on the server as inline SVG.

This module computes the geometry; the partial `core/chart.html` places it, and colours come from CSS
classes in static/css/app.css (the Content-Security-Policy refuses inline `style`). matplotlib, which
DESIGN names, was measured and not taken: docs/decisions/0016-charts.md says why.

A chart has at most one bar series (a total, drawn light when lines run over it) and any number of line
series; the y axis starts at 0 and ends on a round step at or above the highest value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 720, 260
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 48, 16, 20, 36
TICKS = 4  # the axis gets about this many steps
PALETTE = 8  # colour classes s1 … s8 in app.css; further series reuse them in turn
LABELLED_MONTHS = 12  # with more months, only every n-th month is labelled so labels do not overlap
BAR_SHARE = 0.7  # of a month's slot; the rest is the gap between bars


@dataclass(frozen=True)
class Series:
    """One named row of numbers, a value per month. `total` is what the legend prints (a table's 總計
    column, which may differ from the sum); the sum of the values when not given."""

    name: str
    values: Sequence[float]
    total: float | None = None


@dataclass(frozen=True)
class Tick:
    y: float
    value: float
    text: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    centre: float
    value: float
    text: str
    text_y: float  # the value's baseline, just over the bar
    tooltip: str


@dataclass(frozen=True)
class Line:
    name: str
    css: str
    points: str  # "x,y x,y …" for <polyline>


@dataclass(frozen=True)
class Label:
    x: float
    text: str


@dataclass(frozen=True)
class LegendEntry:
    css: str
    name: str
    total: str


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    lines: tuple[Line, ...]
    ticks: tuple[Tick, ...]
    labels: tuple[Label, ...]
    legend: tuple[LegendEntry, ...]
    value_labels: bool  # numbers over the bars: only when no line crosses them and they fit
    width: int = WIDTH
    height: int = HEIGHT
    left: int = PAD_LEFT
    right: int = WIDTH - PAD_RIGHT
    base: int = HEIGHT - PAD_BOTTOM
    tick_x: int = PAD_LEFT - 4
    label_y: int = HEIGHT - PAD_BOTTOM + 16

    @property
    def css(self) -> str:
        # Bars under lines are drawn light, so the lines stay readable (app.css `.chart.layered`).
        return "chart layered" if self.bars and self.lines else "chart"


def number_text(value: float) -> str:
    """1,234 for whole numbers; at most two decimals otherwise (12.5, 0.25)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def nice_step(raw: float, *, whole: bool) -> float:
    """The smallest 1, 2 or 5 × 10^n at or above `raw`: a step people read at a glance. `whole` keeps it at
    least 1, since a count axis reading 0.5 would be nonsense."""
    if not math.isfinite(raw) or raw <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(factor * power for factor in (1, 2, 5, 10) if factor * power >= raw * (1 - 1e-9))
    return max(step, 1.0) if whole else step


def axis(highest: float, *, whole: bool) -> tuple[float, ...]:
    """Tick values from 0 up to the first step at or above `highest`; an all-zero chart still gets 0 and 1
    step, so nothing is divided by zero."""
    step = nice_step(highest / TICKS, whole=whole)
    steps = max(1, math.ceil(highest / step - 1e-9))
    # round(): 0.1 × 3 is 0.30000000000000004 in floats; ten places hide that and keep every real step.
    return tuple(round(index * step, 10) for index in range(steps + 1))


def _colour(index: int) -> str:
    return f"s{index % PALETTE + 1}"


def _total(series: Series) -> str:
    return number_text(sum(series.values) if series.total is None else series.total)


def _legend(bars: Series | None, lines: Sequence[Series]) -> tuple[LegendEntry, ...]:
    """An entry per line with its total, the bars' first; a chart of bars alone needs none (its heading names
    it). The bars are the lines' sum, so their entry names them only: "合計 (合計 736)" would say it twice."""
    if not lines:
        return ()
    entries = [LegendEntry(css="bars", name=bars.name, total="")] if bars else []
    entries += [LegendEntry(css=_colour(index), name=line.name, total=_total(line)) for index, line in enumerate(lines)]
    return tuple(entries)


def _check(months: Sequence[str], series: Sequence[Series]) -> None:
    for one in series:
        if len(one.values) != len(months):
            raise ValueError(f"series {one.name!r} has {len(one.values)} values for {len(months)} months")


@dataclass(frozen=True)
class _Plot:
    """Where things land: a value's y from 0 at the base line up to `top` at PAD_TOP (below 0 stays on the
    base line: every chart here counts things), a month's x at the centre of its slot."""

    top: float
    slot: float

    def y(self, value: float) -> float:
        return round(HEIGHT - PAD_BOTTOM - (HEIGHT - PAD_TOP - PAD_BOTTOM) * max(float(value), 0.0) / self.top, 1)

    def x(self, index: int) -> float:
        return round(PAD_LEFT + (index + 0.5) * self.slot, 1)


def _bars(plot: _Plot, months: Sequence[str], bars: Series | None) -> tuple[Bar, ...]:
    if bars is None:
        return ()
    width, base = plot.slot * BAR_SHARE, HEIGHT - PAD_BOTTOM
    return tuple(
        Bar(x=round(plot.x(index) - width / 2, 1), y=plot.y(value), width=round(width, 1),
            height=round(base - plot.y(value), 1), centre=plot.x(index), value=value, text=number_text(value),
            text_y=round(plot.y(value) - 4, 1), tooltip=f"{month}: {number_text(value)}")
        for index, (month, value) in enumerate(zip(months, bars.values, strict=True)))


def _lines(plot: _Plot, lines: Sequence[Series]) -> tuple[Line, ...]:
    return tuple(
        Line(name=line.name, css=_colour(number),
             points=" ".join(f"{plot.x(index)},{plot.y(value)}" for index, value in enumerate(line.values)))
        for number, line in enumerate(lines))


def month_chart(*, title: str, months: Sequence[str], bars: Series | None = None,
                lines: Sequence[Series] = ()) -> Chart:
    """The geometry of a chart over `months`: bars (if any), a line per series, ticks, labels, legend."""
    everything = [*([bars] if bars else []), *lines]
    _check(months, everything)
    values = [float(value) for one in everything for value in one.values]
    ticks = axis(max((*values, 0.0)), whole=all(value.is_integer() for value in values))
    plot = _Plot(top=ticks[-1], slot=(WIDTH - PAD_LEFT - PAD_RIGHT) / max(1, len(months)))
    drawn_bars = _bars(plot, months, bars)
    every = max(1, math.ceil(len(months) / LABELLED_MONTHS))
    return Chart(
        title=title, bars=drawn_bars, lines=_lines(plot, lines),
        ticks=tuple(Tick(y=plot.y(value), value=value, text=number_text(value)) for value in ticks),
        labels=tuple(Label(x=plot.x(index), text=month) for index, month in enumerate(months) if index % every == 0),
        legend=_legend(bars, lines), value_labels=bool(drawn_bars) and not lines and len(months) <= LABELLED_MONTHS)
