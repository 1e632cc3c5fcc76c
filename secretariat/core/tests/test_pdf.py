"""PDF output: the ODT the platform writes, converted by LibreOffice, keeps its Chinese text."""

from __future__ import annotations

import io
import shutil

import pytest
from odfdo import Document, Paragraph

from secretariat.core import pdf
from tests.files import pdf_text

needs_office = pytest.mark.skipif(not pdf.pdf_available() or shutil.which("pdftotext") is None,
                                  reason="LibreOffice and pdftotext are installed by `make test` as root")


def _odt(text: str) -> bytes:
    document = Document("text")
    document.body.append(Paragraph(text))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@needs_office
def test_an_odt_becomes_a_pdf_with_its_chinese_text():
    made = pdf.odt_to_pdf(_odt("臺北市政府秘書處工作報告"))
    assert made.startswith(b"%PDF")
    assert "臺北市政府秘書處工作報告" in pdf_text(made)


def test_without_libreoffice_a_pdf_is_refused_with_a_clear_message(monkeypatch):
    monkeypatch.setattr(pdf, "office_binary", lambda: None)
    with pytest.raises(pdf.PdfUnavailable) as refused:
        pdf.odt_to_pdf(_odt("x"))
    assert refused.value.status == 503
    assert "LibreOffice" in str(refused.value)
