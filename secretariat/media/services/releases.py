"""Writes to press releases: drafting, files, the two approvals, publication and public corrections.

Every service locks the release row and compares the caller's `version` (optimistic concurrency: the form
or API client sends the version it read), runs in one transaction and writes an audit row. Publication and
corrections drop the public pages' cache once the transaction commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.models import Agency, User
from secretariat.core.actors import Actor, person_or_none
from secretariat.core.attachments import AnyUpload, attachment_upload
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.core.site_settings import setting_get
from secretariat.media.access import press as access
from secretariat.media.models import PressRelease, ReleaseFile, ReleaseFileKind, ReleaseRevision, ReleaseStatus
from secretariat.media.services import public_cache
from secretariat.media.services.sanitise import clean_body
from secretariat.notifications.services import notify

AUDITED = ["agency", "unit", "title", "status", "version", "published_at", "corrected_at"]
OWNER_TYPE = "media.pressrelease"
IMAGE_EXTENSIONS = {"png", "jpg", "jpeg"}


def _clean_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationFailed(_("The title is required."), code="missing_fields", field="title")
    if len(title) > 200:
        raise ValidationFailed(_("The title is longer than 200 characters."), code="invalid", field="title")
    return title


def _locked(release_id: int, version: int | None) -> PressRelease:
    """The release, locked for this transaction; Conflict if someone saved it since `version` was read."""
    release = PressRelease.objects.select_for_update().select_related("agency").filter(pk=release_id).first()
    if release is None:
        raise NotFound()
    if version is not None and release.version != version:
        raise Conflict()
    return release


def _save(release: PressRelease, *, actor: Actor, action: str, before: dict[str, Any],
          extra: dict[str, Any] | None = None) -> PressRelease:
    release.version += 1
    release.save()
    record_change(actor=actor, action=action, target=release, before=before, after=snapshot(release, AUDITED),
                  extra=extra)
    return release


def _candidates(release: PressRelease, *, unit_stage: bool) -> list[User]:
    """Who may take the next approval: the drafting unit's head (an agency's head), or the media unit."""
    if unit_stage:
        people = User.objects.filter(agency_id=release.agency_id, is_active=True).select_related("unit__agency")
        return [person for person in people if access.can_unit_approve(person, release)]
    people = User.objects.filter(unit__agency__is_secretariat=True, unit__name=setting_get("media.unit_name"),
                                 is_active=True).select_related("unit__agency")
    return [person for person in people if access.can_media_approve(person, release)]


def _tell(release: PressRelease, code: str, people: Sequence[User | None], **params: str) -> None:
    notify(code, to=people, record=release, link=reverse("media:press_release", args=[release.pk]),
           params={"title": release.title[:80], **params})


def _require_status(release: PressRelease, *allowed: str) -> None:
    if release.status not in allowed:
        raise Conflict(_("The release is “%(status)s”; this step is not possible now."), code="wrong_status",
                       params={"status": release.get_status_display()})


def release_draft(*, actor: Actor, title: str, body: str, agency: Agency | None = None) -> PressRelease:
    """A new draft for the actor's own agency (the platform itself may name any agency)."""
    if not access.can_draft(actor):
        raise PermissionRefused()
    user = person_or_none(actor)
    if user is not None:
        agency = user.agency
    if agency is None:
        raise ValidationFailed(_("Choose the agency of the release."), code="missing_fields", field="agency")
    with transaction.atomic():
        release = PressRelease.objects.create(
            agency=agency, unit=user.unit if user is not None else None, title=_clean_title(title),
            body=clean_body(body), drafted_by=user)
        record_change(actor=actor, action="media.release_draft", target=release, after=snapshot(release, AUDITED))
    return release


def release_update(*, actor: Actor, release_id: int, version: int, title: str, body: str) -> PressRelease:
    """Edit a draft (a release sent back by an approver is a draft again)."""
    title, body = _clean_title(title), clean_body(body)
    with transaction.atomic():
        release = _locked(release_id, version)
        if not access.can_edit_draft(actor, release):
            raise PermissionRefused()
        _require_status(release, ReleaseStatus.DRAFT)
        before = snapshot(release, AUDITED)
        release.title, release.body = title, body
        return _save(release, actor=actor, action="media.release_update", before=before)


