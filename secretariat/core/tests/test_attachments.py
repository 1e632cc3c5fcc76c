"""Uploaded files: content-checked, size-limited, stored only when accepted, read only by those allowed."""

import hashlib
import struct
import uuid
import zlib

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from secretariat.accounts.constants import Role
from secretariat.accounts.models import Agency, User
from secretariat.audit.models import AuditEntry
from secretariat.core import attachments
from secretariat.core.attachments import AttachmentRejected, attachment_get_for, attachment_upload
from secretariat.core.changes import SYSTEM
from secretariat.core.errors import NotFound
from secretariat.core.models import Attachment
from secretariat.core.services import setting_set


def png_bytes() -> bytes:
    """A real 1×1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def pdf_bytes(padding: int = 0) -> bytes:
    """A small one-page PDF, optionally padded with a comment to make it larger."""
    body = (
        b"%PDF-1.4\n"
        b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
    )
    if padding:
        body += b"%" + b"x" * padding + b"\n"
    return body + b"trailer << /Root 1 0 R >>\n%%EOF\n"


def exe_bytes() -> bytes:
    """The start of a Windows executable (MZ header, PE offset, PE signature)."""
    header = bytearray(256)
    header[0:2] = b"MZ"
    header[0x3C:0x40] = struct.pack("<I", 0x80)
    header[0x80:0x84] = b"PE\x00\x00"
    return bytes(header)


@pytest.fixture(autouse=True)
def storage(tmp_path, monkeypatch):
    """Each test stores attachments in its own empty folder."""
    store = FileSystemStorage(location=tmp_path)
    monkeypatch.setattr(Attachment._meta.get_field("file"), "storage", store)
    return tmp_path


@pytest.fixture(autouse=True)
def owner_policies(monkeypatch):
    """Policies registered by a test do not outlive it."""
    monkeypatch.setattr(attachments, "_owner_policies", {})


def stored_files(folder):
    return [path for path in folder.rglob("*") if path.is_file()]


@pytest.fixture
def agency(db):
    return Agency.objects.create(name="臺北市政府民政局", short_name="民政局")


@pytest.fixture
def other_agency(db):
    return Agency.objects.create(name="臺北市政府財政局", short_name="財政局")


@pytest.fixture
def uploader(agency):
    return User.objects.create_user(username="uploader", password="x", role=Role.AGENCY_LIAISON,
                                    agency=agency)


@pytest.fixture
def colleague_elsewhere(other_agency):
    return User.objects.create_user(username="elsewhere", password="x", role=Role.AGENCY_LIAISON,
                                    agency=other_agency)


@pytest.fixture
def administrator(db):
    return User.objects.create_user(username="admin", password="x", role=Role.SECRETARIAT_ADMIN)


def in_english(error):
    with translation.override("en"):
        return error.render()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


# --- Accepting and refusing -----------------------------------------------------------------------

def test_a_real_png_is_accepted_and_stored(uploader, storage):
    stored = attachment_upload(actor=uploader, upload=upload("photo.png", png_bytes()))
    assert stored.content_type == "image/png"
    assert stored.original_name == "photo.png"
    assert stored.size == len(png_bytes())
    assert stored.file.read() == png_bytes()
    assert len(stored_files(storage)) == 1


def test_a_real_pdf_is_accepted_and_stored(uploader):
    stored = attachment_upload(actor=uploader, upload=upload("report.pdf", pdf_bytes()))
    assert stored.content_type == "application/pdf"
    assert Attachment.objects.get().pk == stored.pk


def test_the_extension_is_matched_whatever_its_case(uploader):
    stored = attachment_upload(actor=uploader, upload=upload("SCAN.PDF", pdf_bytes()))
    assert stored.content_type == "application/pdf"


def test_the_stored_file_records_its_checksum(uploader):
    stored = attachment_upload(actor=uploader, upload=upload("report.pdf", pdf_bytes()))
    assert stored.sha256 == hashlib.sha256(pdf_bytes()).hexdigest()


def test_a_utf8_text_file_is_accepted(uploader):
    stored = attachment_upload(actor=uploader, upload=upload("notes.txt", "會議紀錄\n".encode()))
    assert stored.content_type == "text/plain"


def test_an_upload_is_audited(uploader):
    stored = attachment_upload(actor=uploader, upload=upload("report.pdf", pdf_bytes()))
    entry = AuditEntry.objects.get(action="attachment.upload")
    assert entry.actor == uploader
    assert entry.target_id == str(stored.pk)
    assert (entry.after or {})["original_name"] == "report.pdf"


def assert_nothing_stored(storage):
    assert not Attachment.objects.exists()
    assert stored_files(storage) == []
    assert not AuditEntry.objects.filter(action="attachment.upload").exists()


def test_an_executable_renamed_pdf_is_refused_and_nothing_is_stored(uploader, storage):
    with pytest.raises(AttachmentRejected) as refused:
        attachment_upload(actor=uploader, upload=upload("invoice.pdf", exe_bytes()))
    assert refused.value.code == "attachment_rejected"
    assert "does not match its .pdf extension" in in_english(refused.value)
    assert_nothing_stored(storage)


def test_a_png_named_pdf_is_refused(uploader, storage):
    with pytest.raises(AttachmentRejected):
        attachment_upload(actor=uploader, upload=upload("scan.pdf", png_bytes()))
    assert_nothing_stored(storage)


@pytest.mark.parametrize("name", ["setup.exe", "macro.docm", "archive.zip", "README"])
def test_a_file_type_not_on_the_list_is_refused_and_nothing_is_stored(uploader, storage, name):
    with pytest.raises(AttachmentRejected) as refused:
        attachment_upload(actor=uploader, upload=upload(name, pdf_bytes()))
    assert refused.value.code == "attachment_rejected"
    assert "are not accepted" in in_english(refused.value)
    assert_nothing_stored(storage)


def test_a_binary_file_named_txt_is_refused(uploader, storage):
    with pytest.raises(AttachmentRejected):
        attachment_upload(actor=uploader, upload=upload("notes.txt", exe_bytes()))
    assert_nothing_stored(storage)


def test_an_empty_file_is_refused_and_nothing_is_stored(uploader, storage):
    with pytest.raises(AttachmentRejected) as refused:
        attachment_upload(actor=uploader, upload=upload("empty.pdf", b""))
    assert in_english(refused.value) == "The file is empty."
    assert_nothing_stored(storage)


def test_a_file_over_the_configured_size_is_refused_and_nothing_is_stored(uploader, storage):
    setting_set(actor=SYSTEM, key="attachments.max_megabytes", value=1)
    big = pdf_bytes(padding=1536 * 1024)
    with pytest.raises(AttachmentRejected) as refused:
        attachment_upload(actor=uploader, upload=upload("big.pdf", big))
    assert refused.value.params == {"size": 1.5, "limit": 1}
    assert "the largest accepted is 1 MB" in in_english(refused.value)
    assert_nothing_stored(storage)


def test_a_file_under_the_configured_size_is_accepted(uploader):
    setting_set(actor=SYSTEM, key="attachments.max_megabytes", value=1)
    stored = attachment_upload(actor=uploader, upload=upload("small.pdf", pdf_bytes(padding=512 * 1024)))
    assert stored.size > 512 * 1024


# --- Who may read ---------------------------------------------------------------------------------

@pytest.fixture
def report(uploader):
    return attachment_upload(actor=uploader, upload=upload("report.pdf", pdf_bytes()))


def test_the_uploader_may_read_their_file(report, uploader):
    assert attachment_get_for(user=uploader, pk=report.pk) == report


def test_a_user_of_another_agency_is_told_the_file_does_not_exist(report, colleague_elsewhere):
    with pytest.raises(NotFound):
        attachment_get_for(user=colleague_elsewhere, pk=report.pk)


def test_an_administrator_may_read_any_file(report, administrator):
    assert attachment_get_for(user=administrator, pk=report.pk) == report


def test_an_anonymous_visitor_may_not_read_a_file(report):
    with pytest.raises(NotFound):
        attachment_get_for(user=AnonymousUser(), pk=report.pk)


def test_an_unknown_file_is_not_found(administrator):
    with pytest.raises(NotFound):
        attachment_get_for(user=administrator, pk=uuid.uuid4())


def test_an_owner_policy_lets_the_owning_records_readers_see_the_file(
    uploader, colleague_elsewhere, other_agency
):
    attachments.register_owner_policy(
        "test.record", lambda user, owner_id: user.agency_id is not None and str(user.agency_id) == owner_id
    )
    attached = attachment_upload(actor=uploader, upload=upload("report.pdf", pdf_bytes()),
                                 owner_type="test.record", owner_id=str(other_agency.pk))
    assert attachment_get_for(user=colleague_elsewhere, pk=attached.pk) == attached


def test_an_owner_policy_that_says_no_keeps_the_file_hidden(uploader, colleague_elsewhere):
    attachments.register_owner_policy("test.record", lambda user, owner_id: False)
    attached = attachment_upload(actor=uploader, upload=upload("report.pdf", pdf_bytes()),
                                 owner_type="test.record", owner_id="42")
    with pytest.raises(NotFound):
        attachment_get_for(user=colleague_elsewhere, pk=attached.pk)


def test_a_file_of_an_owner_type_without_a_policy_stays_with_its_uploader(uploader, colleague_elsewhere):
    attached = attachment_upload(actor=uploader, upload=upload("report.pdf", pdf_bytes()),
                                 owner_type="unregistered.thing", owner_id="1")
    with pytest.raises(NotFound):
        attachment_get_for(user=colleague_elsewhere, pk=attached.pk)
    assert attachment_get_for(user=uploader, pk=attached.pk) == attached


# --- Files that are personal data: the owner's rule is final ---------------------------------------

def personal_file(uploader, policy):
    attachments.register_owner_policy("test.letter", policy)
    return attachment_upload(actor=uploader, upload=upload("letter.pdf", pdf_bytes()), owner_type="test.letter",
                             owner_id="7")


def test_neither_the_uploader_nor_an_administrator_gets_round_an_owner_who_wants_approval(uploader, administrator):
    letter = personal_file(uploader, lambda user, owner_id: attachments.FileAccess(
        may_read=True, personal_data=True, refusal="先申請調閱"))
    for reader in (uploader, administrator):
        with pytest.raises(attachments.ApprovalRequired) as refused:
            attachments.attachment_open_for(user=reader, pk=letter.pk)
        assert refused.value.status == 403
        assert refused.value.render() == "先申請調閱"


def test_a_personal_data_file_the_owner_hides_is_not_found_even_for_an_administrator(uploader, administrator):
    letter = personal_file(uploader, lambda user, owner_id: attachments.FileAccess(may_read=False, personal_data=True))
    with pytest.raises(NotFound):
        attachments.attachment_open_for(user=administrator, pk=letter.pk)
    with pytest.raises(NotFound):
        attachment_get_for(user=uploader, pk=letter.pk)


def test_an_approved_download_is_recorded_once_and_marked_no_store(uploader, colleague_elsewhere):
    views: list[tuple[object, object]] = []
    letter = personal_file(uploader, lambda user, owner_id: attachments.FileAccess(
        may_read=True, personal_data=True, record_view=lambda reader, attachment: views.append((reader, attachment))))
    opened = attachments.attachment_open_for(user=colleague_elsewhere, pk=letter.pk)
    response = attachments.download_response(opened)

    assert views == [(colleague_elsewhere, letter)]
    assert response["Cache-Control"] == "no-store"
    assert response.getvalue().startswith(b"%PDF")


def test_an_ordinary_file_is_sent_without_a_record_or_no_store(report, uploader):
    response = attachments.download_response(attachments.attachment_open_for(user=uploader, pk=report.pk))

    assert "no-store" not in response.get("Cache-Control", "")
