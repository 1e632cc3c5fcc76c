"""The public press pages and feeds, as an anonymous newsroom sees them: newest first with keyset paging,
filter by agency, search, the correction note and history, Atom/RSS feeds, the cache dropped on publication,
and the mayor's schedule, public from the morning hour."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from secretariat.media.selectors import press_records
from secretariat.media.services import releases as services
from secretariat.media.services import schedule as schedule_services
from secretariat.media.tests.press_helpers import (
    approved,
    published,
    system_published,
)
from tests.fixtures import client_for

pytestmark = pytest.mark.django_db
TAIPEI = ZoneInfo("Asia/Taipei")
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_list_shows_published_releases_newest_first_and_hides_drafts(liaison, agency_head, media_officer) -> None:
    first = published(liaison, agency_head, media_officer, "第一則")
    second = published(liaison, agency_head, media_officer, "第二則")
    approved(liaison, agency_head, media_officer, "尚未發布")
    page = client_for(None).get("/press/").content.decode()
    assert page.index("第二則") < page.index("第一則")
    assert "尚未發布" not in page
    assert client_for(None).get(f"/press/releases/{second.pk}/").status_code == 200
    draft = services.release_draft(actor=liaison, title="草稿", body="<p>x</p>")
    assert client_for(None).get(f"/press/releases/{draft.pk}/").status_code == 404
    assert first.pk < second.pk


def test_keyset_paging_walks_every_release_once(agency_named) -> None:
    agency = agency_named("交通局")
    titles = {system_published(f"新聞稿{n:02d}", agency).title for n in range(45)}
    client, seen, url = client_for(None), [], "/api/v1/media/public/releases"
    cursor = ""
    while True:
        body = client.get(url, {"after": cursor}).json()
        seen += [item["title"] for item in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == 45
    assert set(seen) == titles
    assert seen == sorted(seen, reverse=True)


def test_filter_by_agency_and_search(agency_named) -> None:
    system_published("捷運延伸線通車", agency_named("交通局"))
    system_published("流感疫苗開打", agency_named("衛生局"))
    client = client_for(None)
    health = agency_named("衛生局").pk
    assert [item["title"] for item in client.get("/api/v1/media/public/releases", {"agency": health}).json()["items"]] \
        == ["流感疫苗開打"]
    assert [item["title"] for item in client.get("/api/v1/media/public/releases", {"q": "捷運"}).json()["items"]] \
        == ["捷運延伸線通車"]
    page = client.get("/press/", {"q": "疫苗"}).content.decode()
    assert "流感疫苗開打" in page
    assert "捷運延伸線通車" not in page


def test_a_correction_shows_the_note_and_the_earlier_text(liaison, agency_head, media_officer) -> None:
    release = published(liaison, agency_head, media_officer, "原標題")
    services.release_correct(actor=media_officer, release_id=release.pk, version=release.version, title="新標題",
                             body="<p>新內容</p>", note="更正日期")
    page = client_for(None).get(f"/press/releases/{release.pk}/").content.decode()
    assert "更正日期" in page
    assert 'id="correction-note"' in page
    assert "原標題" in page
    assert "新標題" in page


def test_feeds_list_the_releases_and_one_agency_feed_lists_only_its_own(agency_named) -> None:
    system_published("交通新聞", agency_named("交通局"))
    system_published("衛生新聞", agency_named("衛生局"))
    client = client_for(None)
    atom = ElementTree.fromstring(client.get("/press/feeds/releases.atom").content)  # noqa: S314 — our own feed
    titles = sorted(entry.findtext(f"{ATOM}title") or "" for entry in atom.iter(f"{ATOM}entry"))
    assert titles == ["交通新聞", "衛生新聞"]
    rss = client.get(f"/press/feeds/agencies/{agency_named('衛生局').pk}/releases.rss")
    assert rss["Content-Type"].startswith("application/rss+xml")
    titles = [item.findtext("title") or "" for item in ElementTree.fromstring(rss.content).iter("item")]  # noqa: S314
    assert titles == ["衛生新聞"]
    assert client.get("/press/feeds/agencies/999999/releases.rss").status_code == 404


def test_the_cached_list_and_feed_change_as_soon_as_a_release_is_published(
        liaison, agency_head, media_officer, django_capture_on_commit_callbacks) -> None:
    client = client_for(None)
    published(liaison, agency_head, media_officer, "先前的稿")
    assert "先前的稿" in client.get("/press/").content.decode()
    assert "先前的稿" in client.get("/press/feeds/releases.rss").content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get("/press/")
    assert not [query for query in queries if "media_pressrelease" in query["sql"]]  # served from the cache
    release = approved(liaison, agency_head, media_officer, "剛發布的稿")
    with django_capture_on_commit_callbacks(execute=True):  # the cache is dropped once the publication commits
        services.release_publish(actor=media_officer, release_id=release.pk, version=release.version)
    assert "剛發布的稿" in client.get("/press/").content.decode()
    assert "剛發布的稿" in client.get("/press/feeds/releases.rss").content.decode()


def test_a_scheduled_release_appears_at_its_time(liaison, agency_head, media_officer) -> None:
    release = approved(liaison, agency_head, media_officer, "排程的稿")
    services.release_publish(actor=media_officer, release_id=release.pk, version=release.version,
                             at=timezone.now() + dt.timedelta(hours=1))
    assert "排程的稿" not in client_for(None).get("/press/").content.decode()
    assert client_for(None).get(f"/press/releases/{release.pk}/").status_code == 404


def test_the_schedule_is_public_from_the_morning_hour_or_when_published(media_officer) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    schedule_services.schedule_entry_add(actor=media_officer, starts_at=dt.datetime.combine(
        tomorrow, dt.time(10, 0), tzinfo=TAIPEI), place="市政大樓", event="市政會議")
    at = dt.datetime.combine(tomorrow, dt.time(6, 59), tzinfo=TAIPEI)
    assert press_records.public_schedule(on=tomorrow, now=at) is None
    entries = press_records.public_schedule(on=tomorrow, now=at + dt.timedelta(minutes=1))
    assert entries is not None
    assert [entry.event for entry in entries] == ["市政會議"]
    client = client_for(None)
    assert "市政會議" not in client.get(f"/press/schedule/{tomorrow.isoformat()}/").content.decode()
    assert client.get(f"/api/v1/media/public/mayor-schedule/{tomorrow.isoformat()}").json()["public"] is False
    schedule_services.schedule_day_publish(actor=media_officer, day=tomorrow)
    assert "市政會議" in client.get(f"/press/schedule/{tomorrow.isoformat()}/").content.decode()
    assert "市政會議" in client.get("/press/feeds/schedule.rss").content.decode()


def test_a_public_release_image_is_served_and_a_draft_file_is_not(liaison, agency_head, media_officer) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.files import png_bytes

    release = services.release_draft(actor=liaison, title="附圖稿", body="<p>x</p>")
    item = services.release_file_add(actor=liaison, release_id=release.pk, kind="image",
                                     upload=SimpleUploadedFile("a.png", png_bytes(), content_type="image/png"))
    client = client_for(None)
    assert client.get(f"/press/releases/{release.pk}/files/{item.pk}/").status_code == 404
    release = services.release_submit(actor=liaison, release_id=release.pk, version=release.version)
    release = services.release_approve_unit(actor=agency_head, release_id=release.pk, version=release.version)
    release = services.release_approve_media(actor=media_officer, release_id=release.pk, version=release.version)
    services.release_publish(actor=media_officer, release_id=release.pk, version=release.version)
    response = client.get(f"/press/releases/{release.pk}/files/{item.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


def test_a_cached_public_page_carries_nothing_of_the_reader_who_asked_first(liaison, agency_head,
                                                                           media_officer) -> None:
    published(liaison, agency_head, media_officer, "公開的稿")
    first = client_for(media_officer).get("/press/")
    assert "張媒體" not in first.content.decode()
    assert "csrf" not in first.content.decode().lower()
    assert not first.cookies
    later = client_for(None).get("/press/")
    assert "公開的稿" in later.content.decode()
    assert "張媒體" not in later.content.decode()


def test_a_feed_reader_polling_with_its_etag_gets_304_until_something_is_published(
        liaison, agency_head, media_officer, django_capture_on_commit_callbacks) -> None:
    published(liaison, agency_head, media_officer, "第一則")
    client = client_for(None)
    first = client.get("/press/feeds/releases.atom")
    etag = first["ETag"]
    assert client.get("/press/feeds/releases.atom", HTTP_IF_NONE_MATCH=etag).status_code == 304
    release = approved(liaison, agency_head, media_officer, "第二則")
    with django_capture_on_commit_callbacks(execute=True):
        services.release_publish(actor=media_officer, release_id=release.pk, version=release.version)
    again = client.get("/press/feeds/releases.atom", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200
    assert "第二則" in again.content.decode()
