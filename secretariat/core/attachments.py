"""Uploaded files: type and size checks, storage, and who may read them.

The type is decided by the file's content, not its name: the extension must be on the allow-list and
the bytes must be of that type (a renamed executable is refused). Domain apps register who may read
the files attached to their records with `register_owner_policy`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import filetype
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import NotFound, ValidationFailed
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
OwnerPolicy = Callable[[Any, str], bool]
_owner_policies: dict[str, OwnerPolicy] = {}


def register_owner_policy(owner_type: str, may_read: OwnerPolicy) -> None:
    """`may_read(user, owner_id)` decides who may download files attached to `owner_type` records."""
    _owner_policies[owner_type] = may_read


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


def attachment_upload(*, actor: Any, upload: AnyUpload, owner_type: str = "", owner_id: str = "") -> Attachment:
    """Check and store an uploaded file. Nothing is stored if a check fails."""
    _check_size(upload)
    name, content_type = _check_type(upload)
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


def attachment_get_for(*, user: Any, pk: Any) -> Attachment:
    """The attachment if `user` may read it; otherwise NotFound (no hint that it exists)."""
    attachment = Attachment.objects.filter(pk=pk).first()
    if attachment is None or not user.is_authenticated or not _may_read(user, attachment):
        raise NotFound()
    return attachment


def _may_read(user: Any, attachment: Attachment) -> bool:
    if attachment.uploaded_by_id == user.pk or user.has_perm("core.view_attachment"):
        return True
    policy = _owner_policies.get(attachment.owner_type)
    return bool(policy and policy(user, attachment.owner_id))
