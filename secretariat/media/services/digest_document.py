"""The daily digest (輿情日報) as a document: ODT (ODF 1.2, the government's standard) and its PDF.

The kernel's writer (`core.odf`) saves it as ODF 1.2; the digest uses only headings and paragraphs, which
ODF 1.2 already has. Each reader gets the groups they may see: an agency's staff only their agency's items.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from odfdo import Header, Paragraph

from secretariat.accounts.access import agency_scope_ids
from secretariat.core import roc
from secretariat.core.actors import Actor, Viewer
from secretariat.core.odf import ODT_CONTENT_TYPE as ODT_CONTENT_TYPE  # the views send the ODT with it
from secretariat.core.odf import odt_bytes, text_document
from secretariat.core.pdf import odt_to_pdf
from secretariat.media.access.opinion import DigestGroup, digest_groups
from secretariat.media.models.opinion import OpinionItem


def digest_filename(day: dt.date, extension: str) -> str:
    return f"opinion-digest-{day.isoformat()}.{extension}"


def _item_paragraphs(number: int, item: OpinionItem) -> list[Paragraph | Header]:
    seen = timezone.localtime(item.seen_at)
    facts = _("%(outlet)s · %(medium)s · %(time)s · %(sentiment)s · reach %(reach)s · severity %(severity)s") % {
        "outlet": item.outlet, "medium": item.get_medium_display(), "time": seen.strftime("%H:%M"),
        "sentiment": item.get_sentiment_display(), "reach": f"{item.reach:,}", "severity": item.severity}
    blocks: list[Paragraph | Header] = [Header(3, f"{number}. {item.headline}"), Paragraph(facts)]
    if item.summary:
        blocks.append(Paragraph(item.summary))
    if item.link:
        blocks.append(Paragraph(item.link))
    return blocks


def digest_odt(*, day: dt.date, groups: list[DigestGroup]) -> bytes:
    """The digest for `day` made of `groups` (see selectors.digest_groups), as ODT bytes."""
    document = text_document()
    body = document.body
    body.append(Paragraph(_("Taipei City Government public-opinion digest"), style="Title"))
    body.append(Paragraph(roc.format_long(day), style="Subtitle"))
    total = len({item.pk for group in groups for item in group.items})
    body.append(Paragraph(_("%(count)s items, most severe first within each agency.") % {"count": total}))
    for group in groups:
        heading = group.agency.short_name if group.agency else _("No agency named")
        body.append(Header(1, f"{heading}（{len(group.items)}）"))
        for number, item in enumerate(group.items, start=1):
            for block in _item_paragraphs(number, item):
                body.append(block)
    if not groups:
        body.append(Paragraph(_("No items were recorded for this day.")))
    return odt_bytes(document)


def digest_for(*, user: Actor | Viewer, day: dt.date) -> bytes:
    """The ODT a reader may download: every group for the Secretariat, their agency's for agency staff."""
    return digest_odt(day=day, groups=digest_groups(day=day, agency_ids=agency_scope_ids(user)))


def digest_pdf_for(*, user: Actor | Viewer, day: dt.date) -> bytes:
    return odt_to_pdf(digest_for(user=user, day=day))
