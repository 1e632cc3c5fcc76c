"""The press office's staff pages with the personas: drafting and approving in the browser's forms, the
refusals shown in the form, and the records pages (events, schedule, posts and their calendar, trainings)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from secretariat.media.models import MediaTraining, PressRelease, ReleaseStatus, ScheduleEntry, SocialPost
from secretariat.media.tests.press_helpers import approved
from tests.fixtures import client_for

pytestmark = pytest.mark.django_db


def test_a_liaison_drafts_and_the_head_approves_through_the_pages(liaison, agency_head) -> None:
    writer = client_for(liaison)
    assert writer.get("/media/press/new/").status_code == 200
    response = writer.post("/media/press/new/", {"title": "道路施工公告", "body": "下週一起施工。"})
    release = PressRelease.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/media/press/{release.pk}/"
    assert writer.post(f"/media/press/{release.pk}/submit/", {"version": release.version}).status_code == 302
    release.refresh_from_db()
    head = client_for(agency_head)
    page = head.get(f"/media/press/{release.pk}/").content.decode()
    assert 'id="approve-release"' in page
    assert head.post(f"/media/press/{release.pk}/approve_unit/", {"version": release.version}).status_code == 302
    release.refresh_from_db()
    assert release.status == ReleaseStatus.UNIT_APPROVED


def test_a_script_is_refused_in_the_form(liaison) -> None:
    response = client_for(liaison).post("/media/press/new/", {"title": "x", "body": "<script>x()</script>"})
    assert response.status_code == 400
    assert "script" in response.content.decode()
    assert not PressRelease.objects.exists()


def test_a_stale_approval_shows_the_conflict(liaison, agency_head) -> None:
    client_for(liaison).post("/media/press/new/", {"title": "x", "body": "內容"})
    release = PressRelease.objects.get()
    response = client_for(liaison).post(f"/media/press/{release.pk}/submit/", {"version": 99})
    assert response.status_code == 409
    assert 'id="action-error"' in response.content.decode()


def test_publishing_from_the_page(liaison, agency_head, media_officer) -> None:
    release = approved(liaison, agency_head, media_officer)
    client = client_for(media_officer)
    assert 'id="publish-release"' in client.get(f"/media/press/{release.pk}/").content.decode()
    assert client.post(f"/media/press/{release.pk}/publish/", {"version": release.version}).status_code == 302
    release.refresh_from_db()
    assert release.status == ReleaseStatus.PUBLISHED
    corrected = client.post(f"/media/press/{release.pk}/correct/", {
        "version": release.version, "title": "更正標題", "body": "更正內容", "note": "標題誤植"})
    assert corrected.status_code == 302
    assert "標題誤植" in client_for(None).get(f"/press/releases/{release.pk}/").content.decode()


def test_other_agencies_and_councillors_do_not_see_the_release(liaison, outsider, councillor) -> None:
    client_for(liaison).post("/media/press/new/", {"title": "x", "body": "內容"})
    release = PressRelease.objects.get()
    assert client_for(outsider).get(f"/media/press/{release.pk}/").status_code == 404
    assert client_for(councillor).get("/media/press/").status_code == 404


def test_the_records_pages(media_officer, liaison, auditor) -> None:
    client = client_for(media_officer)
    coming = timezone.localtime() + dt.timedelta(days=1)
    assert client.post("/media/mayor-schedule/", {"starts_at": coming.strftime("%Y-%m-%dT10:00"), "place": "市府",
                                                  "event": "市政會議"}).status_code == 302
    past = client.post("/media/mayor-schedule/", {"starts_at": "2020-01-01T10:00", "place": "市府", "event": "舊事"})
    assert past.status_code == 400
    assert ScheduleEntry.objects.count() == 1
    assert client.post("/media/mayor-schedule/publish/", {"day": coming.date().isoformat()}).status_code == 302
    assert client.post("/media/press-events/", {"kind": "interview", "held_at": "2023-09-01T15:00", "place": "市長室",
                                                "topic": "專訪", "outlets": "公視"}).status_code == 302
    assert client.post("/media/social-posts/", {"platform": "line", "post_type": "image", "title": "貼文",
                                                "planned_at": coming.strftime("%Y-%m-%dT18:00")}).status_code == 302
    post = SocialPost.objects.get()
    calendar = client.get("/media/social-posts/calendar/", {"year": coming.year, "month": coming.month})
    assert "貼文" in calendar.content.decode()
    assert client.post("/media/trainings/", {"held_on": "112/10/19", "kind": "forum", "title": "發言人座談會",
                                             "attendance": "40"}).status_code == 302
    assert MediaTraining.objects.get().held_on == dt.date(2023, 10, 19)
    for url in ("/media/press-events/", "/media/mayor-schedule/", "/media/social-posts/", "/media/trainings/"):
        assert client_for(auditor).get(url).status_code == 200
        assert client_for(liaison).get(url).status_code == 404
    assert client_for(auditor).post("/media/trainings/", {}).status_code == 404
    assert post.published_at is None
