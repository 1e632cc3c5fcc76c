"""The JSON API (/api/v1/) as a program or a browser meets it: status codes, error bodies and scoping."""

import datetime as dt
import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from secretariat.accounts.models import Agency, ApiToken
from secretariat.accounts.services import api_token_create, api_token_revoke
from secretariat.audit.models import AuditEntry
from secretariat.core.models import Attachment, CalendarDay, DayKind
from tests.files import exe_bytes, png_bytes
from tests.fixtures import client_for, has_project_translations

pytestmark = pytest.mark.django_db

ERROR_KEYS = {"code", "message", "messages", "field", "details"}


def post_json(client: Client, path: str, data, **extra):
    body = data if isinstance(data, str) else json.dumps(data)
    return client.post(path, body, content_type="application/json", **extra)


def patch_json(client: Client, path: str, data, **extra):
    return client.patch(path, json.dumps(data), content_type="application/json", **extra)


def bearer(raw: str) -> dict[str, str]:
    """The headers a program sends with its personal token."""
    return {"Authorization": f"Bearer {raw}"}


def assert_error_body(response, code: str | None = None) -> dict[str, Any]:
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) >= ERROR_KEYS
    assert set(body["messages"]) == {"zh-hant", "en"}
    if code is not None:
        assert body["code"] == code
    return body


# --- Who is calling ---------------------------------------------------------------------------------

def test_an_anonymous_caller_is_told_to_sign_in(db):
    response = Client().get("/api/v1/me")

    assert response.status_code == 401
    body = assert_error_body(response, "not_authenticated")
    assert body["messages"]["en"] == "Sign in or send a valid API token."


@pytest.mark.skipif(not has_project_translations(), reason="the project ships no zh-Hant catalogue")
def test_the_error_is_also_given_in_traditional_chinese(db):
    body = Client().get("/api/v1/me").json()

    assert body["messages"]["zh-hant"] != body["messages"]["en"]
    assert body["message"] == body["messages"]["zh-hant"]  # the default language is zh-Hant


def test_a_signed_in_liaison_sees_their_role_and_agency(liaison):
    response = client_for(liaison).get("/api/v1/me")

    assert response.status_code == 200
    me = response.json()
    assert me["username"] == "liaison"
    assert me["display_name"] == "黃聯絡"
    assert me["role"] == "agency_liaison"
    assert me["agency"]["short_name"] == "交通局"
    assert me["sees_all_agencies"] is False


def test_the_clerk_is_told_they_see_every_agency(secretariat_clerk):
    me = client_for(secretariat_clerk).get("/api/v1/me").json()

    assert me["sees_all_agencies"] is True
    assert me["unit"]["name"] == "機要組"


def test_a_personal_token_signs_a_program_in(liaison):
    _token, raw = api_token_create(actor=liaison, name="統計程式")

    response = Client().get("/api/v1/me", headers=bearer(raw))

    assert response.status_code == 200
    assert response.json()["username"] == "liaison"


def test_a_revoked_token_is_refused(liaison):
    token, raw = api_token_create(actor=liaison, name="統計程式")
    api_token_revoke(actor=liaison, token_id=token.pk)

    response = Client().get("/api/v1/me", headers=bearer(raw))

    assert response.status_code == 401
    assert_error_body(response, "not_authenticated")


def test_a_session_write_without_the_csrf_token_is_refused(secretariat_admin):
    browser = client_for(secretariat_admin, enforce_csrf_checks=True)
    agencies_before = Agency.objects.count()

    response = post_json(browser, "/api/v1/agencies", {"name": "臺北市政府數位發展局", "short_name": "數位發展局"})

    assert response.status_code in {401, 403}
    assert_error_body(response)
    assert Agency.objects.count() == agencies_before


def test_a_token_write_needs_no_csrf_token(secretariat_admin):
    _token, raw = api_token_create(actor=secretariat_admin, name="整合程式")

    response = post_json(Client(enforce_csrf_checks=True), "/api/v1/agencies",
                         {"name": "臺北市政府數位發展局", "short_name": "數位發展局"}, headers=bearer(raw))

    assert response.status_code == 201


