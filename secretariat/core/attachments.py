"""Uploaded files: type and size checks, storage, and who may read them.

The type is decided by the file's content, not its name: the extension must be on the allow-list and
the bytes must be of that type (a renamed executable is refused). Domain apps register who may read
the files attached to their records with `register_owner_policy`.

The owner of a file decides who reads it. A policy answers True/False, or a `FileAccess` that may also
say the file is personal data (a scanned letter carries the petitioner's name and address): then the
owner's answer is final — neither the uploader nor the blanket `core.view_attachment` permission gets
round it — a download needs the owner's approval, writes the owner's access-log row before a byte
leaves, and is sent with `Cache-Control: no-store` (docs/decisions/0010).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

import filetype
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import FileResponse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from secretariat.core.actors import Actor, Person, Viewer
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import NotFound, PermissionRefused, ValidationFailed
from secretariat.core.models import Attachment
from secretariat.core.site_settings import setting_get

# extension → MIME type. Binary formats are checked by signature; text formats by decoding as UTF-8.
ALLOWED_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "txt": "text/plain",
    "csv": "text/csv",
}
TEXT_TYPES = {"txt", "csv"}
SIGNATURE_ALIASES = {"jpeg": "jpg"}

AnyUpload = UploadedFile[Any]  # django-stubs makes UploadedFile generic over its content


@dataclass(frozen=True)
class FileAccess:
    """An owner's answer for one person and the files of one of its records.

    `may_read`: False hides the file (404, no hint that it exists). `personal_data`: the file is personal
    data — the owner's answer is final, and a download needs `record_view`. `record_view(reader,
    attachment)`: the owner writes the personal-data access-log row (with its approval and reason); None
    while the person holds no approval, and then a download is refused with `refusal` (403). `final`: the
    owner's answer holds for everyone, as for personal data — no uploader or `core.view_attachment` shortcut
    (a case step's files are read exactly by those who see the step; an auditor reading 「密件」 does not).
    """

    may_read: bool
    personal_data: bool = False
    record_view: Callable[[Any, Attachment], None] | None = None
    refusal: str | Promise = ""
    final: bool = False


READ = FileAccess(may_read=True)
HIDDEN = FileAccess(may_read=False)
OwnerPolicy = Callable[[Any, str], "bool | FileAccess"]
_owner_policies: dict[str, OwnerPolicy] = {}


def register_owner_policy(owner_type: str, may_read: OwnerPolicy) -> None:
    """`may_read(user, owner_id)` decides who may read files attached to `owner_type` records: a bool, or
    a `FileAccess` for files that are personal data."""
    _owner_policies[owner_type] = may_read


class ApprovalRequired(PermissionRefused):
    code = "approval_required"
    default_message = _("This file holds personal data: it may be downloaded only with an approved request to see "
                        "that data, and every download is logged.")


@dataclass(frozen=True)
class OpenedFile:
    """A file ready to send: `no_store` asks browsers and proxies to keep no copy (personal data)."""

    attachment: Attachment
    content: IO[bytes]
    no_store: bool


class AttachmentRejected(ValidationFailed):
    code = "attachment_rejected"


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _check_type(upload: AnyUpload) -> tuple[str, str]:
    name = upload.name or ""
    extension = _extension(name)
    if extension not in ALLOWED_TYPES:
        raise AttachmentRejected(
            _("Files of type “.%(ext)s” are not accepted. Accepted: %(allowed)s."),
            params={"ext": extension or "?", "allowed": ", ".join(sorted(ALLOWED_TYPES))},
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if extension in TEXT_TYPES:
        if b"\x00" in head or not _is_utf8_prefix(head):
            raise AttachmentRejected(_("“%(name)s” is not a UTF-8 text file."), params={"name": name})
    else:
        detected = filetype.guess_extension(head)
        if detected != SIGNATURE_ALIASES.get(extension, extension):
            raise AttachmentRejected(
                _("The content of “%(name)s” does not match its .%(ext)s extension."),
                params={"name": name, "ext": extension},
            )
    return name, ALLOWED_TYPES[extension]


def _is_utf8_prefix(data: bytes) -> bool:
    # The 8 KiB cut may split a multi-byte character: allow up to 3 dangling bytes at the end.
    for cut in range(4):
        try:
            data[: len(data) - cut].decode("utf-8")
            return True
        except UnicodeDecodeError:
            continue
    return False


def _check_size(upload: AnyUpload) -> None:
    limit_mb = int(setting_get("attachments.max_megabytes"))
    if upload.size is None or upload.size == 0:
        raise AttachmentRejected(_("The file is empty."))
    if upload.size > limit_mb * 1024 * 1024:
        raise AttachmentRejected(
            _("The file is %(size)s MB; the largest accepted is %(limit)s MB."),
            params={"size": round(upload.size / 1024 / 1024, 1), "limit": limit_mb},
        )


def attachment_check(upload: AnyUpload) -> tuple[str, str]:
    """Refuse (AttachmentRejected) an empty, too large or mistyped file without storing anything: a service
    that writes a record with its files checks them all first. Returns the file's name and content type."""
    _check_size(upload)
    return _check_type(upload)


def attachments_check(uploads: Sequence[AnyUpload], *, limit: int, field: str = "files") -> None:
    """`attachment_check` for several files, and at most `limit` of them; the refusal names the file and
    `field`, so a form shows it on the file input."""
    if len(uploads) > limit:
        raise AttachmentRejected(_("Attach at most %(limit)s files."), code="too_many_attachments",
                                 params={"limit": limit}, field=field)
    for upload in uploads:
        try:
            attachment_check(upload)
        except AttachmentRejected as refusal:
            refusal.field = field
            raise


@contextmanager
def files_removed_on_failure() -> Iterator[list[Attachment]]:
    """Files stored inside a transaction that then fails would stay on disk with no row: delete them."""
    stored: list[Attachment] = []
    try:
        yield stored
    except BaseException:
        for attachment in stored:
            attachment.file.delete(save=False)
        raise


def attachment_upload(*, actor: Person | None, upload: AnyUpload, owner_type: str = "",
                      owner_id: str = "") -> Attachment:
    """Check and store an uploaded file. Nothing is stored if a check fails. `actor` is None for a citizen's
    upload: the file then has no uploader."""
    name, content_type = attachment_check(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    with transaction.atomic():
        attachment = Attachment(
            original_name=name[-255:], content_type=content_type, size=upload.size or 0,
            sha256=digest.hexdigest(), uploaded_by=actor, owner_type=owner_type, owner_id=owner_id,
        )
        attachment.file.save(name, upload, save=False)
        try:
            attachment.save()
            record_change(actor=actor, action="attachment.upload", target=attachment,
                          after=snapshot(attachment, ["original_name", "content_type", "size", "sha256"]))
        except Exception:
            attachment.file.delete(save=False)  # no orphan file when the row is not written
            raise
    return attachment


def attachment_get_for(*, user: Actor | Viewer, pk: Any) -> Attachment:
    """The attachment's record (name, type, size) if `user` may see that it exists; otherwise NotFound
    (no hint that it exists). Reading its content is `attachment_open_for`."""
    attachment = Attachment.objects.filter(pk=pk).first()
    if attachment is None or not user.is_authenticated or not _access(user, attachment).may_read:
        raise NotFound()
    return attachment


def attachment_open_for(*, user: Actor | Viewer, pk: Any) -> OpenedFile:
    """Open the file for `user` to download. NotFound when they may not know it exists; ApprovalRequired
    (403) for a personal-data file they hold no approval for. A personal-data download writes the
    owner's access-log row, one per download, before the content is handed over."""
    attachment = Attachment.objects.filter(pk=pk).first()
    access = _access(user, attachment) if attachment is not None and user.is_authenticated else HIDDEN
    if attachment is None or not access.may_read:
        raise NotFound()
    if not access.personal_data:
        return OpenedFile(attachment=attachment, content=attachment.file.open("rb"), no_store=False)
    if access.record_view is None:
        raise ApprovalRequired(access.refusal or None)
    content = attachment.file.open("rb")  # a missing file fails here, before a view is logged
    try:
        with transaction.atomic():
            access.record_view(user, attachment)
    except Exception:
        content.close()
        raise
    return OpenedFile(attachment=attachment, content=content, no_store=True)


def download_response(opened: OpenedFile) -> FileResponse:
    """The download the page and the API send; a personal-data file is marked for no cache to keep."""
    attachment = opened.attachment
    response = FileResponse(opened.content, as_attachment=True, filename=attachment.original_name,
                            content_type=attachment.content_type)
    if opened.no_store:
        response["Cache-Control"] = "no-store"
    return response


def _access(user: Actor | Viewer, attachment: Attachment) -> FileAccess:
    policy = _owner_policies.get(attachment.owner_type)
    answer = policy(user, attachment.owner_id) if policy else None
    if isinstance(answer, FileAccess) and (answer.personal_data or answer.final):
        return answer  # the owner's rule is final (always for personal data): no uploader or permission shortcut
    if attachment.uploaded_by_id == user.pk or user.has_perm("core.view_attachment"):
        return READ
    if isinstance(answer, FileAccess):
        return answer
    return READ if answer else HIDDEN
