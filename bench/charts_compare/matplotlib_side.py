"""The chart comparison, matplotlib half: the sample chart (sample.py) drawn by matplotlib as SVG and PNG.

matplotlib is not a project dependency: run this with a venv of its own.

    python3 -m venv /tmp/mplvenv && /tmp/mplvenv/bin/pip install matplotlib
    /tmp/mplvenv/bin/python bench/charts_compare/matplotlib_side.py [--runs 20] [--out FILE]

It registers Noto Sans CJK TC (Debian's fonts-noto-cjk) when the font is there and says so when it is not.
Cold figures come from fresh processes (import + first chart); "first ever" also starts from an empty
MPLCONFIGDIR, so matplotlib builds its font cache as on a new server. Warm figures are the median of --runs
charts in one process. It counts what the SVG is made of: inline `style` attributes and `<style>` elements
(which the site's Content-Security-Policy, `style-src 'self'`, refuses in a page), text as `<text>` or as
glyph paths, and `<title>`, `role`, `aria-` for assistive technology. Prints a table; --out writes JSON.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sample

FONT_FILE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FONT_FAMILY = "Noto Sans CJK TC"
WIDTH_IN, HEIGHT_IN, DPI = 7.2, 2.6, 100  # 720 × 260 px, the size of the site's own charts


def setup(fonttype: str) -> Any:
    """pyplot on the Agg backend with the CJK font registered; imported here so cold runs time it."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    if FONT_FILE.exists():
        font_manager.fontManager.addfont(str(FONT_FILE))
        matplotlib.rcParams["font.family"] = FONT_FAMILY
    matplotlib.rcParams["svg.fonttype"] = fonttype  # "none": text stays <text>; "path": glyphs become paths
    matplotlib.rcParams["svg.hashsalt"] = "charts-compare"  # stable ids, so two runs give the same bytes
    return plt


def draw(plt: Any, file_format: str) -> bytes:
    """The sample chart: bars for the sum, a line per category, a grid, a legend and the title."""
    figure, axes = plt.subplots(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    positions = range(len(sample.MONTHS))
    axes.bar(positions, sample.sums(), color="#c6dafc", label=sample.BAR_NAME)
    for name, values in sample.SERIES:
        axes.plot(positions, values, linewidth=2, label=name)
    axes.set_xticks(list(positions), sample.MONTHS, fontsize=9)
    axes.grid(axis="y", color="#ddd")
    axes.set_axisbelow(True)
    axes.set_title(sample.TITLE, fontsize=11)
    axes.legend(fontsize=8, ncol=6, loc="upper center", bbox_to_anchor=(0.5, -0.15), frameon=False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format=file_format, metadata={"Date": None} if file_format == "svg" else None)
    plt.close(figure)
    return buffer.getvalue()


def svg_anatomy(svg: bytes) -> dict[str, Any]:
    text = svg.decode()
    return {"bytes": len(svg), "style_attributes": text.count(' style="'), "style_elements": text.count("<style"),
            "text_elements": text.count("<text"), "paths": text.count("<path"), "titles": text.count("<title"),
            "role": "role=" in text, "aria": "aria-" in text, "cjk_as_text": "稅務</text>" in text,
            "escaped": "其他&lt;及&gt;雜項</text>" in text}


def cold_once(file_format: str, fonttype: str) -> float:
    """Inside a fresh process: import, set up and draw the first chart; milliseconds."""
    start = time.perf_counter()
    draw(setup(fonttype), file_format)
    return (time.perf_counter() - start) * 1000


def cold(file_format: str, fonttype: str, *, first_ever: bool, runs: int = 3) -> float:
    """The median of `runs` fresh processes (each runs this file with --cold)."""
    timings = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as config:
            environment = {**os.environ, "MPLCONFIGDIR": config} if first_ever else dict(os.environ)
            done = subprocess.run([sys.executable, __file__, "--cold", file_format, fonttype], env=environment,
                                  capture_output=True, text=True, check=True)
        timings.append(float(done.stdout.strip()))
    return statistics.median(timings)


def warm(plt: Any, file_format: str, runs: int) -> tuple[float, bytes]:
    draw(plt, file_format)  # the first chart pays for font loading; warm means after it
    timings, output = [], b""
    for _ in range(runs):
        start = time.perf_counter()
        output = draw(plt, file_format)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), output


def measure(runs: int) -> dict[str, Any]:
    import matplotlib

    results: dict[str, Any] = {"matplotlib": matplotlib.__version__, "cjk_font": FONT_FILE.exists(),
                               "python": sys.version.split()[0]}
    for label, file_format, fonttype in (("svg_text", "svg", "none"), ("svg_paths", "svg", "path"),
                                         ("png", "png", "none")):
        plt = setup(fonttype)
        warm_ms, output = warm(plt, file_format, runs)
        row: dict[str, Any] = {"warm_ms": round(warm_ms, 1), "bytes": len(output),
                               "cold_ms": round(cold(file_format, fonttype, first_ever=False), 1)}
        if file_format == "svg":
            row.update(svg_anatomy(output))
        results[label] = row
    results["first_ever_cold_ms"] = round(cold("svg", "none", first_ever=True, runs=1), 1)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--cold", nargs=2, metavar=("FORMAT", "FONTTYPE"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.cold:
        print(f"{cold_once(*arguments.cold):.1f}")
        return
    results = measure(arguments.runs)
    if not results["cjk_font"]:
        print(f"note: {FONT_FILE} is missing (Debian's fonts-noto-cjk); CJK glyphs are drawn as boxes")
    for key, value in results.items():
        print(f"{key:>20}: {value}")
    if arguments.out:
        arguments.out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