# --- Bad input --------------------------------------------------------------------------------------

@pytest.mark.parametrize("body", ["{not json", "", "[1, 2", '"just a string"'])
def test_a_body_that_is_not_an_agency_gets_a_json_error_not_a_crash(secretariat_admin, body):
    agencies_before = Agency.objects.count()

    response = post_json(client_for(secretariat_admin), "/api/v1/agencies", body)

    assert 400 <= response.status_code < 500
    assert_error_body(response)
    assert Agency.objects.count() == agencies_before


def test_an_unknown_field_is_refused_with_invalid_input(secretariat_admin):
    response = post_json(client_for(secretariat_admin), "/api/v1/agencies",
                         {"name": "臺北市政府數位發展局", "short_name": "數位發展局", "budget": 100})

    assert response.status_code == 422
    body = assert_error_body(response, "invalid_input")
    assert body["field"] == "budget"
    assert not Agency.objects.filter(short_name="數位發展局").exists()


def test_a_liaison_may_not_create_an_agency(liaison):
    response = post_json(client_for(liaison), "/api/v1/agencies",
                         {"name": "臺北市政府數位發展局", "short_name": "數位發展局"})

    assert response.status_code == 403
    assert_error_body(response, "permission_denied")
    assert not Agency.objects.filter(short_name="數位發展局").exists()


def test_a_parent_that_does_not_exist_is_not_found(secretariat_admin):
    response = post_json(client_for(secretariat_admin), "/api/v1/agencies",
                         {"name": "臺北市某區公所", "short_name": "某區公所", "parent_id": 999999})

    assert response.status_code == 404
    assert_error_body(response, "not_found")


# --- Agencies ---------------------------------------------------------------------------------------

def test_the_administrator_creates_an_agency(secretariat_admin, agency_named):
    response = post_json(client_for(secretariat_admin), "/api/v1/agencies", {
        "name": "臺北市政府數位發展局", "short_name": "數位發展局", "name_en": "Department of Information Technology",
    })

    assert response.status_code == 201
    created = response.json()
    assert created["short_name"] == "數位發展局"
    assert Agency.objects.get(pk=created["id"]).name == "臺北市政府數位發展局"


def test_the_administrator_corrects_an_agencys_english_name(secretariat_admin, agency_named):
    transport = agency_named("交通局")

    response = patch_json(client_for(secretariat_admin), f"/api/v1/agencies/{transport.pk}",
                          {"name_en": "Department of Transportation, Taipei"})

    assert response.status_code == 200
    assert response.json()["name_en"] == "Department of Transportation, Taipei"
    assert response.json()["name"] == "臺北市政府交通局"  # untouched


def test_a_district_office_can_be_moved_under_a_bureau_by_id(secretariat_admin, agency_named):
    office, bureau = agency_named("中正區公所"), agency_named("交通局")

    response = patch_json(client_for(secretariat_admin), f"/api/v1/agencies/{office.pk}", {"parent_id": bureau.pk})

    assert response.status_code == 200
    assert response.json()["parent_id"] == bureau.pk


def test_a_refused_agency_change_returns_the_rule_broken(secretariat_admin, agency_named):
    bureau, office = agency_named("民政局"), agency_named("中正區公所")

    response = patch_json(client_for(secretariat_admin), f"/api/v1/agencies/{bureau.pk}", {"parent_id": office.pk})

    assert response.status_code == 400
    body = assert_error_body(response, "agency_cycle")
    assert body["field"] == "parent"


def test_the_agency_list_keeps_chinese_readable(liaison):
    response = client_for(liaison).get("/api/v1/agencies")

    assert response.status_code == 200
    assert "交通局".encode() in response.content
    assert b"\\u" not in response.content


