"""The media office's rules as the stories its users would tell (media/access/press.py, media/access/opinion.py):
the media unit drafts, approves and publishes; an agency's liaison and head write and approve for their own
agency only; a councillor, an anonymous citizen and the auditor each see and do exactly what the rules say."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from secretariat.accounts.constants import Role
from secretariat.core.errors import PermissionRefused
from secretariat.media.models import MediaTraining, PressRelease, ReleaseStatus, SocialPost
from secretariat.media.models.opinion import OpinionItem, OpinionResponse
from secretariat.media.services import press_records as record_services
from secretariat.media.services import releases as services
from secretariat.media.services.opinion_digest import digest_send
from secretariat.media.tests.opinion_helpers import agency_id, at, record
from secretariat.media.tests.press_helpers import BODY, approved, published
from secretariat.media.tests.refusal_helpers import nothing_written
from tests.fixtures import client_for, english, in_english

pytestmark = pytest.mark.django_db
API = "/api/v1/media"
STAFF_PAGES = ["/media/press/", "/media/press-events/", "/media/mayor-schedule/", "/media/social-posts/",
               "/media/social-posts/calendar/", "/media/trainings/", "/media/opinion/", "/media/opinion/digests/"]
RECORD_LISTS = ["/press-events", "/social-posts", "/trainings"]


def post(client: Client, path: str, data: dict[str, Any]) -> Any:
    return client.post(f"{API}{path}", json.dumps(data), content_type="application/json")


def ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content[:300]
    return [row["id"] for row in response.json()]


@pytest.fixture
def records(media_officer) -> None:
    """One of each of the press office's records, kept by 張媒體."""
    record_services.event_record(actor=media_officer, kind="conference", held_at=at("2023-09-01", 15),
                                 place="市政大樓", topic="市政記者會")
    record_services.post_plan(actor=media_officer, platform="line", post_type="image", title="市政貼文",
                              planned_at=timezone.now() + dt.timedelta(days=1))
    record_services.training_record(actor=media_officer, held_on=dt.date(2023, 10, 19), kind="workshop",
                                    title="新聞聯繫實務研習", attendance=30)


# --- The media unit ------------------------------------------------------------------------------------------

def test_the_media_unit_drafts_approves_and_publishes_a_secretariat_release(media_writer, media_head,
                                                                           media_officer) -> None:
    writer, head, officer = client_for(media_writer), client_for(media_head), client_for(media_officer)
    release = post(writer, "/releases", {"title": "市長出訪行程", "body": "市長將出訪。"}).json()
    assert release["agency"] == "秘書處"
    version = post(writer, f"/releases/{release['id']}/submit", {"version": release["version"]}).json()["version"]
    assert 'id="approve-release"' in head.get(f"/media/press/{release['id']}/").content.decode()
    assert 'id="approve-release"' not in officer.get(f"/media/press/{release['id']}/").content.decode()
    version = post(head, f"/releases/{release['id']}/approve-unit", {"version": version}).json()["version"]
    version = post(officer, f"/releases/{release['id']}/approve-media", {"version": version}).json()["version"]
    assert 'id="publish-release"' in officer.get(f"/media/press/{release['id']}/").content.decode()
    done = post(officer, f"/releases/{release['id']}/publish", {"version": version})
    assert done.json()["status"] == ReleaseStatus.PUBLISHED
    assert Client().get(f"{API}/public/releases/{release['id']}").json()["title"] == "市長出訪行程"


def test_the_media_unit_sees_every_agencys_releases_and_what_waits_for_it(liaison, outsider, agency_head,
                                                                         media_officer) -> None:
    waiting = approved(liaison, agency_head, media_officer, "待發布")
    health = services.release_draft(actor=outsider, title="衛生局草稿", body=BODY)
    client = client_for(media_officer)
    assert set(ids(client.get(f"{API}/releases"))) == {waiting.pk, health.pk}
    assert ids(client.get(f"{API}/releases", {"waiting_for_me": True})) == [waiting.pk]


