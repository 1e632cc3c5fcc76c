"""The report as HTML: a standalone printable page (inline CSS, no scripts) for download, and the same
body inside the app's preview page, where each figure links to the records it counts."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from secretariat.reporting.report import outline
from secretariat.reporting.report.composer import Node, Report
from secretariat.reporting.report.render.flow import title_page
from secretariat.reporting.report.render.text import (
    DOCUMENT_LANGUAGE,
    cell_text,
    missing_text,
    no_records_text,
    path_label,
)
from secretariat.reporting.report.sections import Block, Cell, Figure, Paragraph


def _figure(figure: Figure, link_base: str | None) -> dict[str, Any]:
    link = ""
    if figure.link and link_base is not None:
        link = figure.link if "://" in figure.link else link_base.rstrip("/") + figure.link
    return {"text": figure.formatted, "figure": figure, "link": link}


def _cell(cell: Cell, numeric: bool, link_base: str | None) -> dict[str, Any]:
    if isinstance(cell, Figure):
        return {**_figure(cell, link_base), "numeric": numeric}
    return {"text": cell_text(cell), "figure": None, "link": "", "numeric": numeric}


def _block(block: Block, link_base: str | None) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"kind": "paragraph", "parts": [
            _figure(part, link_base) if isinstance(part, Figure) else {"text": part, "figure": None, "link": ""}
            for part in block.parts]}
    return {"kind": "table", "caption": block.caption, "columns": block.columns, "notes": block.notes,
            "source": block.source, "record_count": block.record_count,
            "rows": [[_cell(cell, column.numeric, link_base) for cell, column in zip(row, block.columns, strict=True)]
                     for row in block.rows]}


def _items(node: Node, link_base: str | None) -> list[dict[str, Any]]:
    heading = ""
    if node.place.numbered:
        heading = outline.numbering(node.place) + node.heading
    elif not node.recorded:
        heading = node.heading
    found = [{"level": min(node.place.level, 3), "heading": heading, "anchor": "-".join(node.place.key),
              "blocks": [_block(block, link_base) for block in node.blocks], "prose": node.prose_slug,
              "missing": missing_text(node) if node.is_leaf and not node.recorded else ""}]
    for child in node.children:
        found += _items(child, link_base)
    return found


def report_context(report: Report, *, link_base: str | None = "", language: str = DOCUMENT_LANGUAGE) -> dict[str, Any]:
    """What the report templates need. `link_base` prefixes the figures' links (None: no links, for a
    file read away from the platform)."""
    with translation.override(language):
        items = [item for node in report.nodes for item in _items(node, link_base)]
        return {"report": report, "page": title_page(report, language=language), "items": items,
                "no_records": "" if report.has_records else no_records_text(),
                "not_recorded": [path_label(node) for node in report.not_recorded],
                "unwritten": [path_label(node) for node in report.unwritten]}


def render_html(report: Report, *, link_base: str | None = None, language: str = DOCUMENT_LANGUAGE) -> str:
    """The standalone page: everything inline, printable on A4."""
    with translation.override(language):
        return render_to_string("reporting/report_document.html",
                                report_context(report, link_base=link_base, language=language))
