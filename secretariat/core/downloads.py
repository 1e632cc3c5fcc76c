"""Tables as downloads: what a view sends back for a spreadsheet (tablib writes the bytes).

ODS first (ODF 1.2, the government's standard), then XLSX and CSV; which formats a table offers is its
view's choice, the content types and the shape of the answer are the same for all.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpResponse

CONTENT_TYPES = {
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


@dataclass(frozen=True)
class Download:
    content: bytes
    content_type: str
    filename: str

    def response(self) -> HttpResponse:
        """The file as an attachment, so the browser saves it under its name rather than showing it."""
        response = HttpResponse(self.content, content_type=self.content_type)
        response["Content-Disposition"] = f'attachment; filename="{self.filename}"'
        return response