def test_the_district_offices_name_the_bureau_they_report_under(liaison, agency_named):
    rows = {row["short_name"]: row for row in client_for(liaison).get("/api/v1/agencies").json()}

    assert rows["中正區公所"]["parent_id"] == agency_named("民政局").pk
    assert rows["民政局"]["report_name"] == "民政局（含區公所）"


# --- People -----------------------------------------------------------------------------------------

def test_the_administrator_lists_people_of_every_agency(secretariat_admin, liaison, outsider):
    usernames = {row["username"] for row in client_for(secretariat_admin).get("/api/v1/users").json()}

    assert {"admin", "liaison", "outsider"} <= usernames


def test_a_liaison_may_not_list_people(liaison):
    response = client_for(liaison).get("/api/v1/users")

    assert response.status_code == 403
    assert_error_body(response, "permission_denied")


def test_a_liaison_granted_the_directory_sees_only_their_own_agencys_people(liaison, agency_head, outsider,
                                                                           secretariat_clerk):
    from django.contrib.auth.models import Permission

    liaison.user_permissions.add(Permission.objects.get(codename="view_user", content_type__app_label="accounts"))

    response = client_for(liaison).get("/api/v1/users")

    assert response.status_code == 200
    assert {row["username"] for row in response.json()} == {"liaison", "head"}


def test_the_administrator_adds_a_liaison_over_the_api(secretariat_admin, agency_named):
    response = post_json(client_for(secretariat_admin), "/api/v1/users", {
        "username": "newliaison", "password": "Transport-desk-2026", "display_name": "新聯絡",
        "role": "agency_liaison", "agency_id": agency_named("交通局").pk,
    })

    assert response.status_code == 201
    assert response.json()["agency_id"] == agency_named("交通局").pk
    assert "password" not in response.json()


def test_a_weak_password_over_the_api_is_refused_with_its_code(secretariat_admin, agency_named):
    response = post_json(client_for(secretariat_admin), "/api/v1/users", {
        "username": "newliaison", "password": "short", "role": "agency_liaison",
        "agency_id": agency_named("交通局").pk,
    })

    assert response.status_code == 400
    assert assert_error_body(response, "weak_password")["field"] == "password"


# --- Personal tokens --------------------------------------------------------------------------------

def test_a_token_created_in_the_browser_is_shown_once(liaison):
    browser = client_for(liaison)

    created = post_json(browser, "/api/v1/tokens", {"name": "統計程式"})

    assert created.status_code == 201
    raw = created.json()["token"]
    assert raw.startswith("sec_")
    listed = browser.get("/api/v1/tokens")
    assert [row["name"] for row in listed.json()] == ["統計程式"]
    assert "token" not in listed.json()[0]
    assert raw.encode() not in listed.content


def test_a_token_created_in_the_browser_works_for_a_program(liaison):
    raw = post_json(client_for(liaison), "/api/v1/tokens", {"name": "統計程式"}).json()["token"]

    assert Client().get("/api/v1/me", headers=bearer(raw)).json()["username"] == "liaison"


def test_deleting_a_token_revokes_it(liaison):
    browser = client_for(liaison)
    created = post_json(browser, "/api/v1/tokens", {"name": "統計程式"}).json()

    response = browser.delete(f"/api/v1/tokens/{created['id']}")

    assert response.status_code == 200
    assert response.json()["revoked_at"] is not None
    assert Client().get("/api/v1/me", headers=bearer(created["token"])).status_code == 401


def test_a_token_cannot_mint_another_token(liaison):
    _token, raw = api_token_create(actor=liaison, name="統計程式")

    response = post_json(Client(), "/api/v1/tokens", {"name": "第二把"}, headers=bearer(raw))

    assert response.status_code == 401
    assert_error_body(response, "not_authenticated")
    assert ApiToken.objects.filter(user=liaison).count() == 1


def test_one_cannot_revoke_someone_elses_token(liaison, outsider):
    token, raw = api_token_create(actor=liaison, name="統計程式")

    response = client_for(outsider).delete(f"/api/v1/tokens/{token.pk}")

    assert response.status_code == 404
    assert Client().get("/api/v1/me", headers=bearer(raw)).status_code == 200


