"""The one ODF writer: what odfdo builds is saved as ODF 1.2, declared on every part and in the manifest, with
the `mimetype` entry first and stored. Each app's own document is checked in tests/test_odf_documents.py."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from odfdo import Document, Paragraph
from odfdo.xmlpart import XmlPart

from secretariat.core import odf, pdf
from tests.files import pdf_text

needs_office = pytest.mark.skipif(not pdf.pdf_available() or shutil.which("pdftotext") is None,
                                  reason="LibreOffice and pdftotext are installed by `make test` as root")


def declared_versions(odt: bytes) -> dict[str, str | bool | None]:
    """The ODF version each part of a package declares: office:version on the roots of the four XML parts,
    manifest:version on the manifest and on its entry for the package itself."""
    opened = Document(io.BytesIO(odt))
    versions: dict[str, str | bool | None] = {}
    for name in odf.XML_PARTS:
        part = opened.get_part(name)
        assert isinstance(part, XmlPart), name
        versions[name] = part.root.get_attribute("office:version")
    manifest = opened.manifest.root
    versions["manifest"] = manifest.get_attribute("manifest:version")
    package_entry = manifest.get_element("//manifest:file-entry[@manifest:full-path='/']")
    assert package_entry is not None
    versions["manifest entry /"] = package_entry.get_attribute("manifest:version")
    return versions


def first_member(odt: bytes) -> tuple[str, int, bytes]:
    """The first member of a package: its name, how it is compressed, its content."""
    with zipfile.ZipFile(io.BytesIO(odt)) as archive:
        first = archive.infolist()[0]
        return first.filename, first.compress_type, archive.read(first)


def _odt(text: str) -> bytes:
    document = odf.text_document()
    document.body.append(Paragraph(text))
    return odf.odt_bytes(document)


def test_a_new_document_starts_with_an_empty_body():
    assert odf.text_document().body.children == []


def test_every_part_and_the_manifest_declare_odf_1_2():
    odt = _odt("臺北市政府秘書處")
    versions = declared_versions(odt)
    assert versions == dict.fromkeys(versions, "1.2")
    assert len(versions) == 6
    paragraph = Document(io.BytesIO(odt)).body.get_paragraph()
    assert paragraph is not None
    assert paragraph.text == "臺北市政府秘書處"


def test_mimetype_is_the_first_member_and_stored_uncompressed():
    assert first_member(_odt("x")) == ("mimetype", zipfile.ZIP_STORED, odf.ODT_CONTENT_TYPE.encode())
    with zipfile.ZipFile(io.BytesIO(_odt("x"))) as archive:
        assert archive.testzip() is None


@needs_office
def test_libreoffice_opens_what_the_writer_saves():
    made = pdf.odt_to_pdf(_odt("臺北市政府秘書處工作報告"))
    assert "臺北市政府秘書處工作報告" in pdf_text(made)
