"""The report as ODT (ODF 1.2, the government's document standard), and as PDF converted from that ODT.

A title page, a table of contents, then the report's headings, paragraphs and tables in the seed's
layout. Every text style uses the Noto CJK TC fonts, so LibreOffice embeds them when it writes the PDF
and the PDF reads the same on a machine without them.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from odfdo import TOC, Cell, Document, Header, PageBreak, Row, Style
from odfdo import Column as OdfColumn
from odfdo import Paragraph as OdfParagraph
from odfdo import Table as OdfTable
from odfdo.element import Element
from odfdo.style_base import StyleBase

from secretariat.core.odf import odt_bytes, text_document
from secretariat.core.pdf import odt_to_pdf
from secretariat.reporting.report.composer import Report
from secretariat.reporting.report.render.flow import Heading, Text, elements, title_page
from secretariat.reporting.report.render.text import DOCUMENT_LANGUAGE, cell_text
from secretariat.reporting.report.sections import Cell as TableCell
from secretariat.reporting.report.sections import Table

SERIF = "Noto Serif CJK TC"
SANS = "Noto Sans CJK TC"
TABLE_STYLE = "ReportTable"
TEXT_COLUMN, NUMBER_COLUMN = "ReportTextColumn", "ReportNumberColumn"
CENTRE_STYLE = "ReportCentre"
CELL_STYLE = "ReportCell"
NUMBER_STYLE = "ReportNumber"
REMARK_STYLE = "ReportRemark"


class _PlainTOC(TOC):
    """A table of contents without odfdo's "1.2.3." prefixes: the headings carry 壹、一、（一） themselves."""

    @staticmethod
    def _header_numbering(level_indexes: dict[int, int], level: int) -> str:
        TOC._header_numbering(level_indexes, level)  # keeps odfdo's counters as they expect
        return "\u3000" * (level - 1)  # indent the entry by its depth instead


def _font_properties(font: str) -> dict[str, str]:
    return {f"style:font-name{suffix}": font for suffix in ("", "-asian", "-complex")} | {
        "fo:font-family": font, "style:font-family-asian": font, "style:font-family-complex": font}


def _set_up_styles(document: Document) -> None:
    for font, generic in ((SERIF, "roman"), (SANS, "swiss")):
        for default in (False, True):  # declared in content.xml and in styles.xml: each part names its fonts
            document.insert_style(Style("font-face", name=font, font_name=font, font_family=font,
                                        font_family_generic=generic), default=default)
    for name, font in (("Standard", SERIF), ("Heading", SANS), ("Title", SANS), ("Subtitle", SANS)):
        style = document.get_style("paragraph", name)
        if isinstance(style, StyleBase):  # odfdo's text template has all four
            style.set_properties(properties=_font_properties(font), area="text")
    border = "0.5pt solid #000000"
    document.insert_style(Style("table-cell", name=CELL_STYLE, border=border, padding="0.08cm"), automatic=True)
    document.insert_style(Style("table-column", name=TEXT_COLUMN, width=f"{TEXT_WIDTH_CM}cm"), automatic=True)
    document.insert_style(Style("table-column", name=NUMBER_COLUMN, width=f"{NUMBER_WIDTH_CM}cm"), automatic=True)
    for name, properties in ((NUMBER_STYLE, {"fo:text-align": "end"}),
                             (CENTRE_STYLE, {"fo:text-align": "center", "fo:margin-top": "0.4cm"})):
        style = Style("paragraph", name=name, parent_style="Standard")
        style.set_properties(properties=properties, area="paragraph")
        document.insert_style(style, automatic=True)
    document.insert_style(Style("paragraph", name=REMARK_STYLE, parent_style="Standard", color="#555555",
                                italic=True), automatic=True)
    document.add_page_break_style()