def test_the_media_unit_keeps_the_press_offices_records(media_officer, records) -> None:
    client = client_for(media_officer)
    for path in RECORD_LISTS:
        assert len(ids(client.get(f"{API}{path}"))) == 1
    for page in STAFF_PAGES:
        assert client.get(page).status_code == 200, page


def test_a_media_unit_writer_cannot_give_their_own_release_its_second_approval(media_writer, media_head) -> None:
    release = services.release_draft(actor=media_writer, title="本處稿", body=BODY)
    release = services.release_submit(actor=media_writer, release_id=release.pk, version=release.version)
    release = services.release_approve_unit(actor=media_head, release_id=release.pk, version=release.version)
    client = client_for(media_writer)
    assert 'id="approve-release"' not in client.get(f"/media/press/{release.pk}/").content.decode()
    with nothing_written():
        response = post(client, f"/releases/{release.pk}/approve-media", {"version": release.version})
    assert (response.status_code, response.json()["code"]) == (403, "permission_denied")


def test_a_media_officer_publishing_a_release_a_colleague_just_published_is_told_so(
        liaison, agency_head, media_officer, make_persona) -> None:
    colleague = make_persona("media2", "趙媒體", Role.SECRETARIAT_STAFF, "秘書處", "媒體事務組")
    release = approved(liaison, agency_head, media_officer)
    services.release_publish(actor=colleague, release_id=release.pk, version=release.version)
    with nothing_written():
        page = client_for(media_officer).post(f"/media/press/{release.pk}/publish/", {"version": release.version})
    assert page.status_code == 409
    assert 'id="action-error"' in page.content.decode()
    assert PressRelease.objects.get(pk=release.pk).revisions.count() == 1


# --- An agency liaison and head ------------------------------------------------------------------------

def test_an_agency_liaison_drafts_for_their_own_agency_whatever_they_ask(liaison, agency_named) -> None:
    response = post(client_for(liaison), "/releases", {"title": "公車改道", "body": "內容"})
    assert response.status_code == 201
    assert response.json()["agency_id"] == agency_named("交通局").pk
    # the schema has no agency field: naming another agency is refused, not silently ignored
    other = post(client_for(liaison), "/releases", {"title": "冒名", "body": "內容",
                                                   "agency_id": agency_named("衛生局").pk})
    assert (other.status_code, other.json()["code"]) == (422, "invalid_input")
    assert PressRelease.objects.count() == 1


def test_an_agency_liaison_cannot_approve_their_agencys_release(liaison, make_persona) -> None:
    colleague = make_persona("liaison2", "黃同事", Role.AGENCY_LIAISON, "交通局")
    release = services.release_draft(actor=colleague, title="同局稿", body=BODY)
    release = services.release_submit(actor=colleague, release_id=release.pk, version=release.version)
    client = client_for(liaison)
    assert 'id="approve-release"' not in client.get(f"/media/press/{release.pk}/").content.decode()
    with nothing_written():
        response = post(client, f"/releases/{release.pk}/approve-unit", {"version": release.version})
    assert response.status_code == 403


def test_an_agency_liaison_cannot_publish_a_release(liaison, agency_head, media_officer) -> None:
    release = approved(liaison, agency_head, media_officer)
    client = client_for(liaison)
    assert 'id="publish-release"' not in client.get(f"/media/press/{release.pk}/").content.decode()
    with nothing_written():
        api = post(client, f"/releases/{release.pk}/publish", {"version": release.version})
        page = in_english(client_for(liaison)).post(f"/media/press/{release.pk}/publish/",
                                                    {"version": release.version})
    assert (api.status_code, api.json()["code"]) == (403, "permission_denied")
    assert page.status_code == 403
    assert 'id="action-error"' in page.content.decode()  # told why, though the page has no publish form
    assert english(PermissionRefused.default_message) in page.content.decode()
    assert client.get(f"/media/press/{release.pk}/correct/").status_code == 404


