"""The generated work report for the demo half-year (112年下半年) equals the seed's, cell for cell, for every
place the platform covers (tests/seed_figures.py says which, and what the seed prints there).

Loads the whole demo (`manage.py demo_load`'s loaders) once, composes the report and compares every
entry; all differences are reported together.
"""

from __future__ import annotations

import re

import pytest

from secretariat.core.loading import run_loaders
from secretariat.core.pdf import pdf_available
from secretariat.core.roc import Period
from secretariat.reporting.report.composer import Node, report_compose
from secretariat.reporting.report.render.odt import render_pdf
from secretariat.reporting.report.render.text import cell_text
from secretariat.reporting.report.sections import Paragraph, Table
from tests.files import pdf_text
from tests.seed_figures import SEED, Expected

H2 = Period(112, 2)


def _differences(key: str, node: Node | None, expected: Expected) -> list[str]:
    if node is None or not node.recorded:
        return [f"{key}: the platform does not record this place"]
    found: list[str] = []
    paragraphs = [block for block in node.blocks if isinstance(block, Paragraph)]
    tables = [block for block in node.blocks if isinstance(block, Table)]
    if "figures" in expected:
        figures = [figure.formatted for paragraph in paragraphs for figure in paragraph.figures]
        if figures != expected["figures"]:
            found.append(f"{key}: figures {figures} instead of the seed's {expected['figures']}")
    for index, seed_table in enumerate(expected.get("tables", [])):
        if index >= len(tables):
            found.append(f"{key}: table {index + 1} is missing")
            continue
        table = tables[index]
        rows = [[column.heading for column in table.columns]]
        rows += [[cell_text(cell) for cell in row] for row in table.rows]
        for number, (row, seed_row) in enumerate(zip(rows, seed_table, strict=False)):
            if row != seed_row:
                found.append(f"{key}: table {index + 1} row {number}: {row} instead of the seed's {seed_row}")
        if len(rows) != len(seed_table):
            found.append(f"{key}: table {index + 1} has {len(rows)} rows, the seed {len(seed_table)}")
    text = "".join(paragraph.text for paragraph in paragraphs)
    found += [f"{key}: the text lacks “{phrase}”" for phrase in expected.get("text", []) if phrase not in text]
    return found


@pytest.mark.django_db(transaction=False)
def test_the_demo_report_reproduces_the_seed_for_every_covered_place() -> None:
    run_loaders("reference", lambda line: None)
    run_loaders("demo", lambda line: None)

    report = report_compose(period=H2)

    nodes = {"/".join(node.place.key): node for node in report.walk()}
    differences = [line for key, expected in SEED.items() for line in _differences(key, nodes.get(key), expected)]
    assert differences == []
    assert report.unwritten == []  # the demo writes the period's prose too

    # The PDF (the ODT converted by LibreOffice) carries the title and the petitions table.
    if pdf_available():
        text = pdf_text(render_pdf(report))
        assert "臺北市政府秘書處工作報告" in text
        for agency, count in (("都發局", "256"), ("民政局（含區公所）", "29"), ("客委會", "1")):
            assert re.search(rf"{re.escape(agency)}\s+{count}\b", text), agency
