"""PDF from ODT, by LibreOffice in headless mode.

Every document the platform writes is made as ODT first (the government's standard); its PDF is that
same ODT converted, so the two never differ in content. LibreOffice is a Debian package
(`libreoffice-writer-nogui`, with `fonts-noto-cjk` for the Chinese text), installed by `make`
when missing; without it a PDF is refused with a clear message instead of a broken file.

Each conversion runs in its own LibreOffice profile directory: two conversions at once with one
shared profile make the second fail.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import ApplicationError

CONVERT_TIMEOUT_SECONDS = 120


class PdfUnavailable(ApplicationError):
    code = "pdf_unavailable"
    status = 503
    default_message = _("PDF output needs LibreOffice on the server, which is not installed. "
                        "Download the ODT instead, or ask the administrator to install LibreOffice.")


def office_binary() -> str | None:
    """The LibreOffice command on this machine, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_available() -> bool:
    return office_binary() is not None


def odt_to_pdf(odt: bytes) -> bytes:
    """Convert an ODT document (bytes) to PDF (bytes). Raises PdfUnavailable when LibreOffice is not
    installed or the conversion fails; writes nothing outside a temporary directory."""
    binary = office_binary()
    if binary is None:
        raise PdfUnavailable()
    with tempfile.TemporaryDirectory(prefix="secretariat-pdf-") as workdir:
        folder = Path(workdir)
        source = folder / "document.odt"
        source.write_bytes(odt)
        command = [binary, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(folder), str(source)]
        try:
            # The command is fixed; the only variable parts are paths inside our own temporary directory.
            subprocess.run(command, check=True, capture_output=True, timeout=CONVERT_TIMEOUT_SECONDS)  # noqa: S603
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise PdfUnavailable(_("LibreOffice could not convert the document to PDF.")) from exc
        target = folder / "document.pdf"
        if not target.exists():
            raise PdfUnavailable(_("LibreOffice could not convert the document to PDF."))
        return target.read_bytes()