def test_the_agency_head_approves_first_but_not_for_the_media_unit(liaison, agency_head) -> None:
    release = services.release_draft(actor=liaison, title="交通稿", body=BODY)
    release = services.release_submit(actor=liaison, release_id=release.pk, version=release.version)
    client = client_for(agency_head)
    assert ids(client.get(f"{API}/releases", {"waiting_for_me": True})) == [release.pk]
    version = post(client, f"/releases/{release.pk}/approve-unit", {"version": release.version}).json()["version"]
    with nothing_written():
        second = post(client, f"/releases/{release.pk}/approve-media", {"version": version})
        publish = post(client, f"/releases/{release.pk}/publish", {"version": version})
    assert (second.status_code, publish.status_code) == (403, 403)


def test_another_agency_neither_sees_nor_touches_the_release(liaison, outsider) -> None:
    release = services.release_draft(actor=liaison, title="交通局草稿", body=BODY)
    client = client_for(outsider)
    assert ids(client.get(f"{API}/releases")) == []
    assert client.get(f"/media/press/{release.pk}/").status_code == 404
    with nothing_written():
        for path, data in (("", {"title": "x", "body": "y", "version": 1}), ("/submit", {"version": 1}),
                           ("/return", {"version": 1, "reason": "x"})):
            method = client.put if not path else client.post
            response = method(f"{API}/releases/{release.pk}{path}", json.dumps(data),
                              content_type="application/json")
            assert (response.status_code, response.json()["code"]) == (404, "not_found"), path
    assert "交通局草稿" not in client.get("/media/press/").content.decode()


def test_the_civil_affairs_liaison_sees_the_district_offices_releases(civil_affairs_liaison, make_persona,
                                                                      outsider) -> None:
    district = make_persona("zhongzheng", "中正區聯絡", Role.AGENCY_LIAISON, "中正區公所")
    release = services.release_draft(actor=district, title="區里活動", body=BODY)
    services.release_draft(actor=outsider, title="衛生局稿", body=BODY)
    assert ids(client_for(civil_affairs_liaison).get(f"{API}/releases")) == [release.pk]
    assert ids(client_for(district).get(f"{API}/releases")) == [release.pk]


@pytest.mark.parametrize("who", ["liaison", "agency_head"])
def test_agency_people_do_not_see_or_keep_the_press_offices_records(request, records, who) -> None:
    client = client_for(request.getfixturevalue(who))
    for path in RECORD_LISTS:
        assert ids(client.get(f"{API}{path}")) == [], path
    for page in STAFF_PAGES[1:6]:
        assert client.get(page).status_code == 404, page
    with nothing_written():
        refused = post(client, "/trainings", {"held_on": "2023-10-19", "kind": "workshop", "title": "x",
                                              "attendance": 1})
        patched = client.patch(f"{API}/social-posts/{SocialPost.objects.get().pk}",
                               json.dumps({"version": 1, "link": "https://line.me/x"}),
                               content_type="application/json")
    assert refused.status_code == 403
    assert patched.status_code == 404  # the post is outside what they may see


def test_an_agency_liaison_sees_and_answers_their_agencys_opinion_items_only(monitor, liaison) -> None:
    transport = record(monitor, "公車事故", link="https://n.example.tw/1")
    health = record(monitor, "食安事件", link="https://n.example.tw/2", agencies=("衛生局",))
    client = client_for(liaison)
    listed = client.get(f"{API}/opinion/items").json()["items"]
    assert [row["id"] for row in listed] == [transport.pk]
    assert client.get(f"{API}/opinion/items/{health.pk}").status_code == 404
    answered = post(client, f"/opinion/items/{transport.pk}/responses", {"kind": "statement", "text": "交通局說明"})
    assert answered.status_code == 201
    with nothing_written():
        other = post(client, f"/opinion/items/{health.pk}/responses", {"kind": "statement", "text": "代答"})
        ranked = post(client, f"/opinion/items/{transport.pk}/severity", {"score": 1, "reason": "不重要"})
        recorded = post(client, "/opinion/items", {"outlet": "x", "medium": "news", "headline": "自己記",
                                                   "seen_at": "2023-09-12T09:00:00+08:00"})
    assert (other.status_code, ranked.status_code, recorded.status_code) == (404, 403, 403)
    assert client.get("/media/opinion/new/").status_code == 404
    assert client.get("/media/opinion/import/").status_code == 404


