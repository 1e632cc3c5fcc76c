"""The one chart (core.charts and core/chart.html): its axis, its colours, its legend, and an SVG the CSP
accepts and a screen reader can name."""

import math
import re

import pytest
from django.template.loader import render_to_string
from hypothesis import given
from hypothesis import strategies as st

from secretariat.core import charts

MONTHS = ["7月", "8月", "9月", "10月", "11月", "12月"]


def render(chart: charts.Chart) -> str:
    return render_to_string("core/chart.html", {"chart": chart})


def numbers_in(svg: str) -> list[str]:
    return re.findall(r'(?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"', svg) + re.findall(r'points="([^"]*)"', svg)


@given(values=st.lists(st.integers(0, 10_000_000), min_size=1, max_size=30))
def test_the_axis_ends_on_the_first_round_step_at_or_above_the_highest_value(values: list[int]) -> None:
    chart = charts.month_chart(title="t", months=[str(index) for index in range(len(values))],
                               bars=charts.Series("t", values))
    ticks = [tick.value for tick in chart.ticks]
    step = ticks[1] - ticks[0]
    assert ticks[0] == 0
    assert ticks[-1] >= max(values)
    assert ticks[-1] - step < max(values) or ticks[-1] == step  # no empty step on top (an all-zero axis is 0–1)
    assert round(step / 10 ** math.floor(math.log10(step))) in (1, 2, 5)
    assert all(chart.base >= bar.y >= chart.ticks[-1].y for bar in chart.bars)


def test_a_count_axis_never_steps_by_a_fraction_but_a_decimal_one_does() -> None:
    counts = charts.month_chart(title="t", months=MONTHS[:2], bars=charts.Series("t", [1, 2]))
    shares = charts.month_chart(title="t", months=MONTHS[:2], lines=[charts.Series("t", [0.3, 0.7])])

    assert [tick.text for tick in counts.ticks] == ["0", "1", "2"]
    assert [tick.text for tick in shares.ticks] == ["0", "0.2", "0.4", "0.6", "0.8"]


def test_numbers_read_with_thousands_commas() -> None:
    chart = charts.month_chart(title="t", months=MONTHS[:2], bars=charts.Series("t", [1503, 12]))

    assert [tick.text for tick in chart.ticks] == ["0", "500", "1,000", "1,500", "2,000"]
    assert chart.bars[0].tooltip == "7月: 1,503"


def test_a_chart_of_zeros_or_of_no_months_draws_no_nan() -> None:
    zeros = charts.month_chart(title="t", months=MONTHS, bars=charts.Series("t", [0] * 6),
                               lines=[charts.Series("a", [0] * 6)])
    empty = charts.month_chart(title="t", months=[], bars=charts.Series("t", []))

    for chart in (zeros, empty):
        svg = render(chart)
        assert "nan" not in " ".join(numbers_in(svg)).lower()
        assert "inf" not in " ".join(numbers_in(svg)).lower()
    assert all(bar.height == 0 for bar in zeros.bars)


def test_series_colours_cycle_through_the_palette() -> None:
    lines = [charts.Series(f"r{index}", [index] * 2) for index in range(10)]
    chart = charts.month_chart(title="t", months=MONTHS[:2], lines=lines)

    assert [line.css for line in chart.lines] == ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s1", "s2"]
    assert [entry.css for entry in chart.legend] == [line.css for line in chart.lines]


def test_the_legend_puts_the_bars_first_and_gives_each_line_its_total() -> None:
    chart = charts.month_chart(title="t", months=MONTHS[:2], bars=charts.Series("合計", [3, 4]),
                               lines=[charts.Series("稅務", [1, 2], total=5), charts.Series("地政", [2, 2])])

    assert [(entry.css, entry.name, entry.total) for entry in chart.legend] == [
        ("bars", "合計", ""), ("s1", "稅務", "5"), ("s2", "地政", "4")]
    assert chart.css == "chart layered"  # light bars under the lines


def test_bars_alone_carry_their_numbers_and_need_no_legend() -> None:
    alone = charts.month_chart(title="t", months=MONTHS, bars=charts.Series("t", [5, 1, 0, 2, 9, 3]))
    crossed = charts.month_chart(title="t", months=MONTHS, bars=charts.Series("t", [5, 1, 0, 2, 9, 3]),
                                 lines=[charts.Series("a", [1, 1, 0, 1, 1, 1])])

    assert alone.legend == ()
    assert render(alone).count('class="value"') == 6
    assert 'class="value"' not in render(crossed)


def test_many_months_label_only_every_nth() -> None:
    months = [f"{index}月" for index in range(1, 25)]
    chart = charts.month_chart(title="t", months=months, bars=charts.Series("t", list(range(24))))

    assert [label.text for label in chart.labels] == months[::2]
    assert len(chart.bars) == 24


def test_the_svg_has_no_inline_style_and_names_itself_for_screen_readers() -> None:
    svg = render(charts.month_chart(title="市民服務櫃檯", months=MONTHS[:2], bars=charts.Series("合計", [3, 4]),
                                    lines=[charts.Series("稅務", [1, 2])]))

    assert "style=" not in svg
    assert "<style" not in svg
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart layered"' in svg
    assert 'role="img" aria-label="市民服務櫃檯"><title>市民服務櫃檯</title>' in svg
    assert "<title>7月: 3</title>" in svg
    assert "<title>稅務</title>" in svg


def test_cjk_labels_are_text_and_markup_in_them_is_escaped() -> None:
    svg = render(charts.month_chart(title="<標題>", months=["七月<b>", "八月"],
                                    bars=charts.Series("合計&", [1, 2]), lines=[charts.Series("稅務<i>", [1, 1])]))

    assert "<b>" not in svg
    assert "<i>" not in svg
    assert ">七月&lt;b&gt;</text>" in svg
    assert "<title>稅務&lt;i&gt;</title>" in svg
    assert 'aria-label="&lt;標題&gt;"' in svg
    assert '<li class="bars"><span class="swatch"></span>合計&amp;</li>' in svg


def test_a_series_of_the_wrong_length_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="3 values for 2 months"):
        charts.month_chart(title="t", months=MONTHS[:2], lines=[charts.Series("a", [1, 2, 3])])
