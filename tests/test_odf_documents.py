"""Every ODT the platform writes — the work report, the council's answer book, the opinion digest and the
volunteer's certificate — is an ODF 1.2 package that LibreOffice opens.

These live with the project-wide tests rather than in `secretariat/core/tests/`: they build each app's own
document, and the kernel (its tests included) may not import a domain app (import-linter). The writer itself
is tested in `secretariat/core/tests/test_odf.py`.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from collections.abc import Callable

import pytest
from django.utils import timezone

from secretariat.accounts.models import User
from secretariat.core import pdf
from secretariat.core.roc import Period
from secretariat.core.tests.test_odf import declared_versions, first_member
from secretariat.council.tests.question_helpers import answer_and_approve, record, session
from secretariat.council.views.answer_book import answer_book_build
from secretariat.counters.services.volunteer_roster import volunteer_create
from secretariat.counters.services.volunteer_shifts import shift_attendance_record, shift_plan
from secretariat.counters.tests.consultation_helpers import posts
from secretariat.counters.views.certificates import certificate_odt
from secretariat.media.services.digest_document import digest_for
from secretariat.media.tests.opinion_helpers import monitor
from secretariat.media.tests.opinion_helpers import record as record_item
from secretariat.reporting.report.composer import report_compose
from secretariat.reporting.report.registry import register_section, unregister_section
from secretariat.reporting.report.render.odt import render_odt
from secretariat.reporting.tests.providers import COUNTERS, counters_section
from tests.files import pdf_text

pytestmark = pytest.mark.django_db
__all__ = ["monitor", "posts", "session"]  # fixtures, imported for pytest to find
needs_office = pytest.mark.skipif(not pdf.pdf_available() or shutil.which("pdftotext") is None,
                                  reason="LibreOffice and pdftotext are installed by `make test` as root")
Build = Callable[[pytest.FixtureRequest], bytes]


def _report(request: pytest.FixtureRequest) -> bytes:
    request.getfixturevalue("reference_data")
    register_section(COUNTERS, counters_section)  # a table too, as the real report has
    request.addfinalizer(lambda: unregister_section(COUNTERS, counters_section))
    return render_odt(report_compose(period=Period(112, 2)))


def _answer_book(request: pytest.FixtureRequest) -> bytes:
    the_session = request.getfixturevalue("session")
    clerk, liaison, head = (request.getfixturevalue(name) for name in ("secretariat_clerk", "liaison", "agency_head"))
    answer_and_approve(record(clerk, session=the_session, topic="捷運延伸線進度"), liaison, head,
                       text="捷運延伸線進度之答復")
    return answer_book_build(the_session)


def _digest(request: pytest.FixtureRequest) -> bytes:
    reader: User = request.getfixturevalue("monitor")
    record_item(reader, "公車事故 多人受傷", agencies=("交通局",))
    return digest_for(user=reader, day=dt.date(2023, 9, 12))


def _certificate(request: pytest.FixtureRequest) -> bytes:
    clerk: User = request.getfixturevalue("secretariat_clerk")
    post = request.getfixturevalue("posts")["service-centre"]
    volunteer = volunteer_create(actor=clerk, name="張志明", phone="0933123456", email="chang@example.com",
                                 skills="英語", availability="週一上午")
    day = timezone.localdate() - dt.timedelta(days=2)
    starts = timezone.make_aware(dt.datetime.combine(day, dt.time(9)))
    shift = shift_plan(actor=clerk, volunteer_id=volunteer.pk, post_id=post.pk, starts_at=starts,
                       ends_at=starts + dt.timedelta(hours=3))
    shift_attendance_record(actor=clerk, shift_id=shift.pk, attended=True)
    return certificate_odt(volunteer_id=volunteer.pk, start=day, end=day)


# Each document, with a phrase its PDF must show.
DOCUMENTS: dict[str, tuple[Build, str]] = {
    "report": (_report, "綜合諮詢服務統計表"),
    "answer book": (_answer_book, "捷運延伸線進度之答復"),
    "digest": (_digest, "公車事故"),
    "certificate": (_certificate, "張志明"),
}


@pytest.fixture(params=list(DOCUMENTS))
def document(request: pytest.FixtureRequest) -> tuple[bytes, str]:
    build, phrase = DOCUMENTS[request.param]
    return build(request), phrase


def test_the_package_declares_odf_1_2_in_every_part_and_keeps_mimetype_first_and_stored(document):
    odt, _phrase = document
    versions = declared_versions(odt)
    assert versions == dict.fromkeys(versions, "1.2")
    assert first_member(odt) == ("mimetype", zipfile.ZIP_STORED, b"application/vnd.oasis.opendocument.text")


@needs_office
def test_libreoffice_opens_the_document(document):
    odt, phrase = document
    made = pdf.odt_to_pdf(odt)
    assert made.startswith(b"%PDF")
    assert phrase in pdf_text(made)
