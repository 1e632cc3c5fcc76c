"""The files of a data request's answer reach the councillor with the answer, and not before: 交通局's liaison
drafts the answer with its 「資料詳如附件」 file, the head releases it, 鄭議員 downloads it from the portal."""

from __future__ import annotations

import pytest
from django.core.files.storage import FileSystemStorage
from django.urls import reverse

from secretariat.cases.services import case_transition
from secretariat.core.models import Attachment
from secretariat.council.tests.request_helpers import file, make_councillor, step
from tests.files import upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def storage(tmp_path, monkeypatch):
    monkeypatch.setattr(Attachment._meta.get_field("file"), "storage", FileSystemStorage(location=tmp_path))


@pytest.fixture
def drafted(councillor, secretariat_admin, liaison, agency_named):
    item = file(councillor, make_councillor("鄭議員", councillor))
    step(secretariat_admin, item, "assign", agency=agency_named("交通局").pk)
    case_transition(actor=liaison, case_id=item.pk, name="answer", data={"answer": "資料詳如附件。"},
                    files=[upload("公車路線營運資料.ods", _ods())])
    return item


def _answer_file(item) -> Attachment:
    event = item.case.events.filter(action="answer").latest("pk")
    return Attachment.objects.get(owner_type="cases.caseevent", owner_id=str(event.pk))


def test_the_councillor_cannot_download_the_answers_file_before_release(drafted, councillor, client_for):
    client = client_for(councillor)

    assert client.get(f"/attachments/{_answer_file(drafted).pk}/").status_code == 404
    page = client.get(reverse("council:portal_detail", args=[drafted.pk])).content.decode()
    assert "公車路線營運資料.ods" not in page


def test_the_released_answer_shows_its_file_and_the_councillor_downloads_it(drafted, councillor, agency_head,
                                                                           client_for):
    step(agency_head, drafted, "close")
    client = client_for(councillor)

    page = client.get(reverse("council:portal_detail", args=[drafted.pk])).content.decode()
    attachment = _answer_file(drafted)
    assert "公車路線營運資料.ods" in page
    assert f"/attachments/{attachment.pk}/" in page
    assert client.get(f"/attachments/{attachment.pk}/").status_code == 200


def test_another_councillor_cannot_download_the_released_file(drafted, agency_head, client_for):
    step(agency_head, drafted, "close")
    other = make_councillor("李議員", username="lee")

    assert client_for(other.user).get(f"/attachments/{_answer_file(drafted).pk}/").status_code == 404


def test_a_reopened_answer_is_no_longer_released_to_the_councillor(drafted, councillor, agency_head, client_for):
    step(agency_head, drafted, "close")
    step(councillor, drafted, "reopen", reason="未回答問題")

    assert client_for(councillor).get(f"/attachments/{_answer_file(drafted).pk}/").status_code == 404


def test_the_head_reviewing_the_draft_downloads_its_file(drafted, agency_head, outsider, client_for):
    assert client_for(agency_head).get(f"/attachments/{_answer_file(drafted).pk}/").status_code == 200
    assert client_for(outsider).get(f"/attachments/{_answer_file(drafted).pk}/").status_code == 404


def _ods() -> bytes:
    """A minimal ODF spreadsheet: a zip whose first entry is the uncompressed mimetype."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()
