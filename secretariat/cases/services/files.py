"""The files a case step carries: checked before the step writes anything, stored in the step's transaction as
attachments owned by its CaseEvent (docs/decisions/0018)."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext_lazy as _

from secretariat.cases.constants import MAX_STEP_FILES, STEP_FILES_OWNER
from secretariat.cases.models import CaseEvent
from secretariat.core.actors import Actor, person_or_none
from secretariat.core.attachments import AnyUpload, attachment_upload, attachments_check
from secretariat.core.errors import ValidationFailed
from secretariat.core.models import Attachment

FILES_FIELD = "attachments"  # the form field and the API's multipart field


def step_files_check(*, actor: Actor, files: Sequence[AnyUpload]) -> None:
    """Refuse the step before anything is written: too many files, or one of the wrong type, size or content.
    Files are a person's: the platform acting alone (imports, scheduled work) attaches none."""
    if not files:
        return
    if person_or_none(actor) is None:
        raise ValidationFailed(_("Only a signed-in person can attach files to a step."), code="files_need_person",
                               field=FILES_FIELD)
    attachments_check(files, limit=MAX_STEP_FILES, field=FILES_FIELD)


def step_files_attach(*, actor: Actor, event: CaseEvent, files: Sequence[AnyUpload],
                      stored: list[Attachment]) -> None:
    """Store `files` (already checked) as the event's own; each stored file is added to `stored`, so the caller
    can remove it from storage if the step's transaction fails."""
    uploader = person_or_none(actor)
    for upload in files:
        stored.append(attachment_upload(actor=uploader, upload=upload, owner_type=STEP_FILES_OWNER,
                                        owner_id=str(event.pk)))
