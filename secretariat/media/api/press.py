"""Press releases over JSON: drafting, files, the approvals, publication and corrections (each write sends
the `version` it read), the staff list (scoped like the pages), and the public list/detail without
sign-in. The press office's other records are in api/press_records.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile

from secretariat.core.actors import SignedInRequest
from secretariat.media.api.press_records import router as records_router
from secretariat.media.api.schemas import (
    CorrectIn,
    FileOut,
    PublicDetailOut,
    PublicPageOut,
    PublishIn,
    ReleaseIn,
    ReleaseOut,
    ReleaseUpdateIn,
    ReturnIn,
    VersionIn,
)
from secretariat.media.constants import ReleaseStatus
from secretariat.media.selectors import releases as selectors
from secretariat.media.services import releases as services

if TYPE_CHECKING:
    from secretariat.media.models import PressRelease

router = Router(tags=["media: press releases"])
router.add_router("", records_router)
LIST_LIMIT = 200


def _out(release: PressRelease) -> dict[str, Any]:
    return {"id": release.pk, "agency_id": release.agency_id, "agency": release.agency.short_name,
            "title": release.title, "body": release.body, "status": release.status, "version": release.version,
            "unit_approved_at": release.unit_approved_at, "media_approved_at": release.media_approved_at,
            "return_note": release.return_note, "published_at": release.published_at,
            "corrected_at": release.corrected_at}


def _public(release: PressRelease) -> dict[str, Any]:
    return {"id": release.pk, "agency_id": release.agency_id, "agency": release.agency.short_name,
            "title": release.title, "body": release.body, "published_at": release.published_at,
            "corrected_at": release.corrected_at, "url": f"/press/releases/{release.pk}/"}


@router.get("/releases", response=list[ReleaseOut])
def release_list(request: HttpRequest, status: ReleaseStatus | None = None, waiting_for_me: bool = False) -> Any:
    """The releases you may see (your agency's; the media unit sees every agency's), newest change first."""
    releases = selectors.release_list(user=request.user, status=status or "", awaiting_me=waiting_for_me)
    return [_out(release) for release in releases[:LIST_LIMIT]]


@router.post("/releases", response={201: ReleaseOut})
def release_draft(request: SignedInRequest, payload: ReleaseIn) -> Any:
    """Draft a release for your agency. The body is limited HTML or plain text; active content is refused."""
    return Status(201, _out(services.release_draft(actor=request.user, title=payload.title, body=payload.body)))


@router.get("/releases/{release_id}", response=ReleaseOut)
def release_get(request: HttpRequest, release_id: int) -> Any:
    return _out(selectors.release_get_for(user=request.user, pk=release_id))


@router.put("/releases/{release_id}", response=ReleaseOut)
def release_update(request: SignedInRequest, release_id: int, payload: ReleaseUpdateIn) -> Any:
    selectors.release_get_for(user=request.user, pk=release_id)
    return _out(services.release_update(actor=request.user, release_id=release_id, version=payload.version,
                                        title=payload.title, body=payload.body))


@router.post("/releases/{release_id}/files", response={201: FileOut})
def release_file_add(request: SignedInRequest, release_id: int, file: File[UploadedFile],
                     kind: Form[str] = "image", caption: Form[str] = "") -> Any:
    """Attach an image (PNG/JPEG, size-checked) or a file (multipart form: file, kind, caption)."""
    selectors.release_get_for(user=request.user, pk=release_id)
    item = services.release_file_add(actor=request.user, release_id=release_id, upload=file, kind=kind,
                                     caption=caption)
    return Status(201, {"id": item.pk, "kind": item.kind, "caption": item.caption,
                        "name": item.attachment.original_name})


def _step(request: HttpRequest, release_id: int, service: Any, **data: Any) -> dict[str, Any]:
    selectors.release_get_for(user=request.user, pk=release_id)  # 404 outside the reader's scope
    return _out(service(actor=request.user, release_id=release_id, **data))


@router.post("/releases/{release_id}/submit", response=ReleaseOut)
def release_submit(request: HttpRequest, release_id: int, payload: VersionIn) -> Any:
    return _step(request, release_id, services.release_submit, version=payload.version)


@router.post("/releases/{release_id}/approve-unit", response=ReleaseOut)
def release_approve_unit(request: HttpRequest, release_id: int, payload: VersionIn) -> Any:
    """The unit head's approval (the agency head, or the head of the Secretariat unit that drafted it)."""
    return _step(request, release_id, services.release_approve_unit, version=payload.version)


@router.post("/releases/{release_id}/approve-media", response=ReleaseOut)
def release_approve_media(request: HttpRequest, release_id: int, payload: VersionIn) -> Any:
    """The Secretariat media unit's approval."""
    return _step(request, release_id, services.release_approve_media, version=payload.version)


@router.post("/releases/{release_id}/return", response=ReleaseOut)
def release_return(request: HttpRequest, release_id: int, payload: ReturnIn) -> Any:
    return _step(request, release_id, services.release_return, version=payload.version, reason=payload.reason)


@router.post("/releases/{release_id}/publish", response=ReleaseOut)
def release_publish(request: HttpRequest, release_id: int, payload: PublishIn) -> Any:
    """Publish now, or at `at` (scheduled). Refused without both approvals."""
    return _step(request, release_id, services.release_publish, version=payload.version, at=payload.at)


@router.post("/releases/{release_id}/correct", response=ReleaseOut)
def release_correct(request: HttpRequest, release_id: int, payload: CorrectIn) -> Any:
    return _step(request, release_id, services.release_correct, version=payload.version, title=payload.title,
                 body=payload.body, note=payload.note)


@router.get("/public/releases", response=PublicPageOut, auth=None)
def public_releases(request: HttpRequest, agency: int | None = None, q: str = "", after: str = "") -> Any:
    """Published releases, newest first, 20 a page; pass `next_cursor` back as `after`. No sign-in."""
    page = selectors.public_release_page(agency_id=agency, query=q, cursor=after)
    return {"items": [_public(release) for release in page.items], "next_cursor": page.next_cursor}


@router.get("/public/releases/{release_id}", response=PublicDetailOut, auth=None)
def public_release(request: HttpRequest, release_id: int) -> Any:
    release = selectors.public_release_get(pk=release_id)
    return {**_public(release),
            "revisions": [{"number": item.number, "title": item.title, "body": item.body, "note": item.note,
                           "made_at": item.made_at} for item in release.revisions.all()],
            "files": [{"id": item.pk, "kind": item.kind, "caption": item.caption,
                       "name": item.attachment.original_name} for item in release.files.all()]}