def release_file_add(*, actor: Actor, release_id: int, upload: AnyUpload, kind: str, caption: str = "") -> ReleaseFile:
    """Attach an image (PNG or JPEG, at most `media.image_max_megabytes`) or another file to a draft."""
    if kind not in ReleaseFileKind.values:
        raise ValidationFailed(_("Choose whether the file is an image or an attachment."), field="kind")
    if kind == ReleaseFileKind.IMAGE:
        _check_image(upload)
    with transaction.atomic():
        release = _locked(release_id, None)
        if not access.can_edit_draft(actor, release):
            raise PermissionRefused()
        _require_status(release, ReleaseStatus.DRAFT)
        attachment = attachment_upload(actor=person_or_none(actor), upload=upload, owner_type=OWNER_TYPE,
                                       owner_id=str(release.pk))
        item = ReleaseFile.objects.create(release=release, attachment=attachment, kind=kind,
                                          caption=caption.strip()[:200])
        record_change(actor=actor, action="media.release_file_add", target=release,
                      after={"file": str(attachment.pk), "kind": kind, "name": attachment.original_name})
    return item


def _check_image(upload: AnyUpload) -> None:
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in IMAGE_EXTENSIONS:
        raise ValidationFailed(_("An image must be a PNG or JPEG file."), code="attachment_rejected", field="file")
    limit = int(setting_get("media.image_max_megabytes"))
    if (upload.size or 0) > limit * 1024 * 1024:
        raise ValidationFailed(_("The image is %(size)s MB; the largest accepted is %(limit)s MB."),
                               code="attachment_rejected", field="file",
                               params={"size": round((upload.size or 0) / 1024 / 1024, 1), "limit": limit})


def release_file_remove(*, actor: Actor, release_id: int, file_id: int) -> None:
    with transaction.atomic():
        release = _locked(release_id, None)
        if not access.can_edit_draft(actor, release):
            raise PermissionRefused()
        _require_status(release, ReleaseStatus.DRAFT)
        item = ReleaseFile.objects.filter(pk=file_id, release=release).first()
        if item is None:
            raise NotFound()
        record_change(actor=actor, action="media.release_file_remove", target=release,
                      before={"file": str(item.attachment_id), "kind": item.kind})
        item.delete()


def release_submit(*, actor: Actor, release_id: int, version: int) -> PressRelease:
    with transaction.atomic():
        release = _locked(release_id, version)
        if not access.can_edit_draft(actor, release):
            raise PermissionRefused()
        _require_status(release, ReleaseStatus.DRAFT)
        before = snapshot(release, AUDITED)
        release.status, release.return_note = ReleaseStatus.SUBMITTED, ""
        saved = _save(release, actor=actor, action="media.release_submit", before=before)
        _tell(release, "media.release_awaiting_approval", _candidates(release, unit_stage=True))
        return saved


def release_approve_unit(*, actor: Actor, release_id: int, version: int) -> PressRelease:
    with transaction.atomic():
        release = _locked(release_id, version)
        if not access.can_unit_approve(actor, release):
            raise PermissionRefused(_("Only the head of the drafting unit, who did not draft it, approves here."))
        _require_status(release, ReleaseStatus.SUBMITTED)
        before = snapshot(release, AUDITED)
        release.status = ReleaseStatus.UNIT_APPROVED
        release.unit_approved_by, release.unit_approved_at = person_or_none(actor), timezone.now()
        saved = _save(release, actor=actor, action="media.release_approve_unit", before=before)
        _tell(release, "media.release_awaiting_approval", _candidates(release, unit_stage=False))
        return saved


def release_approve_media(*, actor: Actor, release_id: int, version: int) -> PressRelease:
    with transaction.atomic():
        release = _locked(release_id, version)
        if not access.can_media_approve(actor, release):
            raise PermissionRefused(_("Only the media unit, and not the release's drafter, approves here."))
        _require_status(release, ReleaseStatus.UNIT_APPROVED)
        before = snapshot(release, AUDITED)
        release.status = ReleaseStatus.APPROVED
        release.media_approved_by, release.media_approved_at = person_or_none(actor), timezone.now()
        return _save(release, actor=actor, action="media.release_approve_media", before=before)


