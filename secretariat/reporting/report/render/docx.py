"""The report as DOCX (python-docx), for offices that edit in Word: the same title page, headings,
paragraphs and tables as the ODT, from the same element sequence."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from secretariat.reporting.report.composer import Report
from secretariat.reporting.report.render.flow import Heading, Text, elements, title_page
from secretariat.reporting.report.render.text import DOCUMENT_LANGUAGE, cell_text
from secretariat.reporting.report.sections import Table

SERIF = "Noto Serif CJK TC"
SANS = "Noto Sans CJK TC"


def _use_font(style: object, font: str) -> None:
    """Word picks the East Asian font from w:rFonts/@w:eastAsia, which python-docx's `font.name` leaves out."""
    style.font.name = font  # type: ignore[attr-defined]
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[attr-defined]
    fonts.set(qn("w:eastAsia"), font)


def _table(document: object, table: Table) -> None:
    if table.caption:
        document.add_paragraph(table.caption)  # type: ignore[attr-defined]
    grid = document.add_table(rows=1, cols=len(table.columns))  # type: ignore[attr-defined]
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, column in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = column.heading
    for values in table.rows:
        cells = grid.add_row().cells
        for cell, value, column in zip(cells, values, table.columns, strict=True):
            cell.text = cell_text(value)
            if column.numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for note in table.notes:
        document.add_paragraph(note)  # type: ignore[attr-defined]


def render_docx(report: Report, *, language: str = DOCUMENT_LANGUAGE) -> bytes:
    document = Document()
    _use_font(document.styles["Normal"], SERIF)
    document.styles["Normal"].font.size = Pt(12)
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3"):
        _use_font(document.styles[name], SANS)
    page = title_page(report, language=language)
    document.add_paragraph(page.title, style="Title")
    document.add_paragraph(page.period_label, style="Subtitle")
    for line in (page.period_line, page.issuer, page.generated):
        document.add_paragraph(line)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for element in elements(report, language=language):
        if isinstance(element, Heading):
            document.add_heading(element.text, level=element.level)
        elif isinstance(element, Text):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(element.text)
            if element.remark:
                run.italic = True
                run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        else:
            _table(document, element)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