def _cell(value: TableCell, numeric: bool) -> Cell:
    """A text cell (this is a text document, not a spreadsheet); numbers are right-aligned, as printed."""
    cell = Cell(style=CELL_STYLE)
    cell.append(OdfParagraph(cell_text(value), style=NUMBER_STYLE if numeric else None))
    return cell


TEXT_WIDTH_CM, NUMBER_WIDTH_CM = 4.6, 1.8


def _table_style(document: Document, table: Table, number: int) -> str:
    """Each table is as wide as its columns (centred), not the whole page, as the seed prints them."""
    width = sum(NUMBER_WIDTH_CM if column.numeric else TEXT_WIDTH_CM for column in table.columns)
    name = f"{TABLE_STYLE}{number}"
    document.insert_style(Style("table", name=name, width=f"{min(width, 16.0):.1f}cm", align="center"),
                          automatic=True)
    return name


def _table(document: Document, table: Table, number: int) -> list[Element]:
    """The seed's tables: a heading row, then the rows as given (the section decides the shape:
    months as columns with 總計, or two agencies a row)."""
    parts: list[Element] = []
    if table.caption:
        parts.append(OdfParagraph(table.caption))
    grid = OdfTable(f"Table{number}", style=_table_style(document, table, number))
    for column in table.columns:  # numbers take a narrow column, names a wide one, as the seed prints them
        grid.append(OdfColumn(style=NUMBER_COLUMN if column.numeric else TEXT_COLUMN))
    heading = Row()
    for column in table.columns:
        cell = Cell(style=CELL_STYLE)
        cell.append(OdfParagraph(column.heading))
        heading.append(cell)
    grid.append(heading)
    for values in table.rows:
        row = Row()
        for value, column in zip(values, table.columns, strict=True):
            row.append(_cell(value, column.numeric))
        grid.append(row)
    parts.append(grid)
    parts += [OdfParagraph(note) for note in table.notes]
    return parts


def render_odt(report: Report, *, language: str = DOCUMENT_LANGUAGE) -> bytes:
    document = text_document()
    _set_up_styles(document)
    body = document.body
    page = title_page(report, language=language)
    for _gap in range(6):  # the title sits in the upper third of the page
        body.append(OdfParagraph(""))
    body.append(OdfParagraph(page.title, style="Title"))
    body.append(OdfParagraph(page.period_label, style="Subtitle"))
    for line in (page.period_line, page.issuer, page.generated):
        body.append(OdfParagraph(line, style=CENTRE_STYLE))
    body.append(PageBreak())
    with translation.override(language):
        toc = _PlainTOC(_("Contents"), outline_level=2)
    body.append(toc)
    body.append(PageBreak())
    tables = 0
    for element in elements(report, language=language):
        if isinstance(element, Heading):
            body.append(Header(element.level, element.text))
        elif isinstance(element, Text):
            body.append(OdfParagraph(element.text, style=REMARK_STYLE if element.remark else None))
        else:
            tables += 1
            for part in _table(document, element, tables):
                body.append(part)
    toc.fill(document)
    _plain_outline(document)
    return odt_bytes(document)


# The attributes by which an outline level prints its number ("1.", "1.1.", …).
_OUTLINE_NUMBERING = ("loext:num-list-format", "style:num-suffix", "text:display-levels")


def _plain_outline(document: Document) -> None:
    """odfdo's template numbers headings 1., 1.1., …; the report's headings carry their own numbering
    (壹、一、（一）), so the outline's numbers are turned off."""
    outline = document.styles.get_element("//text:outline-style")
    if outline is None:
        return
    for level in outline.get_elements("text:outline-level-style"):
        level.del_attribute_list(_OUTLINE_NUMBERING)
        if level.get_attribute("style:num-format") == "1":
            level.set_attribute("style:num-format", "")


def render_pdf(report: Report, *, language: str = DOCUMENT_LANGUAGE) -> bytes:
    """The PDF is the ODT converted by LibreOffice (core.pdf), never a second layout."""
    return odt_to_pdf(render_odt(report, language=language))
