"""Small real files for upload tests, built in memory."""

import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile


def png_bytes() -> bytes:
    """A real 1×1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
            + chunk(b"IEND", b""))


def exe_bytes() -> bytes:
    """The start of a Windows executable (MZ header pointing at a PE signature)."""
    header = bytearray(256)
    header[0:2] = b"MZ"
    header[0x3C:0x40] = struct.pack("<I", 0x80)
    header[0x80:0x84] = b"PE\x00\x00"
    return bytes(header)


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF, by poppler's pdftotext (installed by `make test` with LibreOffice)."""
    import shutil
    import subprocess
    import tempfile

    binary = shutil.which("pdftotext")
    assert binary is not None, "pdftotext is not installed"
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        done = subprocess.run([binary, handle.name, "-"], capture_output=True, text=True, check=True)  # noqa: S603
    return done.stdout


def pdf_bytes() -> bytes:
    """A small one-page PDF (what an agency attaches to its answer: 「資料詳如附件」)."""
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
            b"trailer << /Root 1 0 R >>\n%%EOF\n")


def upload(name: str = "附件一.pdf", content: bytes | None = None) -> SimpleUploadedFile:
    """An uploaded file as a form or service receives it; a PDF unless `content` says otherwise."""
    return SimpleUploadedFile(name, pdf_bytes() if content is None else content)