def test_the_token_list_shows_only_ones_own_tokens(liaison, outsider):
    api_token_create(actor=outsider, name="衛生局程式")

    assert client_for(liaison).get("/api/v1/tokens").json() == []


# --- The working-day calendar ----------------------------------------------------------------------

def test_one_working_day_after_the_dragon_boat_eve_is_the_next_monday(liaison):
    # 2023-06-22 (Dragon Boat Festival) and 06-23 (bridge holiday) are off, then a weekend.
    response = client_for(liaison).get("/api/v1/calendar/add?start=2023-06-21&days=1")

    assert response.status_code == 200
    assert response.json()["due"] == "2023-06-26"
    assert response.json()["roc_due"] == "112/06/26"


def test_a_date_beyond_the_loaded_calendars_is_refused(liaison):
    response = client_for(liaison).get("/api/v1/calendar/add?start=2031-03-02&days=3")

    assert response.status_code == 400
    body = assert_error_body(response, "calendar_out_of_range")
    assert "2031" in body["messages"]["en"]


def test_the_administrator_declares_a_typhoon_closure(secretariat_admin):
    response = post_json(client_for(secretariat_admin), "/api/v1/calendar/closures",
                         {"date": "2026-12-01", "note": "颱風停止上班"})

    assert response.status_code == 201
    assert response.json()["kind"] == "closure"
    assert CalendarDay.objects.get(date=dt.date(2026, 12, 1)).kind == DayKind.CLOSURE


def test_a_declared_closure_moves_deadlines(secretariat_admin):
    browser = client_for(secretariat_admin)
    post_json(browser, "/api/v1/calendar/closures", {"date": "2026-12-01", "note": "颱風停止上班"})

    response = browser.get("/api/v1/calendar/add?start=2026-11-30&days=1")

    assert response.json()["due"] == "2026-12-02"


def test_a_liaison_may_not_declare_a_closure(liaison):
    response = post_json(client_for(liaison), "/api/v1/calendar/closures",
                         {"date": "2026-12-01", "note": "颱風停止上班"})

    assert response.status_code == 403
    assert_error_body(response, "permission_denied")
    assert not CalendarDay.objects.filter(date=dt.date(2026, 12, 1)).exists()


# --- Attachments ------------------------------------------------------------------------------------

def upload(client: Client, name: str, content: bytes, content_type: str = "application/octet-stream"):
    return client.post("/api/v1/attachments", {"file": SimpleUploadedFile(name, content, content_type=content_type)})


def test_an_uploaded_picture_can_be_downloaded_by_its_uploader(liaison):
    browser = client_for(liaison)

    created = upload(browser, "現場照片.png", png_bytes(), "image/png")

    assert created.status_code == 201
    assert created.json()["content_type"] == "image/png"
    download = browser.get(created.json()["download_url"])
    assert download.status_code == 200
    assert download.getvalue() == png_bytes()


def test_another_agencys_liaison_cannot_download_the_picture(liaison, outsider):
    created = upload(client_for(liaison), "現場照片.png", png_bytes(), "image/png").json()

    response = client_for(outsider).get(created["download_url"])

    assert response.status_code == 404
    assert_error_body(response, "not_found")


def test_an_executable_renamed_pdf_is_refused(liaison):
    response = upload(client_for(liaison), "公文.pdf", exe_bytes(), "application/pdf")

    assert response.status_code == 400
    assert_error_body(response, "attachment_rejected")
    assert not Attachment.objects.exists()
    assert not AuditEntry.objects.filter(action="attachment.upload").exists()


# --- Documentation and health ----------------------------------------------------------------------

def test_the_api_describes_itself(db):
    response = Client().get("/api/v1/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    assert "/api/v1/me" in schema["paths"]
    assert "秘書處" in schema["info"]["description"]


def test_the_health_check_answers_ok(db):
    response = Client().get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
