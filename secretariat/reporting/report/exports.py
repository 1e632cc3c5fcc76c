"""Every format the report is written in, in one table: the command, the download views and the API
all pick from here, so a format is added in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import ValidationFailed
from secretariat.core.roc import Period
from secretariat.reporting.report.composer import Report
from secretariat.reporting.report.render.docx import render_docx
from secretariat.reporting.report.render.html import render_html
from secretariat.reporting.report.render.odt import render_odt, render_pdf
from secretariat.reporting.report.render.text import render_json, render_text


@dataclass(frozen=True)
class Format:
    name: str
    content_type: str
    binary: bool
    render: Callable[[Report], bytes]


def _utf8(render: Callable[[Report], str]) -> Callable[[Report], bytes]:
    def encoded(report: Report) -> bytes:
        return render(report).encode("utf-8")

    return encoded


FORMATS: dict[str, Format] = {item.name: item for item in (
    Format("odt", "application/vnd.oasis.opendocument.text", True, render_odt),
    Format("pdf", "application/pdf", True, render_pdf),
    Format("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", True, render_docx),
    Format("html", "text/html; charset=utf-8", False, _utf8(render_html)),
    Format("txt", "text/plain; charset=utf-8", False, _utf8(render_text)),
    Format("json", "application/json", False, _utf8(render_json)),
)}


def format_get(name: str) -> Format:
    found = FORMATS.get(name)
    if found is None:
        raise ValidationFailed(_("Unknown format “%(format)s”; choose one of: %(formats)s."), code="unknown_format",
                               params={"format": name, "formats": ", ".join(FORMATS)}, field="format")
    return found


def filename(period: Period, fmt: Format) -> str:
    return f"work-report-{period.code}.{fmt.name}"
