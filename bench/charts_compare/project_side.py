"""The chart comparison, project half: the sample chart (sample.py) drawn by the site's own SVG code.

Run it with the project venv from the repository root (the test settings; no database is touched):

    PYTHONPATH=$PWD .venv/bin/python bench/charts_compare/project_side.py [--runs 200] [--out FILE]

It draws with whichever engines the checkout has: `core.charts` with its partial `core/chart.html` (since
docs/decisions/0016), or, copied into an older checkout, the reporting dashboard's `svg()` and the counters'
`trend_chart` with its template, as they were before. Cold is a fresh process with Django set up: the chart
module's import and the first chart. Warm is the median of --runs charts. The SVG counts are the same as
matplotlib_side.py's, so the two tables compare line by line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sample

Draw = Callable[[], str]


def core_engine() -> Draw:
    from django.template.loader import render_to_string

    from secretariat.core import charts

    def draw() -> str:
        chart = charts.month_chart(title=sample.TITLE, months=sample.MONTHS,
                                   bars=charts.Series(sample.BAR_NAME, sample.sums()),
                                   lines=[charts.Series(name, values) for name, values in sample.SERIES])
        return render_to_string("core/chart.html", {"chart": chart})
    return draw


def old_reporting_engine() -> Draw:
    from secretariat.reporting.views import charts  # type: ignore[attr-defined]  # gone since 0016

    def draw() -> str:
        chart = charts.Chart(place=sample.TITLE, title=sample.TITLE, months=sample.MONTHS,
                             series=tuple(charts.Series(name, values) for name, values in sample.SERIES))
        return str(charts.svg(chart))
    return draw


def old_counters_engine() -> Draw:
    from django.template.loader import render_to_string

    from secretariat.counters.selectors.statistics import MonthRange, month_table
    from secretariat.counters.views import charts  # type: ignore[attr-defined]  # gone since 0016

    months = MonthRange((2023, 7), (2023, 12)).months
    table = month_table(key="t", title=sample.TITLE, months=months, summary_label=sample.BAR_NAME,
                        rows=[(name, name, values) for name, values in sample.SERIES])

    def draw() -> str:
        return render_to_string("counters/enquiries/trend.html", {"chart": charts.trend_chart(table),
                                                                  "title": sample.TITLE})
    return draw


ENGINES: dict[str, Callable[[], Draw]] = {"core": core_engine, "old_reporting": old_reporting_engine,
                                          "old_counters": old_counters_engine}


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ.setdefault("SECRET_KEY", "charts-compare")
    import django

    django.setup()


def available() -> list[str]:
    found = []
    for name, make in ENGINES.items():
        try:
            make()
        except ImportError:
            continue
        found.append(name)
    return found


def anatomy(svg: str) -> dict[str, Any]:
    return {"bytes": len(svg.encode()), "style_attributes": svg.count(' style="'),
            "style_elements": svg.count("<style"),
            "text_elements": svg.count("<text"), "paths": svg.count("<path"), "titles": svg.count("<title"),
            "role": "role=" in svg, "aria": "aria-" in svg, "cjk_as_text": "稅務</" in svg,
            "escaped": "其他&lt;及&gt;雜項" in svg, "nan": re.search(r"\bnan\b", svg, re.IGNORECASE) is not None}


def cold_once(name: str) -> float:
    """Inside a fresh process, Django already set up: import the engine and draw the first chart."""
    django_setup()
    start = time.perf_counter()
    ENGINES[name]()()
    return (time.perf_counter() - start) * 1000


def cold(name: str, runs: int = 3) -> float:
    timings = [float(subprocess.run([sys.executable, __file__, "--cold", name], capture_output=True, text=True,
                                    check=True).stdout.strip()) for _ in range(runs)]
    return statistics.median(timings)


def warm(draw: Draw, runs: int) -> tuple[float, str]:
    output = draw()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        output = draw()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--cold", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.cold:
        print(f"{cold_once(arguments.cold):.2f}")
        return
    django_setup()
    results: dict[str, Any] = {"python": sys.version.split()[0]}
    for name in available():
        warm_ms, svg = warm(ENGINES[name](), arguments.runs)
        results[name] = {"warm_ms": round(warm_ms, 2), "cold_ms": round(cold(name), 1), **anatomy(svg)}
        print(f"{name:>14}: {results[name]}")
    if arguments.out:
        arguments.out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