def test_the_digest_an_agency_downloads_holds_its_own_items_only(monitor, liaison, outsider) -> None:
    record(monitor, "交通新聞", link="https://n.example.tw/1")
    record(monitor, "衛生新聞", link="https://n.example.tw/2", agencies=("衛生局",))
    digest_send(day=dt.date(2023, 9, 12))
    for person, own, other in ((liaison, "交通新聞", "衛生新聞"), (outsider, "衛生新聞", "交通新聞")):
        response = client_for(person).get(f"{API}/opinion/digests/2023-09-12")
        assert response.status_code == 200
        text = _odt_text(response.content)
        assert own in text
        assert other not in text


def _odt_text(data: bytes) -> str:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as odt:
        return odt.read("content.xml").decode()


# --- A councillor --------------------------------------------------------------------------------------

def test_a_councillor_sees_no_staff_records_and_drafts_nothing(councillor, liaison, monitor, records) -> None:
    services.release_draft(actor=liaison, title="交通局草稿", body=BODY)
    item = record(monitor)
    client = client_for(councillor)
    assert ids(client.get(f"{API}/releases")) == []
    for path in RECORD_LISTS:
        assert ids(client.get(f"{API}{path}")) == [], path
    for page in STAFF_PAGES:
        assert client.get(page).status_code == 404, page
    assert client.get(f"{API}/opinion/items").status_code == 404
    assert client.get(f"{API}/opinion/items/{item.pk}").status_code == 404
    assert client.get(f"{API}/opinion/digests/2023-09-12").status_code == 404
    with nothing_written():
        drafted = post(client, "/releases", {"title": "議員稿", "body": "內容"})
    assert (drafted.status_code, drafted.json()["code"]) == (403, "permission_denied")


def test_a_councillor_reads_the_public_releases_like_any_citizen(councillor, liaison, agency_head,
                                                                 media_officer) -> None:
    release = published(liaison, agency_head, media_officer, "公車路線調整")
    client = client_for(councillor)
    assert [row["id"] for row in client.get(f"{API}/public/releases").json()["items"]] == [release.pk]
    assert "公車路線調整" in client.get(f"/press/releases/{release.pk}/").content.decode()


# --- An anonymous citizen ----------------------------------------------------------------------------------

def test_an_anonymous_citizen_reads_public_releases_but_no_draft_or_scheduled_one(liaison, agency_head,
                                                                                  media_officer) -> None:
    public = published(liaison, agency_head, media_officer, "已發布")
    later = approved(liaison, agency_head, media_officer, "明天發布")
    services.release_publish(actor=media_officer, release_id=later.pk, version=later.version,
                             at=timezone.now() + dt.timedelta(days=1))
    draft = services.release_draft(actor=liaison, title="草稿", body=BODY)
    citizen = Client()
    listed = citizen.get(f"{API}/public/releases").json()["items"]
    assert [row["title"] for row in listed] == ["已發布"]
    assert citizen.get(f"/press/releases/{public.pk}/").status_code == 200
    for hidden in (later, draft):
        assert citizen.get(f"/press/releases/{hidden.pk}/").status_code == 404
        assert citizen.get(f"{API}/public/releases/{hidden.pk}").status_code == 404
    feed = citizen.get("/press/feeds/releases.rss").content.decode()
    assert "已發布" in feed
    assert "明天發布" not in feed


