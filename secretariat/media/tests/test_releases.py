"""Press releases through their services: the two approvals, publication, corrections with history, and the
refusals (publishing unapproved, scripts in the body, oversized images, stale versions, the wrong people)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from secretariat.audit.models import AuditEntry
from secretariat.core.errors import Conflict, PermissionRefused, ValidationFailed
from secretariat.media.models import PressRelease, ReleaseFile, ReleaseRevision, ReleaseStatus
from secretariat.media.services import releases as services
from secretariat.media.tests.press_helpers import (
    BODY,
    approved,
    published,
)
from tests.files import exe_bytes, png_bytes

pytestmark = pytest.mark.django_db


def test_an_agency_release_goes_from_draft_to_published_with_an_audit_row_per_step(
        liaison, agency_head, media_officer) -> None:
    release = published(liaison, agency_head, media_officer)
    assert release.status == ReleaseStatus.PUBLISHED
    assert release.agency == liaison.agency
    assert release.unit_approved_by == agency_head
    assert release.media_approved_by == media_officer
    assert release.published_at is not None
    assert list(release.revisions.values_list("number", flat=True)) == [1]
    actions = list(AuditEntry.objects.filter(target_type="media.pressrelease", target_id=str(release.pk))
                   .order_by("seq").values_list("action", flat=True))
    assert actions == ["media.release_draft", "media.release_submit", "media.release_approve_unit",
                       "media.release_approve_media", "media.release_publish"]


def test_the_secretariat_unit_head_approves_releases_of_their_own_unit(media_writer, media_head, media_officer) -> None:
    release = published(media_writer, media_head, media_officer)
    assert release.status == ReleaseStatus.PUBLISHED
    assert release.unit is not None
    assert release.unit.name == "媒體事務組"


def test_publishing_without_both_approvals_is_refused_and_nothing_changes(liaison, agency_head, media_officer) -> None:
    release = services.release_draft(actor=liaison, title="未核定", body=BODY)
    release = services.release_submit(actor=liaison, release_id=release.pk, version=release.version)
    release = services.release_approve_unit(actor=agency_head, release_id=release.pk, version=release.version)
    with pytest.raises(ValidationFailed) as refused:
        services.release_publish(actor=media_officer, release_id=release.pk, version=release.version)
    assert refused.value.code == "not_approved"
    release.refresh_from_db()
    assert release.status == ReleaseStatus.UNIT_APPROVED
    assert release.published_at is None
    assert not ReleaseRevision.objects.exists()


def test_a_media_approval_before_the_unit_head_is_refused(liaison, media_officer) -> None:
    release = services.release_draft(actor=liaison, title="跳過組長", body=BODY)
    release = services.release_submit(actor=liaison, release_id=release.pk, version=release.version)
    with pytest.raises(Conflict):
        services.release_approve_media(actor=media_officer, release_id=release.pk, version=release.version)


@pytest.mark.parametrize("body", [
    "<p>好</p><script>alert(1)</script>",
    '<p onclick="steal()">點我</p>',
    '<a href="javascript:alert(1)">連結</a>',
    "<iframe src='https://evil.invalid'></iframe>",
])
def test_active_content_in_the_body_is_refused_and_nothing_is_written(liaison, body) -> None:
    with pytest.raises(ValidationFailed) as refused:
        services.release_draft(actor=liaison, title="惡意內容", body=body)
    assert refused.value.code == "active_content"
    assert refused.value.field == "body"
    assert not PressRelease.objects.exists()


def test_other_markup_is_stripped_and_plain_text_becomes_paragraphs(liaison) -> None:
    pasted = '<div style="color:red"><span>文字</span> <b>粗</b></div>'
    word = services.release_draft(actor=liaison, title="貼上", body=pasted)
    assert word.body == "文字 <b>粗</b>"
    plain = services.release_draft(actor=liaison, title="純文字", body="第一段\n\n第二段 <與> 符號")
    assert plain.body == "<p>第一段</p><p>第二段 &lt;與&gt; 符號</p>"


def test_an_oversized_image_is_refused_and_nothing_is_stored(liaison, settings) -> None:
    release = services.release_draft(actor=liaison, title="附圖", body=BODY)
    big = SimpleUploadedFile("photo.png", png_bytes() + b"\x00" * (5 * 1024 * 1024), content_type="image/png")
    with pytest.raises(ValidationFailed) as refused:
        services.release_file_add(actor=liaison, release_id=release.pk, upload=big, kind="image")
    assert refused.value.code == "attachment_rejected"
    assert not ReleaseFile.objects.exists()


def test_an_image_that_is_not_an_image_is_refused(liaison) -> None:
    release = services.release_draft(actor=liaison, title="附圖", body=BODY)
    fake = SimpleUploadedFile("photo.png", exe_bytes(), content_type="image/png")
    with pytest.raises(ValidationFailed):
        services.release_file_add(actor=liaison, release_id=release.pk, upload=fake, kind="image")
    assert not ReleaseFile.objects.exists()


def test_a_real_image_is_attached(liaison) -> None:
    release = services.release_draft(actor=liaison, title="附圖", body=BODY)
    image = SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")
    item = services.release_file_add(actor=liaison, release_id=release.pk, upload=image, kind="image", caption="現場")
    assert item.attachment.content_type == "image/png"
    assert item.caption == "現場"


def test_a_stale_version_is_a_conflict(liaison) -> None:
    release = services.release_draft(actor=liaison, title="草稿", body=BODY)
    services.release_update(actor=liaison, release_id=release.pk, version=release.version, title="改一", body=BODY)
    with pytest.raises(Conflict):
        services.release_update(actor=liaison, release_id=release.pk, version=release.version, title="改二",
                                body=BODY)
    release.refresh_from_db()
    assert release.title == "改一"


def test_only_the_own_agency_head_approves_and_never_the_drafter(liaison, agency_head, outsider,
                                                                  media_officer) -> None:
    release = services.release_draft(actor=liaison, title="草稿", body=BODY)
    release = services.release_submit(actor=liaison, release_id=release.pk, version=release.version)
    for person in (liaison, outsider, media_officer):
        with pytest.raises(PermissionRefused):
            services.release_approve_unit(actor=person, release_id=release.pk, version=release.version)
    own = services.release_draft(actor=agency_head, title="局長自擬", body=BODY)
    own = services.release_submit(actor=agency_head, release_id=own.pk, version=own.version)
    with pytest.raises(PermissionRefused):
        services.release_approve_unit(actor=agency_head, release_id=own.pk, version=own.version)


def test_a_secretariat_user_without_the_head_permission_does_not_approve(media_writer, media_officer) -> None:
    release = services.release_draft(actor=media_writer, title="本處稿", body=BODY)
    release = services.release_submit(actor=media_writer, release_id=release.pk, version=release.version)
    with pytest.raises(PermissionRefused):
        services.release_approve_unit(actor=media_officer, release_id=release.pk, version=release.version)


def test_councillors_and_auditors_do_not_draft(councillor, auditor) -> None:
    for person in (councillor, auditor):
        with pytest.raises(PermissionRefused):
            services.release_draft(actor=person, title="不可", body=BODY)


def test_a_returned_release_is_a_draft_again_and_needs_both_approvals_again(liaison, agency_head,
                                                                             media_officer) -> None:
    release = approved(liaison, agency_head, media_officer)
    release = services.release_return(actor=media_officer, release_id=release.pk, version=release.version,
                                      reason="標題請修正")
    assert release.status == ReleaseStatus.DRAFT
    assert release.return_note == "標題請修正"
    assert release.unit_approved_at is None
    assert release.media_approved_at is None
    with pytest.raises(ValidationFailed):
        services.release_return(actor=media_officer, release_id=release.pk, version=release.version, reason="")


def test_a_correction_keeps_the_published_text_as_history(liaison, agency_head, media_officer) -> None:
    release = published(liaison, agency_head, media_officer)
    corrected = services.release_correct(actor=media_officer, release_id=release.pk, version=release.version,
                                         title="週末交通管制（更正）", body="<p>管制時間更正為上午8時。</p>",
                                         note="更正管制時間")
    assert corrected.is_corrected
    assert corrected.title == "週末交通管制（更正）"
    revisions = list(corrected.revisions.order_by("number").values_list("number", "title", "note"))
    assert revisions == [(1, "週末交通管制", ""), (2, "週末交通管制（更正）", "更正管制時間")]
    with pytest.raises(ValidationFailed):  # a correction says what it changes
        services.release_correct(actor=media_officer, release_id=release.pk, version=corrected.version,
                                 title="再改", body=BODY, note=" ")


def test_a_scheduled_release_is_marked_published_when_due(liaison, agency_head, media_officer) -> None:
    release = approved(liaison, agency_head, media_officer)
    at = timezone.now() + dt.timedelta(hours=2)
    release = services.release_publish(actor=media_officer, release_id=release.pk, version=release.version, at=at)
    assert release.status == ReleaseStatus.SCHEDULED
    assert services.release_publish_due(actor=media_officer, now=at - dt.timedelta(minutes=1)) == 0
    assert services.release_publish_due(actor=media_officer, now=at + dt.timedelta(minutes=1)) == 1
    release.refresh_from_db()
    assert release.status == ReleaseStatus.PUBLISHED
