"""Every operation of /api/v1/media/ refuses with the one error body (docs/api.md): unknown ids are 404
`not_found`, bodies the schema refuses are 422 `invalid_input` naming the field, a step out of turn or a
stale version is 409, a persona outside the rules is 403 (or 404 where the record is outside their scope),
no sign-in is 401. Every refusal leaves the records as they were."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from secretariat.media.models import ReleaseStatus
from secretariat.media.services import releases as release_services
from secretariat.media.services.opinion import opinion_escalate
from secretariat.media.tests.opinion_helpers import agency_id, record
from secretariat.media.tests.press_helpers import BODY, approved, published
from secretariat.media.tests.refusal_helpers import nothing_written
from tests.fixtures import client_for, english, in_english
from tests.refusals import api_call, api_refusal

pytestmark = pytest.mark.django_db
API = "/api/v1/media"
UNKNOWN = 987654


def call(client: Client, method: str, path: str, data: Any = None) -> Any:
    return api_call(client, method, f"{API}{path}", data)


refusal = api_refusal


# --- Unknown ids: 404 --------------------------------------------------------------------------------------

RELEASE_OPERATIONS = [
    ("get", "/releases/{id}", None),
    ("put", "/releases/{id}", {"title": "x", "body": "y", "version": 1}),
    ("post", "/releases/{id}/submit", {"version": 1}),
    ("post", "/releases/{id}/approve-unit", {"version": 1}),
    ("post", "/releases/{id}/approve-media", {"version": 1}),
    ("post", "/releases/{id}/return", {"version": 1, "reason": "退回"}),
    ("post", "/releases/{id}/publish", {"version": 1}),
    ("post", "/releases/{id}/correct", {"version": 1, "title": "x", "body": "y", "note": "z"}),
]
OPINION_OPERATIONS = [
    ("get", "/opinion/items/{id}", None),
    ("post", "/opinion/items/{id}/severity", {"score": 50, "reason": "理由"}),
    ("post", "/opinion/items/{id}/escalate", {"agency_id": None}),
    ("post", "/opinion/items/{id}/responses", {"kind": "statement", "text": "說明", "agency_id": None}),
]


@pytest.mark.parametrize(("method", "path", "data"), [
    *RELEASE_OPERATIONS, ("patch", "/social-posts/{id}", {"version": 1, "reach": 1})])
def test_every_press_operation_on_an_unknown_id_is_404(media_officer, method, path, data) -> None:
    client = client_for(media_officer)
    with nothing_written():
        refusal(call(client, method, path.format(id=UNKNOWN), data), 404, "not_found", None)


@pytest.mark.parametrize(("method", "path", "data"), OPINION_OPERATIONS)
def test_every_opinion_operation_on_an_unknown_item_is_404(monitor, method, path, data) -> None:
    if data and "agency_id" in data:
        data = {**data, "agency_id": agency_id("交通局")}
    client = client_for(monitor)
    with nothing_written():
        refusal(call(client, method, path.format(id=UNKNOWN), data), 404, "not_found", None)


def test_a_file_for_an_unknown_release_is_404_and_nothing_is_stored(media_officer) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.files import png_bytes

    client = client_for(media_officer)
    with nothing_written():
        response = client.post(f"{API}/releases/{UNKNOWN}/files",
                               {"file": SimpleUploadedFile("a.png", png_bytes(), content_type="image/png")})
    refusal(response, 404, "not_found")


def test_the_public_release_endpoint_does_not_show_drafts_or_unknown_ids(liaison, agency_head, media_officer) -> None:
    draft = release_services.release_draft(actor=liaison, title="草稿", body=BODY)
    ready = approved(liaison, agency_head, media_officer, "已核定未發布")
    anonymous = Client()
    for pk in (draft.pk, ready.pk, UNKNOWN):
        body = refusal(anonymous.get(f"{API}/public/releases/{pk}"), 404, "not_found")
        assert "草稿" not in json.dumps(body, ensure_ascii=False)


# --- Bodies and parameters the schema refuses: 422 invalid_input -----------------------------------------

@pytest.mark.parametrize(("method", "path", "data", "field"), [
    ("post", "/releases", {"body": "內容"}, "title"),
    ("post", "/releases", {"title": "x", "body": "y", "titel": "typo"}, "titel"),
    ("put", "/releases/{id}", {"title": "x", "body": "y"}, "version"),
    ("post", "/releases/{id}/submit", {"version": "one"}, "version"),
    ("post", "/releases/{id}/return", {"version": 1}, "reason"),
    ("post", "/releases/{id}/publish", {"version": 1, "at": "next tuesday"}, "at"),
    ("post", "/releases/{id}/correct", {"version": 1, "title": "x", "body": "y"}, "note"),
    ("post", "/press-events", {"kind": "party", "held_at": "2023-09-01T15:00:00+08:00", "place": "市府",
                               "topic": "x"}, "kind"),
    ("post", "/press-events", {"kind": "conference", "held_at": "2023-09-01T15:00:00+08:00", "place": "市府",
                               "topic": "x", "agency_ids": "all"}, "agency_ids"),
    ("post", "/mayor-schedule", {"place": "市府", "event": "市政會議"}, "starts_at"),
    ("post", "/social-posts", {"platform": "myspace", "post_type": "video", "title": "x",
                               "planned_at": "2030-01-01T10:00:00+08:00"}, "platform"),
    ("patch", "/social-posts/1", {"reach": 10}, "version"),
    ("patch", "/social-posts/1", {"version": 1, "reach": "many"}, "reach"),
    ("post", "/trainings", {"held_on": "2023-10-19", "kind": "workshop", "title": "x", "attendance": "many"},
     "attendance"),
    ("post", "/trainings", {"held_on": "112/10/19", "kind": "workshop", "title": "x", "attendance": 1}, "held_on"),
])
def test_a_press_body_the_schema_refuses_is_422_naming_the_field(media_officer, method, path, data,
                                                                 field) -> None:
    release = release_services.release_draft(actor=media_officer, title="草稿", body=BODY)
    client = in_english(client_for(media_officer))
    with nothing_written():
        body = refusal(call(client, method, path.format(id=release.pk), data), 422, "invalid_input", field)
    assert body["message"] == "Some of the values are missing or not valid."
    assert body["details"][0]["loc"][0] == "body"


@pytest.mark.parametrize(("data", "field"), [
    ({"outlet": "北市日報", "medium": "paper", "headline": "x", "seen_at": "2023-09-12T09:00:00+08:00"}, "medium"),
    ({"outlet": "北市日報", "medium": "news", "headline": "x"}, "seen_at"),
    ({"outlet": "北市日報", "medium": "news", "headline": "x", "seen_at": "2023-09-12T09:00:00+08:00",
      "reach": "lots"}, "reach"),
    ({"outlet": "北市日報", "medium": "news", "headline": "x", "seen_at": "2023-09-12T09:00:00+08:00",
      "sentiment": "angry"}, "sentiment"),
    ({"outlet": "北市日報", "medium": "news", "headline": "x", "seen_at": "2023-09-12T09:00:00+08:00",
      "agency_ids": ["交通局"]}, "0"),
    ({"outlet": "北市\u0000日報", "medium": "news", "headline": "x", "seen_at": "2023-09-12T09:00:00+08:00"}, "outlet"),
])
def test_an_opinion_item_the_schema_refuses_is_422_and_nothing_is_recorded(monitor, data, field) -> None:
    client = client_for(monitor)
    with nothing_written():
        refusal(call(client, "post", "/opinion/items", data), 422, "invalid_input", field)


@pytest.mark.parametrize(("path", "data", "field"), [
    ("/opinion/items/{id}/severity", {"reason": "x"}, "score"),
    ("/opinion/items/{id}/severity", {"score": "high", "reason": "x"}, "score"),
    ("/opinion/items/{id}/escalate", {"agency_id": "交通局"}, "agency_id"),
    ("/opinion/items/{id}/escalate", {"agency": 1}, "agency"),
    ("/opinion/items/{id}/responses", {"kind": "tweet", "text": "x"}, "kind"),
    ("/opinion/items/{id}/responses", {"kind": "statement"}, "text"),
])
def test_an_opinion_step_the_schema_refuses_is_422(monitor, path, data, field) -> None:
    item = record(monitor)
    client = client_for(monitor)
    with nothing_written():
        refusal(call(client, "post", path.format(id=item.pk), data), 422, "invalid_input", field)


@pytest.mark.parametrize(("path", "query", "field"), [
    ("/releases", {"status": "lost"}, "status"),
    ("/releases", {"waiting_for_me": "perhaps"}, "waiting_for_me"),
    ("/press-events", {"kind": "party"}, "kind"),
    ("/social-posts", {"platform": "myspace"}, "platform"),
    ("/social-posts/calendar", {"year": 2023}, "month"),
    ("/opinion/items", {"since": "yesterday"}, "since"),
    ("/opinion/items", {"medium": "paper"}, "medium"),
    ("/opinion/items", {"agency_id": "交通局"}, "agency_id"),
    ("/opinion/digests/not-a-day", {}, "day"),
    ("/mayor-schedule/2023-02-30/publish", None, "day"),
])
def test_a_query_or_path_the_schema_refuses_is_422(media_officer, path, query, field) -> None:
    client = client_for(media_officer)
    response = call(client, "post", path) if query is None else call(client, "get", path, query)
    body = refusal(response, 422, "invalid_input", field)
    assert body["details"][0]["loc"][0] in {"query", "path"}


@pytest.mark.parametrize("path", ["/public/releases?agency=x", "/public/mayor-schedule/tomorrow"])
def test_the_public_endpoints_refuse_bad_parameters_with_the_same_body(reference_data, path) -> None:
    refusal(Client().get(f"{API}{path}"), 422, "invalid_input")


# --- Service refusals through HTTP: 400 with the service's code and field ---------------------------------

def test_a_calendar_month_outside_1_to_12_is_400_naming_the_month(media_officer) -> None:
    client = client_for(media_officer)
    for query in ({"year": 2023, "month": 13}, {"year": 1999, "month": 1}):
        refusal(call(client, "get", "/social-posts/calendar", query), 400, "invalid", "month")


def test_a_mangled_cursor_is_400_naming_the_parameter(monitor) -> None:
    refusal(call(client_for(monitor), "get", "/opinion/items", {"after": "1_2"}), 400, "invalid_cursor", "after")


def test_an_event_naming_an_unknown_agency_is_400_and_nothing_is_recorded(media_officer) -> None:
    client = client_for(media_officer)
    with nothing_written():
        refusal(call(client, "post", "/press-events", {
            "kind": "conference", "held_at": "2023-09-01T15:00:00+08:00", "place": "市府", "topic": "記者會",
            "agency_ids": [agency_id("交通局"), UNKNOWN]}), 400, "invalid", "agency_ids")


def test_publishing_a_day_without_items_is_400(media_officer) -> None:
    client = client_for(media_officer)
    with nothing_written():
        refusal(call(client, "post", f"/mayor-schedule/{timezone.localdate().isoformat()}/publish"), 400, "empty")


def test_an_image_that_is_not_png_or_jpeg_is_400_and_nothing_is_stored(liaison) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.files import png_bytes

    release = release_services.release_draft(actor=liaison, title="附圖", body=BODY)
    client = client_for(liaison)
    for name, kind, code in (("a.gif", "image", "attachment_rejected"), ("a.png", "movie", "invalid")):
        with nothing_written():
            response = client.post(f"{API}/releases/{release.pk}/files",
                                   {"file": SimpleUploadedFile(name, png_bytes()), "kind": kind})
        refusal(response, 400, code)


def test_a_bad_value_in_a_service_refusal_is_explained_in_both_languages(monitor) -> None:
    item = record(monitor)
    client = in_english(client_for(monitor))
    body = refusal(call(client, "post", f"/opinion/items/{item.pk}/severity", {"score": 120, "reason": "x"}),
                   400, "invalid_score", "score")
    assert body["message"] == body["messages"]["en"] == "Give a severity from 0 to 100."
    assert body["messages"]["zh-hant"] != body["messages"]["en"]


# --- Wrong state and stale versions: 409 ------------------------------------------------------------------

@pytest.mark.parametrize(("status", "who", "path", "data"), [
    (ReleaseStatus.SUBMITTED, "liaison", "submit", {}),
    (ReleaseStatus.SUBMITTED, "media_officer", "approve-media", {}),
    (ReleaseStatus.DRAFT, "agency_head", "approve-unit", {}),
    (ReleaseStatus.DRAFT, "media_officer", "return", {"reason": "退回"}),
    (ReleaseStatus.DRAFT, "media_officer", "correct", {"title": "x", "body": "y", "note": "z"}),
    (ReleaseStatus.PUBLISHED, "media_officer", "return", {"reason": "退回"}),
])
def test_a_release_step_out_of_turn_is_409_wrong_status(request, liaison, agency_head, media_officer, status, who,
                                                        path, data) -> None:
    release = release_services.release_draft(actor=liaison, title="交通稿", body=BODY)
    if status == ReleaseStatus.SUBMITTED:
        release = release_services.release_submit(actor=liaison, release_id=release.pk, version=release.version)
    elif status == ReleaseStatus.PUBLISHED:
        release = published(liaison, agency_head, media_officer)
    client = client_for(request.getfixturevalue(who))
    with nothing_written():
        response = call(client, "post", f"/releases/{release.pk}/{path}", {"version": release.version, **data})
    refusal(response, 409, "wrong_status")


@pytest.mark.parametrize(("method", "path", "data"), [
    ("put", "", {"title": "x", "body": "y"}),
    ("post", "/submit", {}),
])
def test_a_stale_release_version_is_409_conflict(liaison, method, path, data) -> None:
    release = release_services.release_draft(actor=liaison, title="交通稿", body=BODY)
    client = client_for(liaison)
    with nothing_written():
        response = call(client, method, f"/releases/{release.pk}{path}", {"version": release.version + 1, **data})
    refusal(response, 409, "conflict")


def test_a_stale_post_version_is_409(media_officer) -> None:
    client = client_for(media_officer)
    pid = call(client, "post", "/social-posts", {"platform": "line", "post_type": "image", "title": "貼文",
                                                 "planned_at": "2030-01-01T10:00:00+08:00"}).json()["id"]
    with nothing_written():
        refusal(call(client, "patch", f"/social-posts/{pid}", {"version": 7, "link": "https://line.me/x"}),
                409, "conflict")


def test_escalating_twice_is_409_naming_the_case(monitor) -> None:
    item = opinion_escalate(actor=monitor, item_id=record(monitor).pk, agency_id=agency_id("交通局"))
    client = client_for(monitor)
    with nothing_written():
        body = refusal(call(client, "post", f"/opinion/items/{item.pk}/escalate", {"agency_id": agency_id("衛生局")}),
                       409, "already_escalated")
    assert item.case is not None
    assert item.case.reference in body["message"]


def test_the_same_schedule_item_twice_is_409(media_officer) -> None:
    client = client_for(media_officer)
    entry = {"starts_at": (timezone.now() + dt.timedelta(days=2)).isoformat(), "place": "市府",
             "event": "市政會議"}
    assert call(client, "post", "/mayor-schedule", entry).status_code == 201
    with nothing_written():
        refusal(call(client, "post", "/mayor-schedule", entry), 409, "duplicate")


def test_a_csv_repeating_a_recorded_link_is_400_and_writes_nothing(monitor) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    existing = record(monitor, link="https://n.example.tw/1")
    data = ("seen_at,outlet,medium,link,headline\n2023-09-12 08:00,北市日報,news,https://n.example.tw/1,同一篇\n"
            .encode())
    client = client_for(monitor)
    with nothing_written():
        response = client.post(f"{API}/opinion/import", {"file": SimpleUploadedFile("x.csv", data)})
    body = refusal(response, 400, "csv_rows_invalid", "file")
    assert f"#{existing.pk}" in body["message"]


def test_an_import_without_a_file_is_422(monitor) -> None:
    refusal(client_for(monitor).post(f"{API}/opinion/import", {}), 422, "invalid_input", "file")


# --- No sign-in: 401 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("method", "path"), [
    ("get", "/releases"), ("post", "/releases"), ("get", "/releases/1"), ("post", "/releases/1/publish"),
    ("get", "/press-events"), ("post", "/press-events"), ("post", "/mayor-schedule"),
    ("post", "/mayor-schedule/2030-01-01/publish"), ("get", "/social-posts"), ("patch", "/social-posts/1"),
    ("get", "/trainings"), ("post", "/trainings"), ("get", "/opinion/items"), ("post", "/opinion/items"),
    ("get", "/opinion/items/1"), ("post", "/opinion/items/1/responses"), ("post", "/opinion/import"),
    ("get", "/opinion/digests/2023-09-12"),
])
def test_an_anonymous_caller_of_a_staff_operation_is_asked_to_sign_in(reference_data, method, path) -> None:
    body = refusal(call(in_english(Client()), method, path, {}), 401, "not_authenticated", None)
    assert body["message"] == english("Sign in or send a valid API token.")
