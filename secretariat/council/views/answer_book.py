"""The written-answer book (書面答復彙編) of a session: one ODT with a title page, a table of contents,
and every question with its approved answer, by councillor then date.

ODF version: DESIGN.md names ODF 1.2 as the government's standard. odfdo starts from its own template,
and `Document.save()` always declares ODF 1.4; the book uses only elements ODF 1.2 already has (headings,
paragraphs, page breaks, a table of contents), so the saved package is rewritten to declare 1.2 in its
XML parts and manifest (the `mimetype` entry stays first and uncompressed, as the package format wants).
"""

from __future__ import annotations

import io
import zipfile
from itertools import groupby

from django.utils.translation import gettext as _
from odfdo import TOC, Document, Header, PageBreak, Paragraph

from secretariat.core import roc
from secretariat.council.models import Question, Session
from secretariat.council.selectors.questions import book_questions

ODF_VERSION = "1.2"
ODF_PARTS = ("content.xml", "styles.xml", "meta.xml", "settings.xml")
MANIFEST = "META-INF/manifest.xml"
CONTENT_TYPE = "application/vnd.oasis.opendocument.text"


def book_filename(session: Session) -> str:
    return f"answer-book-{session.term.number}-{session.kind}-{session.number}.odt"


def _question_block(question: Question) -> list[Header | Paragraph]:
    heading = f"{roc.format_slash(question.asked_on)} {question.topic}"
    return [
        Header(2, heading),
        Paragraph(_("Kind: %(kind)s; agencies asked: %(agencies)s") % {
            "kind": question.get_kind_display(),
            "agencies": "、".join(agency.short_name for agency in question.agencies.all())}),
        Paragraph(_("Question: %(content)s") % {"content": question.content or question.topic}),
        Paragraph(_("Answer (%(agency)s): %(answer)s") % {"agency": question.lead_agency.short_name,
                                                          "answer": question.approved_answer}),
    ]


def answer_book_build(session: Session) -> bytes:
    """The book as ODT bytes. Questions without an approved answer are left out: the book is what is sent
    to the council."""
    questions = list(book_questions(session).prefetch_related("agencies"))
    document = Document("text")
    body = document.body
    body.clear()
    document.add_page_break_style()
    body.append(Paragraph(str(session), style="Title"))
    body.append(Paragraph(_("Written answers to councillors' questions"), style="Subtitle"))
    body.append(Paragraph(_("%(count)s questions") % {"count": len(questions)}))
    body.append(PageBreak())
    toc = TOC(_("Contents"))
    body.append(toc)
    body.append(PageBreak())
    for councillor, items in groupby(questions, key=lambda question: question.councillor):
        body.append(Header(1, _("Councillor %(name)s") % {"name": councillor.name}))
        for question in items:
            for element in _question_block(question):
                body.append(element)
    toc.fill(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _declare_odf_1_2(buffer.getvalue())


def _declare_odf_1_2(package: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in ODF_PARTS:
                data = data.replace(b'office:version="1.4"', b'office:version="%s"' % ODF_VERSION.encode(), 1)
            elif info.filename == MANIFEST:
                data = data.replace(b'manifest:version="1.4"', b'manifest:version="%s"' % ODF_VERSION.encode())
            target.writestr(info, data, compress_type=info.compress_type)
    return out.getvalue()
