"""Press releases and the press office's records over HTTP (/api/v1/media/): the whole release workflow,
the shared error body for refusals, agency scoping, and the public endpoints without sign-in."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from secretariat.media.models import PressRelease, ScheduleEntry, SocialPost
from tests.files import png_bytes
from tests.fixtures import client_for

pytestmark = pytest.mark.django_db
API = "/api/v1/media"


def post(client: Any, url: str, data: dict[str, Any]) -> Any:
    return client.post(f"{API}{url}", data, content_type="application/json")


def test_the_release_workflow_over_the_api(liaison, agency_head, media_officer) -> None:
    writer, head, media = client_for(liaison), client_for(agency_head), client_for(media_officer)
    created = post(writer, "/releases", {"title": "公車路線調整", "body": "自下月起調整路線。"})
    assert created.status_code == 201, created.content
    release = created.json()
    assert release["status"] == "draft"
    assert release["body"] == "<p>自下月起調整路線。</p>"
    rid = release["id"]
    image = writer.post(f"{API}/releases/{rid}/files", {"file": _png(), "kind": "image", "caption": "路線圖"})
    assert image.status_code == 201, image.content
    version = post(writer, f"/releases/{rid}/submit", {"version": release["version"]}).json()["version"]
    version = post(head, f"/releases/{rid}/approve-unit", {"version": version}).json()["version"]
    version = post(media, f"/releases/{rid}/approve-media", {"version": version}).json()["version"]
    done = post(media, f"/releases/{rid}/publish", {"version": version})
    assert done.status_code == 200
    assert done.json()["status"] == "published"
    public = client_for(None).get(f"{API}/public/releases/{rid}").json()
    assert public["title"] == "公車路線調整"
    assert public["files"][0]["caption"] == "路線圖"
    assert [item["number"] for item in public["revisions"]] == [1]


def _png() -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("route.png", png_bytes(), content_type="image/png")


def test_publishing_an_unapproved_release_is_a_400_with_the_shared_error_body(liaison, media_officer) -> None:
    rid = post(client_for(liaison), "/releases", {"title": "未核定", "body": "內容"}).json()["id"]
    response = post(client_for(media_officer), f"/releases/{rid}/publish", {"version": 1})
    assert response.status_code == 400
    assert response.json()["code"] == "not_approved"
    assert PressRelease.objects.get(pk=rid).published_at is None


def test_a_script_in_the_body_is_refused_over_the_api(liaison) -> None:
    response = post(client_for(liaison), "/releases", {"title": "x", "body": "<script>alert(1)</script>"})
    assert response.status_code == 400
    assert response.json()["code"] == "active_content"
    assert not PressRelease.objects.exists()


def test_a_stale_version_is_a_409(liaison) -> None:
    client = client_for(liaison)
    rid = post(client, "/releases", {"title": "x", "body": "內容"}).json()["id"]
    assert client.put(f"{API}/releases/{rid}", {"title": "y", "body": "內容", "version": 1},
                      content_type="application/json").status_code == 200
    stale = client.put(f"{API}/releases/{rid}", {"title": "z", "body": "內容", "version": 1},
                       content_type="application/json")
    assert stale.status_code == 409


def test_another_agency_cannot_see_or_approve_the_release(liaison, outsider, councillor) -> None:
    rid = post(client_for(liaison), "/releases", {"title": "交通局稿", "body": "內容"}).json()["id"]
    assert client_for(outsider).get(f"{API}/releases/{rid}").status_code == 404
    assert post(client_for(outsider), f"/releases/{rid}/approve-unit", {"version": 1}).status_code == 404
    assert client_for(outsider).get(f"{API}/releases").json() == []
    assert client_for(councillor).get(f"{API}/releases").json() == []
    assert client_for(None).get(f"{API}/releases").status_code == 401


def test_the_public_list_needs_no_sign_in(liaison) -> None:
    assert client_for(None).get(f"{API}/public/releases").json() == {"items": [], "next_cursor": None}


def test_a_schedule_entry_in_the_past_is_refused(media_officer) -> None:
    client = client_for(media_officer)
    past = post(client, "/mayor-schedule", {"starts_at": (timezone.now() - dt.timedelta(minutes=5)).isoformat(),
                                            "place": "市政大樓", "event": "市政會議"})
    assert past.status_code == 400
    assert past.json()["code"] == "in_past"
    assert not ScheduleEntry.objects.exists()
    coming = post(client, "/mayor-schedule", {"starts_at": (timezone.now() + dt.timedelta(days=1)).isoformat(),
                                              "place": "市政大樓", "event": "市政會議"})
    assert coming.status_code == 201


def test_events_posts_and_trainings_over_the_api(media_officer, agency_named, auditor, liaison) -> None:
    client = client_for(media_officer)
    event = post(client, "/press-events", {"kind": "conference", "held_at": "2023-12-25T15:00:00+08:00",
                                           "place": "臺北小巨蛋", "topic": "臺北隊就職週年記者會",
                                           "agency_ids": [agency_named("秘書處").pk]})
    assert event.status_code == 201, event.content
    planned = post(client, "/social-posts", {"platform": "youtube", "post_type": "video", "title": "市政影音",
                                             "planned_at": (timezone.now() + dt.timedelta(days=2)).isoformat()})
    assert planned.status_code == 201
    pid = planned.json()["id"]
    reach_first = client.patch(f"{API}/social-posts/{pid}", {"version": 1, "reach": 100},
                               content_type="application/json")
    assert reach_first.status_code == 400  # reach is for a published post
    published = client.patch(f"{API}/social-posts/{pid}", {"version": 1, "reach": 1200, "link": "https://youtu.be/x",
                                                           "published_at": timezone.now().isoformat()},
                             content_type="application/json")
    assert published.status_code == 200
    assert published.json()["reach"] == 1200
    duplicate = post(client, "/social-posts", {"platform": "youtube", "post_type": "video", "title": "重複",
                                               "planned_at": timezone.now().isoformat(), "link": "https://youtu.be/x"})
    assert duplicate.status_code == 409
    assert SocialPost.objects.count() == 1
    training = post(client, "/trainings", {"held_on": "2023-10-19", "kind": "workshop", "title": "新聞聯繫實務研習班",
                                           "attendance": 92})
    assert training.status_code == 201
    assert len(client_for(auditor).get(f"{API}/press-events").json()) == 1  # auditors read
    assert post(client_for(liaison), "/trainings", {"held_on": "2023-10-19", "kind": "workshop", "title": "x",
                                                    "attendance": 1}).status_code == 403
    assert client_for(liaison).get(f"{API}/trainings").json() == []
