"""Every refusal of the press release services, each with its code and field, and nothing written: no
release, revision, file, attachment or audit row came or changed. (test_releases.py tells the workflow.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from secretariat.accounts.models import User
from secretariat.core.changes import SYSTEM
from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.media.models import PressRelease, ReleaseStatus
from secretariat.media.services import releases as services
from secretariat.media.tests.press_helpers import BODY, approved, published
from secretariat.media.tests.refusal_helpers import assert_refusal, nothing_written
from tests.files import exe_bytes, png_bytes

pytestmark = pytest.mark.django_db
UNKNOWN = 987654


def png(name: str = "photo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


@pytest.fixture
def stage(liaison, agency_head, media_officer) -> Callable[[str], PressRelease]:
    """A 交通局 release drafted by 黃聯絡 and taken to `status` by the right people."""
    def make(status: str) -> PressRelease:
        if status == ReleaseStatus.APPROVED:
            return approved(liaison, agency_head, media_officer)
        if status == ReleaseStatus.PUBLISHED:
            return published(liaison, agency_head, media_officer)
        release = services.release_draft(actor=liaison, title="週末交通管制", body=BODY)
        if status == ReleaseStatus.DRAFT:
            return release
        release = services.release_submit(actor=liaison, release_id=release.pk, version=release.version)
        if status == ReleaseStatus.SUBMITTED:
            return release
        return services.release_approve_unit(actor=agency_head, release_id=release.pk, version=release.version)
    return make


def persona(request: Any, name: str) -> Any:
    if name == "anonymous":
        return AnonymousUser()
    if name == "inactive_liaison":
        user: User = request.getfixturevalue("liaison")
        user.is_active = False
        user.save(update_fields=["is_active"])
        return user
    return request.getfixturevalue(name)


# --- Drafting ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["anonymous", "councillor", "auditor", "inactive_liaison"])
def test_people_without_a_drafting_role_cannot_draft(request, who) -> None:
    actor = persona(request, who)
    with nothing_written(), pytest.raises(PermissionRefused) as refused:
        services.release_draft(actor=actor, title="不可", body=BODY)
    assert_refusal(refused.value, PermissionRefused, "permission_denied")


@pytest.mark.parametrize(("title", "code"), [("", "missing_fields"), ("   ", "missing_fields"),
                                              ("長" * 201, "invalid")])
def test_a_draft_needs_a_title_of_at_most_200_characters(liaison, title, code) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        services.release_draft(actor=liaison, title=title, body=BODY)
    assert_refusal(refused.value, ValidationFailed, code, "title")


def test_the_platform_must_name_the_agency_of_a_release_it_drafts(reference_data) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        services.release_draft(actor=SYSTEM, title="匯入稿", body=BODY)
    assert_refusal(refused.value, ValidationFailed, "missing_fields", "agency")


def test_a_title_of_exactly_200_characters_is_accepted(liaison) -> None:
    assert len(services.release_draft(actor=liaison, title="長" * 200, body=BODY).title) == 200


# --- Editing a draft -------------------------------------------------------------------------------------

def test_editing_a_release_that_does_not_exist_is_not_found(liaison) -> None:
    with nothing_written(), pytest.raises(NotFound):
        services.release_update(actor=liaison, release_id=UNKNOWN, version=1, title="x", body=BODY)


@pytest.mark.parametrize("who", ["outsider", "councillor", "auditor", "secretariat_clerk"])
def test_only_the_drafting_agency_and_the_media_unit_edit_a_draft(request, stage, who) -> None:
    release = stage(ReleaseStatus.DRAFT)
    actor = persona(request, who)
    with nothing_written(), pytest.raises(PermissionRefused):
        services.release_update(actor=actor, release_id=release.pk, version=release.version,
                                title="改寫", body=BODY)


def test_the_media_unit_may_tidy_another_agencys_draft(stage, media_officer) -> None:
    release = stage(ReleaseStatus.DRAFT)
    tidied = services.release_update(actor=media_officer, release_id=release.pk, version=release.version,
                                     title="週末交通管制（修飾）", body=BODY)
    assert tidied.title == "週末交通管制（修飾）"


@pytest.mark.parametrize("status", [ReleaseStatus.SUBMITTED, ReleaseStatus.UNIT_APPROVED, ReleaseStatus.APPROVED,
                                    ReleaseStatus.PUBLISHED])
def test_a_release_past_its_draft_cannot_be_edited(stage, liaison, status) -> None:
    release = stage(status)
    with nothing_written(), pytest.raises(Conflict) as refused:
        services.release_update(actor=liaison, release_id=release.pk, version=release.version, title="偷改",
                                body=BODY)
    assert_refusal(refused.value, Conflict, "wrong_status")


@pytest.mark.parametrize(("title", "body", "code", "field"), [
    ("", BODY, "missing_fields", "title"),
    ("好標題", "<p>x</p><script>steal()</script>", "active_content", "body"),
])
def test_an_edit_with_bad_values_leaves_the_draft_as_it_was(stage, liaison, title, body, code, field) -> None:
    release = stage(ReleaseStatus.DRAFT)
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        services.release_update(actor=liaison, release_id=release.pk, version=release.version, title=title,
                                body=body)
    assert_refusal(refused.value, ValidationFailed, code, field)


# --- Files ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("upload", "kind", "code", "field"), [
    (lambda: png(), "video", "invalid", "kind"),
    (lambda: png("photo.gif"), "image", "attachment_rejected", "file"),
    (lambda: png("photo"), "image", "attachment_rejected", "file"),
])
def test_a_file_of_the_wrong_kind_is_refused_and_nothing_is_stored(stage, liaison, upload, kind, code,
                                                                   field) -> None:
    release = stage(ReleaseStatus.DRAFT)
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        services.release_file_add(actor=liaison, release_id=release.pk, upload=upload(), kind=kind)
    assert_refusal(refused.value, ValidationFailed, code, field)


def test_an_executable_attachment_is_refused_and_nothing_is_stored(stage, liaison) -> None:
    release = stage(ReleaseStatus.DRAFT)
    program = SimpleUploadedFile("report.pdf", exe_bytes(), content_type="application/pdf")
    with nothing_written(), pytest.raises(ValidationFailed):
        services.release_file_add(actor=liaison, release_id=release.pk, upload=program, kind="file")


def test_files_are_added_to_drafts_only_and_by_their_writers(stage, liaison, outsider) -> None:
    draft, submitted = stage(ReleaseStatus.DRAFT), stage(ReleaseStatus.SUBMITTED)
    with nothing_written():
        with pytest.raises(PermissionRefused):
            services.release_file_add(actor=outsider, release_id=draft.pk, upload=png(), kind="image")
        with pytest.raises(Conflict) as refused:
            services.release_file_add(actor=liaison, release_id=submitted.pk, upload=png(), kind="image")
        with pytest.raises(NotFound):
            services.release_file_add(actor=liaison, release_id=UNKNOWN, upload=png(), kind="image")
    assert refused.value.code == "wrong_status"


def test_a_file_is_removed_from_its_own_draft_only(stage, liaison, outsider) -> None:
    first, second = stage(ReleaseStatus.DRAFT), stage(ReleaseStatus.DRAFT)
    item = services.release_file_add(actor=liaison, release_id=first.pk, upload=png(), kind="image")
    with nothing_written():
        with pytest.raises(NotFound):  # the file belongs to another release
            services.release_file_remove(actor=liaison, release_id=second.pk, file_id=item.pk)
        with pytest.raises(NotFound):
            services.release_file_remove(actor=liaison, release_id=first.pk, file_id=UNKNOWN)
        with pytest.raises(PermissionRefused):
            services.release_file_remove(actor=outsider, release_id=first.pk, file_id=item.pk)
    first = services.release_submit(actor=liaison, release_id=first.pk, version=first.version)
    with nothing_written(), pytest.raises(Conflict):
        services.release_file_remove(actor=liaison, release_id=first.pk, file_id=item.pk)


# --- Submission and the two approvals --------------------------------------------------------------------

@pytest.mark.parametrize(("service", "status"), [
    (services.release_submit, ReleaseStatus.SUBMITTED),
    (services.release_approve_unit, ReleaseStatus.DRAFT),
    (services.release_approve_unit, ReleaseStatus.UNIT_APPROVED),
    (services.release_approve_media, ReleaseStatus.APPROVED),
    (services.release_approve_media, ReleaseStatus.PUBLISHED),
])
def test_a_step_out_of_turn_is_a_conflict_naming_the_status(request, stage, service, status) -> None:
    actor = {services.release_submit: "liaison", services.release_approve_unit: "agency_head",
             services.release_approve_media: "media_officer"}[service]
    release = stage(status)
    actor = persona(request, actor)
    with nothing_written(), pytest.raises(Conflict) as refused:
        service(actor=actor, release_id=release.pk, version=release.version)
    assert_refusal(refused.value, Conflict, "wrong_status")
    assert str(release.get_status_display()) in refused.value.render()


@pytest.mark.parametrize("service", [services.release_submit, services.release_approve_unit,
                                     services.release_approve_media, services.release_publish])
def test_every_step_on_a_missing_release_is_not_found(media_officer, service) -> None:
    with nothing_written(), pytest.raises(NotFound) as refused:
        service(actor=media_officer, release_id=UNKNOWN, version=1)
    assert_refusal(refused.value, NotFound, "not_found")


@pytest.mark.parametrize(("service", "status", "actor"), [
    (services.release_submit, ReleaseStatus.DRAFT, "liaison"),
    (services.release_approve_unit, ReleaseStatus.SUBMITTED, "agency_head"),
    (services.release_approve_media, ReleaseStatus.UNIT_APPROVED, "media_officer"),
    (services.release_publish, ReleaseStatus.APPROVED, "media_officer"),
])
def test_every_step_with_a_stale_version_is_a_conflict(request, stage, service, status, actor) -> None:
    release = stage(status)
    actor = persona(request, actor)
    with nothing_written(), pytest.raises(Conflict) as refused:
        service(actor=actor, release_id=release.pk, version=release.version - 1)
    assert_refusal(refused.value, Conflict, "conflict")


@pytest.mark.parametrize("who", ["outsider", "councillor", "auditor", "secretariat_clerk"])
def test_only_the_drafting_agency_submits_its_draft(request, stage, who) -> None:
    release = stage(ReleaseStatus.DRAFT)
    actor = persona(request, who)
    with nothing_written(), pytest.raises(PermissionRefused):
        services.release_submit(actor=actor, release_id=release.pk, version=release.version)


@pytest.mark.parametrize("who", ["liaison", "agency_head", "outsider", "auditor", "councillor", "secretariat_admin"])
def test_only_the_media_unit_gives_the_second_approval(request, stage, who) -> None:
    release = stage(ReleaseStatus.UNIT_APPROVED)
    actor = persona(request, who)
    with nothing_written(), pytest.raises(PermissionRefused) as refused:
        services.release_approve_media(actor=actor, release_id=release.pk, version=release.version)
    assert "媒體事務組" in refused.value.render()  # the refusal names who approves here


def test_a_media_unit_writer_does_not_approve_their_own_release(media_writer, media_head) -> None:
    release = services.release_draft(actor=media_writer, title="本處新聞稿", body=BODY)
    release = services.release_submit(actor=media_writer, release_id=release.pk, version=release.version)
    release = services.release_approve_unit(actor=media_head, release_id=release.pk, version=release.version)
    with nothing_written(), pytest.raises(PermissionRefused):
        services.release_approve_media(actor=media_writer, release_id=release.pk, version=release.version)


def test_the_head_of_another_secretariat_unit_does_not_approve_a_media_unit_release(
        media_writer, make_persona) -> None:
    from django.contrib.auth.models import Permission

    from secretariat.accounts.constants import Role

    other = make_persona("deskhead", "陳組長", Role.SECRETARIAT_STAFF, "秘書處", "機要組")
    other.user_permissions.add(Permission.objects.get(codename="approve_as_unit_head"))
    other = User.objects.get(pk=other.pk)
    release = services.release_draft(actor=media_writer, title="本處新聞稿", body=BODY)
    release = services.release_submit(actor=media_writer, release_id=release.pk, version=release.version)
    with nothing_written(), pytest.raises(PermissionRefused):
        services.release_approve_unit(actor=other, release_id=release.pk, version=release.version)


# --- Returning a release to its writers ------------------------------------------------------------------

@pytest.mark.parametrize("reason", ["", "   "])
def test_a_return_must_say_why(stage, agency_head, reason) -> None:
    release = stage(ReleaseStatus.SUBMITTED)
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        services.release_return(actor=agency_head, release_id=release.pk, version=release.version, reason=reason)
    assert_refusal(refused.value, ValidationFailed, "missing_fields", "reason")


@pytest.mark.parametrize("status", [ReleaseStatus.DRAFT, ReleaseStatus.PUBLISHED])
def test_a_draft_or_a_public_release_cannot_be_returned(stage, media_officer, status) -> None:
    release = stage(status)
    with nothing_written(), pytest.raises(Conflict) as refused:
        services.release_return(actor=media_officer, release_id=release.pk, version=release.version, reason="退回")
    assert_refusal(refused.value, Conflict, "wrong_status")


@pytest.mark.parametrize(("status", "who"), [
    (ReleaseStatus.SUBMITTED, "media_officer"),  # awaiting the unit head: only the head returns it
    (ReleaseStatus.SUBMITTED, "outsider"),
    (ReleaseStatus.UNIT_APPROVED, "agency_head"),  # awaiting the media unit
    (ReleaseStatus.APPROVED, "liaison"),
    (ReleaseStatus.APPROVED, "auditor"),
])
def test_only_the_approver_it_waits_for_returns_a_release(request, stage, status, who) -> None:
    release = stage(status)
    actor = persona(request, who)
    with nothing_written(), pytest.raises(PermissionRefused):
        services.release_return(actor=actor, release_id=release.pk, version=release.version,
                                reason="請修改")


def test_a_stale_return_is_a_conflict(stage, agency_head) -> None:
    release = stage(ReleaseStatus.SUBMITTED)
    with nothing_written(), pytest.raises(Conflict):
        services.release_return(actor=agency_head, release_id=release.pk, version=release.version + 1,
                                reason="請修改")


# --- Publication and corrections -----------------------------------------------------------------------

@pytest.mark.parametrize("who", ["liaison", "agency_head", "auditor", "secretariat_clerk", "secretariat_admin",
                                 "anonymous"])
def test_only_the_media_unit_publishes(request, stage, who) -> None:
    release = stage(ReleaseStatus.APPROVED)
    actor = persona(request, who)
    with nothing_written(), pytest.raises(PermissionRefused):
        services.release_publish(actor=actor, release_id=release.pk, version=release.version)


@pytest.mark.parametrize("status", [ReleaseStatus.DRAFT, ReleaseStatus.SUBMITTED, ReleaseStatus.PUBLISHED])
def test_publishing_anything_but_an_approved_release_is_refused(stage, media_officer, status) -> None:
    release = stage(status)
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        services.release_publish(actor=media_officer, release_id=release.pk, version=release.version,
                                 at=timezone.now() + dt.timedelta(hours=1))
    assert_refusal(refused.value, ValidationFailed, "not_approved")


@pytest.mark.parametrize("who", ["liaison", "agency_head", "auditor", "secretariat_clerk"])
def test_only_the_media_unit_corrects_a_public_release(request, stage, who) -> None:
    release = stage(ReleaseStatus.PUBLISHED)
    actor = persona(request, who)
    with nothing_written(), pytest.raises(PermissionRefused):
        services.release_correct(actor=actor, release_id=release.pk, version=release.version,
                                 title="更正", body=BODY, note="更正")


@pytest.mark.parametrize(("title", "body", "note", "code", "field"), [
    ("週末交通管制（更正）", BODY, "  ", "missing_fields", "note"),
    ("", BODY, "更正", "missing_fields", "title"),
    ("週末交通管制", BODY, "沒改什麼", "unchanged", None),
    ("週末交通管制", "<p>x</p><img src=x onerror=alert(1)>", "更正", "active_content", "body"),
])
def test_a_correction_with_bad_values_keeps_the_public_text(stage, media_officer, title, body, note, code,
                                                           field) -> None:
    release = stage(ReleaseStatus.PUBLISHED)
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        services.release_correct(actor=media_officer, release_id=release.pk, version=release.version, title=title,
                                 body=body, note=note)
    assert_refusal(refused.value, ValidationFailed, code, field)
    assert release.revisions.count() == 1


@pytest.mark.parametrize("status", [ReleaseStatus.DRAFT, ReleaseStatus.APPROVED])
def test_only_a_public_release_is_corrected(stage, media_officer, status) -> None:
    release = stage(status)
    with nothing_written(), pytest.raises(Conflict) as refused:
        services.release_correct(actor=media_officer, release_id=release.pk, version=release.version,
                                 title="更正", body=BODY, note="更正")
    assert_refusal(refused.value, Conflict, "wrong_status")


def test_a_stale_correction_is_a_conflict(stage, media_officer) -> None:
    release = stage(ReleaseStatus.PUBLISHED)
    with nothing_written(), pytest.raises(Conflict):
        services.release_correct(actor=media_officer, release_id=release.pk, version=release.version - 1,
                                 title="更正", body=BODY, note="更正")


def test_nothing_is_due_before_its_time(stage, media_officer) -> None:
    release = stage(ReleaseStatus.APPROVED)
    at = timezone.now() + dt.timedelta(days=1)
    services.release_publish(actor=media_officer, release_id=release.pk, version=release.version, at=at)
    with nothing_written():
        assert services.release_publish_due(actor=SYSTEM, now=at - dt.timedelta(seconds=1)) == 0