def test_an_anonymous_citizen_is_sent_to_sign_in_from_every_staff_page(reference_data) -> None:
    for page in [*STAFF_PAGES, "/media/press/new/", "/media/opinion/new/"]:
        response = Client().get(page)
        assert response.status_code == 302, page
        assert "login" in response["Location"]


def test_an_anonymous_citizen_sees_the_mayors_schedule_only_once_public(media_officer) -> None:
    from secretariat.media.services import schedule as schedule_services

    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    starts = dt.datetime.combine(tomorrow, dt.time(10), tzinfo=timezone.get_current_timezone())
    schedule_services.schedule_entry_add(actor=media_officer, starts_at=starts, place="市政大樓", event="市政會議")
    citizen = Client()
    before = citizen.get(f"{API}/public/mayor-schedule/{tomorrow.isoformat()}").json()
    assert (before["public"], before["entries"]) == (False, [])
    schedule_services.schedule_day_publish(actor=media_officer, day=tomorrow)
    after = citizen.get(f"{API}/public/mayor-schedule/{tomorrow.isoformat()}").json()
    assert after["public"] is True
    assert [entry["event"] for entry in after["entries"]] == ["市政會議"]


# --- The auditor ----------------------------------------------------------------------------------------------

def test_the_auditor_reads_every_agencys_releases_records_and_opinion_items(auditor, liaison, outsider, monitor,
                                                                            records) -> None:
    releases = {services.release_draft(actor=person, title="稿", body=BODY).pk for person in (liaison, outsider)}
    items = {record(monitor, link="https://n.example.tw/1").pk,
             record(monitor, link="https://n.example.tw/2", agencies=("衛生局",)).pk}
    client = client_for(auditor)
    assert set(ids(client.get(f"{API}/releases"))) == releases
    for path in RECORD_LISTS:
        assert len(ids(client.get(f"{API}{path}"))) == 1, path
    assert {row["id"] for row in client.get(f"{API}/opinion/items").json()["items"]} == items
    for page in STAFF_PAGES:
        assert client.get(page).status_code == 200, page


def test_the_auditor_changes_nothing_in_the_media_office(auditor, liaison, agency_head, media_officer,
                                                          monitor) -> None:
    release = approved(liaison, agency_head, media_officer)
    item = record(monitor)
    client = client_for(auditor)
    attempts: list[tuple[str, dict[str, Any]]] = [
        ("/releases", {"title": "稽核稿", "body": "內容"}),
        (f"/releases/{release.pk}/publish", {"version": release.version}),
        (f"/releases/{release.pk}/return", {"version": release.version, "reason": "稽核退回"}),
        ("/trainings", {"held_on": "2023-10-19", "kind": "workshop", "title": "x", "attendance": 1}),
        ("/mayor-schedule", {"starts_at": (timezone.now() + dt.timedelta(days=1)).isoformat(), "place": "市府",
                             "event": "x"}),
        ("/opinion/items", {"outlet": "x", "medium": "news", "headline": "x", "seen_at": "2023-09-12T09:00:00+08:00"}),
        (f"/opinion/items/{item.pk}/severity", {"score": 1, "reason": "x"}),
        (f"/opinion/items/{item.pk}/escalate", {"agency_id": agency_id("交通局")}),
        (f"/opinion/items/{item.pk}/responses", {"kind": "statement", "text": "x", "agency_id": agency_id("交通局")}),
    ]
    with nothing_written():
        for path, data in attempts:
            response = post(client, path, data)
            assert (response.status_code, response.json()["code"]) == (403, "permission_denied"), path
        assert client.post("/media/trainings/", {"held_on": "112/10/19", "kind": "forum", "title": "x",
                                                 "attendance": "1"}).status_code == 404
    assert 'id="publish-release"' not in client.get(f"/media/press/{release.pk}/").content.decode()
    assert not OpinionResponse.objects.exists()
    assert not MediaTraining.objects.exists()


