"""Certificates of service hours (志工服務時數證明): one volunteer, one span of days, as ODT and as PDF.

The PDF is the same ODT converted by LibreOffice (`core.pdf.odt_to_pdf`), so both say the same. The ODT is
saved as ODF 1.2, Taiwan's government document standard (ODF-CNS15251), by the kernel's writer (`core.odf`);
the certificate uses only ODF 1.2 elements (paragraphs with the template's styles).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from odfdo import Paragraph

from secretariat.core import roc
from secretariat.core.errors import NotFound, ValidationFailed
from secretariat.core.odf import ODT_CONTENT_TYPE, odt_bytes, text_document
from secretariat.core.pdf import odt_to_pdf
from secretariat.counters.selectors.volunteers import hours_by_volunteer, volunteer_find

CONTENT_TYPES = {"odt": ODT_CONTENT_TYPE, "pdf": "application/pdf"}
ISSUER = "臺北市政府秘書處"


@dataclass(frozen=True)
class Certificate:
    content: bytes
    content_type: str
    filename: str


def certificate_odt(*, volunteer_id: int, start: dt.date, end: dt.date) -> bytes:
    """The certificate as ODT bytes. Refused for an unknown volunteer, a reversed span, or no hours served."""
    volunteer = volunteer_find(pk=volunteer_id)
    if volunteer is None:
        raise NotFound()
    if end < start:
        raise ValidationFailed(gettext_lazy("The last day comes before the first."), code="invalid_range",
                               field="end")
    hours = hours_by_volunteer(start=start, end=end, volunteer_id=volunteer.pk)
    if not hours or not hours[0].minutes:
        raise ValidationFailed(gettext_lazy("%(name)s served no hours in this span."), code="no_hours",
                               params={"name": volunteer.name})
    served = hours[0]
    document = text_document()
    body = document.body
    body.append(Paragraph(_("Certificate of volunteer service hours"), style="Title"))
    body.append(Paragraph(_(
        "This is to certify that %(name)s served as a volunteer at the service desks of Taipei City Hall from "
        "%(start)s to %(end)s: %(shifts)s shifts, %(hours)s hours in all."
    ) % {"name": volunteer.name, "start": roc.format_words(start), "end": roc.format_words(end),
         "shifts": served.shifts, "hours": served.hours}))
    body.append(Paragraph(_("Issued by %(issuer)s on %(date)s.") % {
        "issuer": ISSUER, "date": roc.format_long(timezone.localdate())}))
    return odt_bytes(document)


def certificate_build(*, volunteer_id: int, start: dt.date, end: dt.date, file_format: str) -> Certificate:
    """ODT or PDF (PdfUnavailable, 503, without LibreOffice)."""
    if file_format not in CONTENT_TYPES:
        raise ValidationFailed(gettext_lazy("Certificates come as ODT or PDF."), code="unknown_format")
    odt = certificate_odt(volunteer_id=volunteer_id, start=start, end=end)
    content = odt if file_format == "odt" else odt_to_pdf(odt)
    name = f"volunteer-hours-{volunteer_id}-{start:%Y%m%d}-{end:%Y%m%d}.{file_format}"
    return Certificate(content=content, content_type=CONTENT_TYPES[file_format], filename=name)
