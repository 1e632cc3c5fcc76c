"""ODF documents: the one writer of the platform's ODT files, which saves them as ODF 1.2.

ODF 1.2 (ODF-CNS15251) is Taiwan's government document standard. odfdo builds the documents, but its
`Document.save()` always declares ODF 1.4: it stamps that version on every part as it saves. The documents
here use only what ODF 1.2 already has (headings, paragraphs, tables, page breaks, a table of contents), so
`odt_bytes` declares 1.2 on the parts' XML trees itself and hands them to odfdo's container, which writes
the package with the `mimetype` entry first and stored uncompressed, as the package format requires.
"""

from __future__ import annotations

import io

from odfdo import Document
from odfdo.xmlpart import XmlPart

ODF_VERSION = "1.2"
ODT_CONTENT_TYPE = "application/vnd.oasis.opendocument.text"
# The parts whose root carries office:version; the manifest carries manifest:version.
XML_PARTS = ("content.xml", "styles.xml", "meta.xml", "settings.xml")
MANIFEST = "META-INF/manifest.xml"


def text_document() -> Document:
    """A new text document from odfdo's template, its body emptied for the caller to fill."""
    document = Document("text")
    document.body.clear()
    return document


def odt_bytes(document: Document) -> bytes:
    """The document as an ODF 1.2 package (bytes)."""
    container = document.container
    if container is None:
        raise ValueError("the document has no package to save")
    # What Document.save() does besides declaring 1.4: the generator in meta.xml, and every table's
    # columns declared (LibreOffice wants them).
    document.meta.set_generator_default()
    document.normalize_tables()
    for path in XML_PARTS:
        part = _xml_part(document, path)
        part.root.set_attribute("office:version", ODF_VERSION)
        container.set_part(path, part.serialize())
    manifest = document.manifest
    manifest.root.set_attribute("manifest:version", ODF_VERSION)
    package_entry = manifest.root.get_element("//manifest:file-entry[@manifest:full-path='/']")
    if package_entry is not None:  # ODF 1.2 wants the version on the package's own entry too
        package_entry.set_attribute("manifest:version", ODF_VERSION)
    container.set_part(MANIFEST, manifest.serialize())
    buffer = io.BytesIO()
    container.save(buffer, packaging="zip")
    return buffer.getvalue()


def _xml_part(document: Document, path: str) -> XmlPart:
    part = document.get_part(path)
    if not isinstance(part, XmlPart):
        raise ValueError(f"the document has no {path}")
    return part
