"""/api/v1/cases/ as a program meets it: the scoped list, one case, and steps with their refusals."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from secretariat.accounts.services import api_token_create
from secretariat.cases.models import Case, CaseStatus
from secretariat.cases.tests.stories import agency, take

pytestmark = pytest.mark.django_db

API = "/api/v1/cases/"


def post_json(client: Client, path: str, data) -> object:
    return client.post(path, json.dumps(data), content_type="application/json")


def step(client: Client, case: Case, name: str, **data):
    return post_json(client, f"{API}{case.pk}/steps/{name}", data)


@pytest.fixture
def cases(assigned_petition, register_petition, frozen_today):
    frozen_today("2023-07-03")
    return {
        "overdue": assigned_petition(assigned="2023-06-12", title="人行道破損"),
        "soon": assigned_petition(assigned="2023-06-21", title="路燈不亮"),
        "health": assigned_petition("衛生局", assigned="2023-06-21", title="餐廳衛生"),
        "new": register_petition("尚未分案", received="2023-07-03"),
    }


def test_the_list_is_scoped_to_the_callers_agency(cases, liaison, client_for):
    body = client_for(liaison).get(API).json()

    assert [item["reference"] for item in body["items"]] == [cases["overdue"].reference, cases["soon"].reference]
    assert body["next_cursor"] is None


def test_list_rows_carry_roc_dates_and_the_due_state(cases, liaison, client_for):
    first = client_for(liaison).get(API).json()["items"][0]

    assert first["due_on"] == "2023-06-19"
    assert first["due_roc"] == "112/06/19"
    assert first["due_state"] == "overdue"
    assert first["lead_agency"]["short_name"] == "交通局"
    assert first["version"] == 2


def test_the_list_takes_the_inbox_filters(cases, secretariat_clerk, client_for):
    api = client_for(secretariat_clerk)

    assert [i["reference"] for i in api.get(API, {"due": "overdue"}).json()["items"]] == [cases["overdue"].reference]
    assert [i["reference"] for i in api.get(API, {"status": "received"}).json()["items"]] == [cases["new"].reference]
    assert [i["reference"] for i in api.get(API, {"agency_id": agency("衛生局").pk}).json()["items"]] == [
        cases["health"].reference]


def test_the_cursor_walks_every_case_once(cases, secretariat_clerk, client_for):
    api, seen, cursor = client_for(secretariat_clerk), [], ""
    for _page in range(5):
        body = api.get(API, {"limit": 1, "cursor": cursor}).json()
        seen += [item["reference"] for item in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break

    assert sorted(seen) == sorted(case.reference for case in cases.values())
    assert seen[0] == cases["new"].reference  # not yet routed: first


@pytest.mark.parametrize(("query", "code"), [
    ({"status": "lost"}, "unknown_status"),
    ({"due": "someday"}, "invalid_due"),
    ({"cursor": "garbage.x"}, "invalid_cursor"),
])
def test_bad_list_parameters_are_refused_with_a_code(cases, liaison, client_for, query, code):
    response = client_for(liaison).get(API, query)

    assert response.status_code == 400
    assert response.json()["code"] == code


def test_one_case_comes_with_its_timeline_and_the_callers_steps(cases, liaison, client_for):
    body = client_for(liaison).get(f"{API}{cases['soon'].pk}").json()

    assert [event["action"] for event in body["timeline"]] == ["open", "assign"]
    assert body["timeline"][1]["occurred_roc"] == "112/06/21"
    assert body["timeline"][1]["to_status"] == "assigned"
    assert [s["name"] for s in body["steps"]] == ["accept", "return", "request_extension", "answer", "decline"]
    assert next(s for s in body["steps"] if s["name"] == "request_extension")["requires"] == ["reason", "until"]


def test_a_case_of_another_agency_is_not_found(cases, outsider, client_for):
    response = client_for(outsider).get(f"{API}{cases['soon'].pk}")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_step_returns_the_updated_case(cases, liaison, client_for):
    case = cases["soon"]

    response = step(client_for(liaison), case, "answer", version=case.version, answer="已修復。")

    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["version"], body["outcome"]) == ("answered", case.version + 1, "on_time")
    assert body["timeline"][-1]["action"] == "answer"


def test_a_stale_version_is_a_conflict(cases, liaison, agency_head, client_for):
    case = cases["soon"]
    take(agency_head, case, "accept")

    response = step(client_for(liaison), case, "answer", version=case.version, answer="已修復。")

    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert Case.objects.get(pk=case.pk).status == CaseStatus.IN_PROGRESS


def test_a_step_not_allowed_now_is_a_400_with_its_code(cases, secretariat_clerk, client_for):
    case = cases["soon"]

    response = step(client_for(secretariat_clerk), case, "close", version=case.version)

    assert response.status_code == 400
    assert response.json()["code"] == "transition_not_allowed"


def test_the_auditor_is_refused_a_step_with_403(cases, auditor, client_for):
    case = cases["soon"]

    response = step(client_for(auditor), case, "answer", version=case.version, answer="稽核意見")

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_an_outsider_cannot_even_learn_the_case_exists_by_stepping(cases, outsider, client_for):
    response = step(client_for(outsider), cases["soon"], "answer", version=2, answer="x")

    assert response.status_code == 404


@pytest.mark.parametrize(("data", "code", "field"), [
    ({"agency": 999_999}, "unknown_agency", "agency"),
    ({}, "missing_fields", "agency"),
    ({"agency": None, "note": "x"}, "missing_fields", "agency"),
])
def test_assigning_with_a_bad_agency_says_which_field(cases, secretariat_clerk, client_for, data, code, field):
    case = cases["new"]

    response = step(client_for(secretariat_clerk), case, "assign", version=case.version, **data)

    assert response.status_code == 400
    assert (response.json()["code"], response.json()["field"]) == (code, field)
    assert Case.objects.get(pk=case.pk).status == CaseStatus.RECEIVED


def test_assigning_with_co_agencies_by_id(cases, secretariat_clerk, client_for):
    case = cases["new"]

    body = step(client_for(secretariat_clerk), case, "assign", version=case.version, agency=agency("工務局").pk,
                co_agencies=[agency("交通局").pk]).json()

    assert body["lead_agency"]["short_name"] == "工務局"
    assert [a["short_name"] for a in body["co_agencies"]] == ["交通局"]


def test_a_value_the_api_does_not_know_is_refused(cases, secretariat_clerk, client_for):
    case = cases["new"]

    response = step(client_for(secretariat_clerk), case, "assign", version=case.version, agency_name="交通局")

    assert response.status_code == 422


def test_returning_through_the_api_still_tells_how_it_ended(cases, liaison, client_for):
    case = cases["soon"]

    response = step(client_for(liaison), case, "return", version=case.version, reason="非本局權責")

    assert response.status_code == 200
    assert response.json()["status"] == "returned"
    assert response.json()["steps"] == []


def test_a_program_with_a_personal_token_uses_the_same_rules(cases, liaison):
    _token, raw = api_token_create(actor=liaison, name="統計程式")
    program = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")

    assert program.get(f"{API}{cases['health'].pk}").status_code == 404
    assert program.get(f"{API}{cases['soon'].pk}").status_code == 200


def test_the_api_is_documented(client_for, liaison):
    paths = client_for(liaison).get("/api/v1/openapi.json").json()["paths"]

    assert {"/api/v1/cases/", "/api/v1/cases/{case_id}", "/api/v1/cases/{case_id}/steps/{name}"} <= set(paths)


# --- The work queue over the API ---------------------------------------------------------------------------

def test_the_list_takes_a_tab_and_an_order(cases, secretariat_clerk, client_for):
    body = client_for(secretariat_clerk).get(API, {"tab": "route", "sort": "-reference"}).json()

    assert [item["reference"] for item in body["items"]] == [cases["new"].reference]
    assert body["sort"] == "-reference"


def test_the_tabs_come_with_their_counts(cases, secretariat_clerk, client_for):
    tabs = {tab["code"]: tab["count"] for tab in client_for(secretariat_clerk).get(f"{API}tabs").json()}

    assert tabs["route"] == 1
    assert tabs[""] == len(cases)


@pytest.mark.parametrize(("query", "code"), [
    ({"sort": "title"}, "unknown_sort"),
    ({"tab": "route"}, "unknown_tab"),  # a liaison does not route
    ({"due_from": "2023-07-03", "due_to": "2023-07-01"}, "invalid_due_range"),
])
def test_bad_queue_parameters_are_refused_by_name(cases, liaison, client_for, query, code):
    response = client_for(liaison).get(API, query)

    assert response.status_code == 400
    assert response.json()["code"] == code


def test_bulk_assign_reports_each_refusal(cases, secretariat_clerk, client_for, agency_named):
    response = client_for(secretariat_clerk).post(f"{API}bulk-assign", {
        "ids": [cases["new"].pk, cases["soon"].pk], "agency": agency_named("交通局").pk,
    }, content_type="application/json")

    body = response.json()
    assert response.status_code == 200
    assert [item["reference"] for item in body["assigned"]] == [cases["new"].reference]
    assert [(item["reference"], item["code"]) for item in body["refused"]] == [
        (cases["soon"].reference, "transition_not_allowed")]


@pytest.mark.parametrize("payload", [{"ids": [], "agency": 1}, {"ids": ["x"], "agency": 1}, {"agency": 1}])
def test_bulk_assign_with_bad_ids_is_a_4xx_with_a_message(cases, secretariat_clerk, client_for, payload):
    response = client_for(secretariat_clerk).post(f"{API}bulk-assign", payload, content_type="application/json")

    assert 400 <= response.status_code < 500
    assert response.json().get("message") or response.json().get("detail")


@pytest.mark.parametrize("key", ["x-extra", "²", "-1", "1" * 30])
def test_bulk_assign_refuses_versions_not_keyed_by_case_ids(cases, secretariat_clerk, client_for, agency_named, key):
    response = client_for(secretariat_clerk).post(f"{API}bulk-assign", {
        "ids": [cases["new"].pk], "agency": agency_named("交通局").pk, "versions": {key: 1},
    }, content_type="application/json")

    assert (response.status_code, response.json()["code"]) == (400, "invalid_versions")
    cases["new"].refresh_from_db()
    assert cases["new"].status == "received"  # nothing assigned


def test_a_liaison_may_not_bulk_assign(cases, liaison, client_for, agency_named):
    response = client_for(liaison).post(f"{API}bulk-assign", {"ids": [cases["new"].pk],
                                                               "agency": agency_named("交通局").pk},
                                        content_type="application/json")

    assert response.status_code == 403