# --- The Secretariat's other staff ---------------------------------------------------------------------------

def test_a_secretariat_clerk_outside_the_media_unit_reads_but_neither_monitors_nor_publishes(
        secretariat_clerk, liaison, agency_head, media_officer, monitor) -> None:
    release = approved(liaison, agency_head, media_officer)
    item = record(monitor)
    client = client_for(secretariat_clerk)
    assert ids(client.get(f"{API}/releases")) == [release.pk]
    assert [row["id"] for row in client.get(f"{API}/opinion/items").json()["items"]] == [item.pk]
    own = post(client, "/releases", {"title": "機要組稿", "body": "內容"})
    assert own.json()["agency"] == "秘書處"
    with nothing_written():
        publish = post(client, f"/releases/{release.pk}/publish", {"version": release.version})
        recorded = post(client, "/opinion/items", {"outlet": "x", "medium": "news", "headline": "x",
                                                   "seen_at": "2023-09-12T09:00:00+08:00"})
    assert (publish.status_code, recorded.status_code) == (403, 403)


def test_a_secretariat_administrator_monitors_opinion_but_does_not_publish_releases(
        secretariat_admin, liaison, agency_head, media_officer) -> None:
    release = approved(liaison, agency_head, media_officer)
    client = client_for(secretariat_admin)
    created = post(client, "/opinion/items", {"outlet": "北市日報", "medium": "news", "headline": "管理員記錄",
                                              "seen_at": "2023-09-12T09:00:00+08:00"})
    assert created.status_code == 201
    assert OpinionItem.objects.get().headline == "管理員記錄"
    with nothing_written():
        publish = post(client, f"/releases/{release.pk}/publish", {"version": release.version})
    assert publish.status_code == 403


def test_a_switched_off_media_officer_can_do_nothing_any_more(media_officer, liaison, agency_head) -> None:
    release = approved(liaison, agency_head, media_officer)
    client = client_for(media_officer)
    media_officer.is_active = False
    media_officer.save(update_fields=["is_active"])
    with nothing_written():
        response = post(client, f"/releases/{release.pk}/publish", {"version": release.version})
    assert response.status_code == 401
    assert PressRelease.objects.get(pk=release.pk).status == ReleaseStatus.APPROVED


# --- The opinion item page, as each persona finds it ----------------------------------------------------------

@pytest.mark.parametrize(("who", "forms"), [
    ("monitor", {"severity", "escalate", "respond"}),
    ("liaison", {"respond"}),
    ("auditor", set()),
    ("secretariat_clerk", set()),
])
def test_the_item_page_offers_each_persona_exactly_the_steps_they_may_take(request, monitor, who, forms) -> None:
    item = record(monitor)
    page = client_for(request.getfixturevalue(who)).get(f"/media/opinion/{item.pk}/")
    assert page.status_code == 200
    offered = {step for step in ("severity", "escalate", "respond")
               if f'action="/media/opinion/{item.pk}/{step}/"' in page.content.decode()}
    assert offered == forms


@pytest.mark.parametrize("who", ["auditor", "secretariat_clerk"])
def test_a_reader_posting_a_response_form_anyway_is_refused_and_nothing_is_recorded(request, monitor, who) -> None:
    item = record(monitor)
    client = in_english(client_for(request.getfixturevalue(who)))
    with nothing_written():
        page = client.post(f"/media/opinion/{item.pk}/respond/",
                           {"kind": "statement", "text": "代為回應", "agency": agency_id("交通局")})
        escalated = client.post(f"/media/opinion/{item.pk}/escalate/", {"agency": agency_id("交通局")})
    assert page.status_code == 400
    assert "You may record responses only for your own agency." in page.content.decode()
    assert escalated.status_code == 404
