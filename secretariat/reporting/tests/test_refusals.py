"""Every refusal of the work report's prose and of /api/v1/reports/, with nothing written: the text the
writer must correct, a save from a version someone else has moved on from, the people who may read the report
but not write it, and those who may not even learn that it exists. Over HTTP each is the shared error body."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from secretariat.accounts.models import User
from secretariat.core.errors import ApplicationError, Conflict, PermissionRefused, ValidationFailed
from secretariat.core.roc import Period
from secretariat.reporting.forms import VERSION_LOST
from secretariat.reporting.models import ReportProse
from secretariat.reporting.report.prose import MAX_LENGTH, prose_place
from secretariat.reporting.services import prose_save
from tests import refusals
from tests.fixtures import client_for, english, in_english

pytestmark = pytest.mark.django_db
API = "/api/v1/reports"
PERIOD = Period(112, 2)
ERROR_KEYS = {"code", "message", "messages", "field", "details"}
state = refusals.watcher(app_labels=["reporting"], rows={ReportProse: ["text", "version", "updated_by_id"]})


def save(actor: Any, text: str = "各位議員：", version: int = 0, place: str = "front") -> ReportProse:
    return prose_save(actor=actor, period=PERIOD, place=prose_place(place), text=text, version=version)


def refused(kind: type[ApplicationError], code: str | None, field: str | None, **values: Any) -> Any:
    actor = values.pop("actor")
    with refusals.nothing_written(state), pytest.raises(kind) as error:
        save(actor, **values)
    refusals.assert_refusal(error.value, kind, code, field)
    return error.value


def refusal(response: Any, status: int, code: str, field: str | None = "") -> dict[str, Any]:
    assert response.status_code == status, response.content[:400]
    body: dict[str, Any] = response.json()
    assert set(body) >= ERROR_KEYS
    assert body["code"] == code
    assert set(body["messages"]) == {"zh-hant", "en"}
    if field != "":
        assert body["field"] == field
    return body


def put(client: Client, path: str, body: Any) -> Any:
    return client.put(f"{API}{path}", json.dumps(body), content_type="application/json")


# --- The service ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "code"), [
    ("", "prose_empty"),
    (" \n \r\n\t ", "prose_empty"),
    ("字" * (MAX_LENGTH + 1), "prose_too_long"),
])
def test_text_the_writer_must_correct_is_refused_on_the_text(secretariat_clerk: User, text: str, code: str) -> None:
    refused(ValidationFailed, code, "text", actor=secretariat_clerk, text=text)


def test_the_longest_text_allowed_is_kept_whole(secretariat_clerk: User) -> None:
    assert len(save(secretariat_clerk, text="字" * MAX_LENGTH).text) == MAX_LENGTH


def test_a_first_save_claiming_a_version_that_does_not_exist_is_a_conflict(secretariat_clerk: User) -> None:
    for version in (1, -1):
        refused(Conflict, "conflict", "text", actor=secretariat_clerk, version=version)


def test_a_save_from_an_old_version_says_which_version_is_current(secretariat_clerk: User,
                                                                  secretariat_admin: User) -> None:
    save(secretariat_clerk)
    save(secretariat_admin, text="各位議員女士先生：", version=1)
    for version in (0, 1, 3):
        error = refused(Conflict, "conflict", "text", actor=secretariat_clerk, text="我的版本", version=version)
        assert "2" in error.render()


def test_saving_the_same_text_again_writes_no_new_version(secretariat_clerk: User) -> None:
    save(secretariat_clerk, text="各位議員：\r\n  本處工作如下。  ")
    with refusals.nothing_written(state):
        again = save(secretariat_clerk, text="各位議員：\n  本處工作如下。", version=1)
    assert (again.version, again.text) == (1, "各位議員：\n  本處工作如下。")


@pytest.mark.parametrize("who", ["auditor", "liaison", "agency_head", "outsider", "councillor"])
def test_only_the_secretariat_writes_the_reports_text(request, who: str) -> None:
    refused(PermissionRefused, "permission_denied", None, actor=request.getfixturevalue(who))


def test_a_switched_off_clerk_writes_no_text(secretariat_clerk: User) -> None:
    secretariat_clerk.is_active = False
    secretariat_clerk.save(update_fields=["is_active"])
    refused(PermissionRefused, "permission_denied", None, actor=secretariat_clerk)


# --- Over HTTP -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "field"), [
    ({"text": "各位議員："}, "version"),
    ({"version": 0}, "text"),
    ({"text": "各位議員：", "version": "first"}, "version"),
    ({"text": "各位議員：", "version": 0, "author": "林書記"}, "author"),
    ({"text": ["各位", "議員"], "version": 0}, "text"),
])
def test_a_prose_body_the_schema_refuses_is_422_naming_the_field(secretariat_clerk: User, body: dict[str, Any],
                                                                 field: str) -> None:
    with refusals.nothing_written(state):
        refusal(put(client_for(secretariat_clerk), "/112H2/prose/front", body), 422, "invalid_input", field)


@pytest.mark.parametrize(("path", "status", "code"), [
    ("/112H2/prose/preface", 404, "not_found"),
    ("/112H3/prose/front", 400, "invalid_period"),
    ("/112 H2/prose/front", 200, ""),  # a space is read, as on the pages
])
def test_a_save_to_an_unknown_place_or_period_is_refused(secretariat_clerk: User, path: str, status: int,
                                                         code: str) -> None:
    response = put(client_for(secretariat_clerk), path, {"text": "各位議員：", "version": 0})
    if status == 200:
        assert response.status_code == 200
        assert ReportProse.objects.get().period_code == "112H2"
        return
    refusal(response, status, code)
    assert not ReportProse.objects.exists()


def test_a_stale_save_over_http_is_409_in_both_languages(secretariat_clerk: User, secretariat_admin: User) -> None:
    save(secretariat_clerk)
    with refusals.nothing_written(state):
        body = refusal(put(in_english(client_for(secretariat_admin)), "/112H2/prose/front",
                           {"text": "另一版", "version": 0}), 409, "conflict", "text")
    assert "version 1" in body["messages"]["en"]
    assert body["messages"]["zh-hant"] != body["messages"]["en"]


def test_an_unknown_download_format_is_400_naming_the_format(secretariat_clerk: User) -> None:
    body = refusal(in_english(client_for(secretariat_clerk)).get(f"{API}/112H2/download/exe"), 400,
                   "unknown_format", "format")
    assert "odt" in body["messages"]["en"]


READS = ["/112H2", "/112H2/prose", "/112H2/prose/front", "/112H2/compare", "/112H2/download/txt"]


def test_without_a_sign_in_every_report_operation_is_401(reference_data: None) -> None:
    anonymous = Client()
    with refusals.nothing_written(state):
        for path in READS:
            refusal(anonymous.get(f"{API}{path}"), 401, "not_authenticated")
        refusal(put(anonymous, "/112H2/prose/front", {"text": "x", "version": 0}), 401, "not_authenticated")


@pytest.mark.parametrize("who", ["liaison", "agency_head", "civil_affairs_liaison", "councillor"])
def test_agency_people_and_councillors_do_not_learn_the_report_exists(request, secretariat_clerk: User,
                                                                      who: str) -> None:
    save(secretariat_clerk, text="本處機密草稿")
    client = client_for(request.getfixturevalue(who))
    with refusals.nothing_written(state):
        for path in [*READS, "/112H3", "/abc/prose"]:
            response = client.get(f"{API}{path}")
            refusal(response, 404, "not_found")
            assert "本處機密草稿" not in response.content.decode()
        refusal(put(client, "/112H2/prose/front", {"text": "改寫", "version": 1}), 404, "not_found")


def test_the_auditor_reads_the_text_but_a_write_is_403_and_changes_nothing(auditor: User,
                                                                           secretariat_clerk: User) -> None:
    save(secretariat_clerk)
    client = client_for(auditor)
    assert client.get(f"{API}/112H2/prose/front").json()["text"] == "各位議員："
    with refusals.nothing_written(state):
        refusal(put(client, "/112H2/prose/front", {"text": "稽核改寫", "version": 1}), 403, "permission_denied")
        refusal(client.post(f"{API}/112H2/prose/front", json.dumps({"text": "x", "version": 1}),
                            content_type="application/json"), 405, "method_not_allowed")


# --- The prose page ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("version", [None, "", "一", "1.5", "-1", "1e3", "99999999999999999999"])
def test_a_prose_form_without_a_usable_version_says_to_reload_and_writes_nothing(secretariat_clerk: User,
                                                                                 version: str | None) -> None:
    save(secretariat_clerk)
    form = {"text": "改寫的前言"} if version is None else {"text": "改寫的前言", "version": version}
    with refusals.nothing_written(state):
        in_en = in_english(client_for(secretariat_clerk)).post("/reports/112H2/text/front/", form)
        in_zh = client_for(secretariat_clerk).post("/reports/112H2/text/front/", form)
    assert in_en.status_code == in_zh.status_code == 400
    assert in_en.context["form"].errors["version"]
    if version != "99999999999999999999":  # beyond 64 bits: the one input check's own message
        assert english(VERSION_LOST) in in_en.content.decode()
        assert english(VERSION_LOST) not in in_zh.content.decode()
    assert "改寫的前言" in in_zh.content.decode()  # the writer's text is kept in the form