def release_return(*, actor: Actor, release_id: int, version: int, reason: str) -> PressRelease:
    """Send a release awaiting approval or publication back to its writers as a draft, with the reason.
    Both approvals are cleared: the changed text must be approved again."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(_("Say why the release goes back to its writers."), code="missing_fields",
                               field="reason")
    with transaction.atomic():
        release = _locked(release_id, version)
        allowed = {ReleaseStatus.SUBMITTED: access.can_unit_approve(actor, release),
                   ReleaseStatus.UNIT_APPROVED: access.can_media_approve(actor, release),
                   ReleaseStatus.APPROVED: access.can_publish(actor)}
        if release.status not in allowed:
            _require_status(release, *allowed)
        if not allowed[ReleaseStatus(release.status)]:
            raise PermissionRefused()
        before = snapshot(release, AUDITED)
        release.status, release.return_note = ReleaseStatus.DRAFT, reason[:500]
        release.unit_approved_by = release.media_approved_by = None
        release.unit_approved_at = release.media_approved_at = None
        saved = _save(release, actor=actor, action="media.release_return", before=before, extra={"reason": reason})
        _tell(release, "media.release_returned", [release.drafted_by], reason=reason[:150])
        return saved


def release_publish(*, actor: Actor, release_id: int, version: int, at: dt.datetime | None = None) -> PressRelease:
    """Publish now, or at `at` (scheduled). Refused unless both approvals are given."""
    if not access.can_publish(actor):
        raise PermissionRefused()
    now = timezone.now()
    with transaction.atomic():
        release = _locked(release_id, version)
        if release.status != ReleaseStatus.APPROVED or not (release.unit_approved_at and release.media_approved_at):
            raise ValidationFailed(
                _("A release is published only after the unit head and the media unit have both approved it."),
                code="not_approved")
        before = snapshot(release, AUDITED)
        scheduled = at is not None and at > now
        release.status = ReleaseStatus.SCHEDULED if scheduled else ReleaseStatus.PUBLISHED
        published_at = at if scheduled and at is not None else now
        release.published_at = published_at
        ReleaseRevision.objects.create(release=release, number=1, title=release.title, body=release.body,
                                       made_by=person_or_none(actor), made_at=published_at)
        _save(release, actor=actor, action="media.release_publish", before=before)
        _tell(release, "media.release_published", [release.drafted_by])
        transaction.on_commit(public_cache.bump)
    return release


def release_correct(*, actor: Actor, release_id: int, version: int, title: str, body: str,
                    note: str) -> PressRelease:
    """Correct a public release. The previous texts stay as revisions and the public page shows the note."""
    if not access.can_publish(actor):
        raise PermissionRefused()
    note = (note or "").strip()
    if not note:
        raise ValidationFailed(_("Say what the correction changes; readers see this note."),
                               code="missing_fields", field="note")
    title, body = _clean_title(title), clean_body(body)
    with transaction.atomic():
        release = _locked(release_id, version)
        _require_status(release, ReleaseStatus.PUBLISHED, ReleaseStatus.SCHEDULED)
        if title == release.title and body == release.body:
            raise ValidationFailed(_("The correction does not change the title or the body."), code="unchanged")
        before = snapshot(release, AUDITED)
        now = timezone.now()
        number = release.revisions.count() + 1
        ReleaseRevision.objects.create(release=release, number=number, title=title, body=body, note=note[:500],
                                       made_by=person_or_none(actor), made_at=now)
        release.title, release.body, release.corrected_at = title, body, now
        _save(release, actor=actor, action="media.release_correct", before=before, extra={"note": note})
        transaction.on_commit(public_cache.bump)
    return release


def release_publish_due(*, actor: Actor, now: dt.datetime | None = None) -> int:
    """Mark scheduled releases whose time has come as published (they are already public by their time;
    this keeps statuses honest) and drop the cached pages. Returns how many changed."""
    now = now or timezone.now()
    changed = 0
    with transaction.atomic():
        for release in PressRelease.objects.select_for_update().filter(status=ReleaseStatus.SCHEDULED,
                                                                      published_at__lte=now):
            before = snapshot(release, AUDITED)
            release.status = ReleaseStatus.PUBLISHED
            _save(release, actor=actor, action="media.release_publish_due", before=before)
            changed += 1
        if changed:
            transaction.on_commit(public_cache.bump)
    return changed
