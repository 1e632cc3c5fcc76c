"""The composed report as a flat sequence of document elements — headings, paragraphs, tables, notes —
in reading order. The ODT and DOCX writers both walk this one sequence, so the two documents carry the
same headings, text and tables as the text form."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from secretariat.core import roc
from secretariat.reporting.report import outline
from secretariat.reporting.report.composer import Node, Report
from secretariat.reporting.report.render.text import (
    DOCUMENT_LANGUAGE,
    INDENT,
    missing_text,
    no_records_text,
    path_label,
    period_line,
)
from secretariat.reporting.report.sections import Paragraph, Table

ISSUER = "臺北市政府秘書處"


@dataclass(frozen=True)
class Heading:
    level: int  # 1 for 壹, 2 for 一, 3 for （一）
    text: str


@dataclass(frozen=True)
class Text:
    text: str
    remark: bool = False  # words the platform adds (a place not yet recorded): printed in a quieter style


Element = Heading | Text | Table


@dataclass(frozen=True)
class TitlePage:
    title: str
    period_label: str
    period_line: str
    issuer: str
    generated: str


def title_page(report: Report, *, language: str = DOCUMENT_LANGUAGE) -> TitlePage:
    with translation.override(language):
        generated = _("Generated on %(date)s from the platform's records") % {
            "date": roc.format_words(timezone.localtime(report.generated_at).date())}
        return TitlePage(title=report.title, period_label=report.period.label, period_line=period_line(report),
                         issuer=ISSUER, generated=generated)


def _node_elements(node: Node) -> list[Element]:
    found: list[Element] = []
    if node.place.numbered:
        found.append(Heading(min(node.place.level, 3), outline.numbering(node.place) + node.heading))
    elif not node.recorded:  # the opening address has no heading of its own once it is written
        found.append(Heading(1, node.heading))
    for block in node.blocks:
        found.append(Text(INDENT + block.text) if isinstance(block, Paragraph) else block)
    if node.is_leaf and not node.recorded:
        found.append(Text(INDENT + missing_text(node), remark=True))
    for child in node.children:
        found += _node_elements(child)
    return found


def elements(report: Report, *, language: str = DOCUMENT_LANGUAGE) -> list[Element]:
    """The body of the report in reading order, with the coverage list at the end."""
    with translation.override(language):
        found: list[Element] = []
        if not report.has_records:
            found.append(Text(no_records_text(), remark=True))
        for node in report.nodes:
            found += _node_elements(node)
        if report.not_recorded:
            found.append(Heading(1, _("Not yet recorded by the platform")))
            found += [Text(path_label(node), remark=True) for node in report.not_recorded]
        if report.unwritten:
            found.append(Heading(1, _("Text not yet written for this period")))
            found += [Text(path_label(node), remark=True) for node in report.unwritten]
    return found
