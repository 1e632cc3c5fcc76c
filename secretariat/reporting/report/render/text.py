"""Renderers of a composed report: plain text that reads like the seed, and JSON with provenance.

Both read only the composed tree (composer.Report). The words a renderer adds itself (the period
line, the marker of a place not yet recorded) are in the document's language, zh-Hant by default.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from secretariat.core import numbers, roc
from secretariat.reporting.report import outline
from secretariat.reporting.report.composer import Node, Report
from secretariat.reporting.report.sections import Block, Cell, Figure, Paragraph, Table

INDENT = "\u3000\u3000"  # two ideographic spaces, as the seed indents its paragraphs
DOCUMENT_LANGUAGE = "zh-hant"


def not_recorded_text() -> str:
    return _("Not recorded by the platform yet.")


def unwritten_text() -> str:
    return _("The text for this period has not been written yet.")


def no_records_text() -> str:
    return _("The platform holds no records for this period: every figure below is zero.")


def missing_text(node: Node) -> str:
    """What a place with nothing in it says: prose not written yet, or a section no app records."""
    return unwritten_text() if node.is_prose else not_recorded_text()


# --- Text ------------------------------------------------------------------------------------------

def display_width(text: str) -> int:
    """Columns `text` takes in a monospaced font: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def _pad(text: str, width: int, *, right: bool) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Figure):
        return cell.formatted
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, int):
        return numbers.format_large(cell)
    if isinstance(cell, Decimal):
        return f"{cell:f}"
    return str(cell)


def table_lines(table: Table) -> list[str]:
    """The table as aligned text: numbers right-aligned, two spaces between columns."""
    header = [column.heading for column in table.columns]
    body = [[cell_text(cell) for cell in row] for row in table.rows]
    widths = [max(display_width(text) for text in column) for column in zip(header, *body, strict=True)]
    numeric = [column.numeric for column in table.columns]

    def line(cells: list[str]) -> str:
        return "  ".join(_pad(text, width, right=right)
                         for text, width, right in zip(cells, widths, numeric, strict=True)).rstrip()

    lines = [table.caption] if table.caption else []
    lines += [line(header), *(line(row) for row in body)]
    lines += list(table.notes)
    return lines


def _block_lines(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [INDENT + block.text]
    return table_lines(block)


def _node_lines(node: Node) -> list[str]:
    lines: list[str] = []
    if node.place.numbered:
        lines += [outline.numbering(node.place) + node.heading, ""]
    elif not node.recorded:  # an unnumbered place (the opening address) is named only while it is missing
        lines += [node.heading, ""]
    for block in node.blocks:
        lines += [*_block_lines(block), ""]
    if node.is_leaf and not node.recorded:
        lines += [INDENT + missing_text(node), ""]
    for child in node.children:
        lines += _node_lines(child)
    return lines


def path_label(node: Node) -> str:
    """`壹、三、（一）受理對市長陳情案件`: the whole numbering of a place, then its heading."""
    if not node.place.numbered:
        return node.heading
    marks = [outline.numbering(outline.place_for(node.place.key[:depth]))
             for depth in range(1, len(node.place.key) + 1)]
    return "".join(marks) + node.heading


def period_line(report: Report) -> str:
    period = report.period
    return _("Period: %(start)s to %(end)s (%(label)s)") % {
        "start": roc.format_words(period.start), "end": roc.format_words(period.end), "label": period.label}


def render_text(report: Report, *, language: str = DOCUMENT_LANGUAGE) -> str:
    with translation.override(language):
        lines = [report.title, period_line(report), ""]
        if not report.has_records:
            lines += [no_records_text(), ""]
        for node in report.nodes:
            lines += _node_lines(node)
        missing = report.not_recorded
        total = len([node for node in report.walk() if node.is_leaf and not node.is_prose])
        lines += ["", _("Not yet recorded by the platform (%(count)s of %(total)s items):")
                  % {"count": len(missing), "total": total}]
        lines += [f"- {path_label(node)}" for node in missing]
        if report.unwritten:
            lines += ["", _("Text not yet written for this period:")]
            lines += [f"- {path_label(node)}" for node in report.unwritten]
    return "\n".join(lines).rstrip() + "\n"


# --- JSON ------------------------------------------------------------------------------------------

def _number(value: int | Decimal) -> int | str:
    # Decimals go out as strings: a float would turn 11.8 into 11.799999…
    return value if isinstance(value, int) else f"{value:f}"


def figure_data(figure: Figure) -> dict[str, Any]:
    return {"value": _number(figure.value), "formatted": figure.formatted, "label": figure.label,
            "query": figure.query, "record_count": figure.record_count, "period": figure.period,
            "link": figure.link or None}


def _cell_data(cell: Cell) -> Any:
    if isinstance(cell, Figure):
        return figure_data(cell)
    if isinstance(cell, Decimal):
        return _number(cell)
    return cell


def block_data(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "text": block.text, "figures": [figure_data(figure) for figure in block.figures]}
    return {
        "type": "table", "caption": block.caption,
        "columns": [{"heading": column.heading, "numeric": column.numeric} for column in block.columns],
        "rows": [[_cell_data(cell) for cell in row] for row in block.rows],
        "notes": list(block.notes), "source": block.source, "record_count": block.record_count,
    }


def node_data(node: Node) -> dict[str, Any]:
    return {
        "outline": list(node.place.key), "numbering": outline.numbering(node.place), "heading": node.heading,
        "recorded": node.recorded, "provided_by": list(node.provided_by), "prose": node.prose_slug or None,
        "blocks": [block_data(block) for block in node.blocks],
        "children": [node_data(child) for child in node.children],
    }


def report_data(report: Report, *, language: str = DOCUMENT_LANGUAGE) -> dict[str, Any]:
    period = report.period
    with translation.override(language):
        marker = not_recorded_text()
    return {
        "title": report.title,
        "period": {"code": period.code, "label": period.label, "start": period.start.isoformat(),
                   "end": period.end.isoformat()},
        "generated_at": report.generated_at.isoformat(),
        "has_records": report.has_records,
        "sections": [node_data(node) for node in report.nodes],
        "coverage": {
            "recorded": [{"outline": list(node.place.key), "heading": path_label(node),
                          "provided_by": list(node.provided_by)} for node in report.recorded],
            "not_recorded": [{"outline": list(node.place.key), "heading": path_label(node), "note": marker}
                             for node in report.not_recorded],
            "unwritten": [{"outline": list(node.place.key), "heading": path_label(node), "prose": node.prose_slug}
                          for node in report.unwritten],
        },
    }


def render_json(report: Report, *, language: str = DOCUMENT_LANGUAGE) -> str:
    return json.dumps(report_data(report, language=language), ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[Report], str]] = {"txt": render_text, "json": render_json}
