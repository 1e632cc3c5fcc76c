"""Open311 GeoReport v2: a 311 app lists services, files a petition and follows it — and sees nobody's
personal data."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from secretariat.accounts.services import api_token_create
from secretariat.cases.models import Case, CaseStatus
from secretariat.cases.services import case_open
from secretariat.cases.tests.stories import at, take
from secretariat.petitions.models import Category, Channel, Petition

pytestmark = pytest.mark.django_db

PERSON = {"first_name": "小明", "last_name": "陳", "email": "ming@example.invalid", "phone": "0912-345-678"}


@pytest.fixture
def categories(reference_data) -> dict[str, Category]:
    return {
        "streetlight": Category.objects.create(code="streetlight", name="路燈", name_en="Street lights",
                                               description="路燈不亮、閃爍", sort_order=1),
        "noise": Category.objects.create(code="noise", name="噪音", name_en="Noise", sort_order=2),
        "retired": Category.objects.create(code="retired", name="舊類別", is_active=False, sort_order=3),
    }


@pytest.fixture
def api_key(secretariat_clerk) -> str:
    """The personal token of the clerk whose account the 311 app files with."""
    return api_token_create(actor=secretariat_clerk, name="1999 app")[1]


@pytest.fixture
def app() -> Client:
    """A 311 app: no session, no CSRF cookie."""
    return Client(enforce_csrf_checks=True)


def file(app: Client, api_key: str, **fields: Any):
    data = {"api_key": api_key, "service_code": "streetlight", "lat": "25.033964", "long": "121.564468",
            "description": "信義路五段150號前路燈不亮\n已經一週，晚上很暗。", **PERSON, **fields}
    return app.post("/open311/v2/requests.json", data)


def registered(subject: str, *, clerk: Any, category: Category | None, received: str = "2025-03-03",
               **fields: Any) -> Case:
    with transaction.atomic():
        case = case_open(actor=clerk, kind_code="petition", title=subject, received_at=at(received))
        Petition.objects.create(case=case, channel="letter", subject=subject, content=subject, category=category,
                                petitioner_name="林大華", petitioner_email="hua@example.invalid", **fields)
    return case


def assert_spec_error(response, status: int) -> str:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert isinstance(body, list)
    assert body[0]["code"] == status
    assert body[0]["description"]
    return str(body[0]["description"])


def test_services_are_the_active_petition_categories(app, categories):
    response = app.get("/open311/v2/services.json")
    assert response.status_code == 200
    services = response.json()
    assert [s["service_code"] for s in services] == ["streetlight", "noise"]
    light = services[0]
    assert light["service_name"] == "路燈"
    assert light["description"] == "路燈不亮、閃爍"
    assert light["metadata"] is False
    assert light["type"] == "realtime"
    assert "Street lights" in light["keywords"]
    assert light["group"]


def test_a_311_app_files_a_petition(app, api_key, categories):
    response = file(app, api_key)
    assert response.status_code == 201
    reply = response.json()
    petition = Petition.objects.select_related("case").get()
    assert reply == [{"service_request_id": petition.case.reference, "service_notice": reply[0]["service_notice"],
                      "account_id": None}]
    assert petition.channel == Channel.OPEN311
    assert petition.category == categories["streetlight"]
    assert petition.subject == "信義路五段150號前路燈不亮"
    assert "已經一週" in petition.content
    assert petition.petitioner_name == "陳小明"
    assert petition.petitioner_key
    assert str(petition.latitude) == "25.033964"
    assert petition.case.status == CaseStatus.RECEIVED


def test_an_address_may_stand_for_the_position(app, api_key, categories):
    response = file(app, api_key, lat="", long="", address_string="臺北市信義區市府路1號")
    assert response.status_code == 201
    petition = Petition.objects.get()
    assert petition.location == "臺北市信義區市府路1號"
    assert petition.latitude is None


def test_the_filed_petition_can_be_followed_by_its_number(app, api_key, categories):
    reference = file(app, api_key).json()[0]["service_request_id"]
    response = app.get(f"/open311/v2/requests/{reference}.json")
    assert response.status_code == 200
    [request] = response.json()
    assert request["service_request_id"] == reference
    assert request["status"] == "open"
    assert request["service_code"] == "streetlight"
    assert request["description"] == "信義路五段150號前路燈不亮"
    assert request["lat"] == pytest.approx(25.033964)
    assert request["requested_datetime"].endswith("+08:00")
    assert request["agency_responsible"] is None


def test_no_personal_data_is_ever_shown(app, api_key, categories):
    reference = file(app, api_key, address_string="信義路五段150號").json()[0]["service_request_id"]
    for path in ("/open311/v2/requests.json", f"/open311/v2/requests/{reference}.json"):
        text = app.get(path).content.decode()
        assert reference in text
        for personal in ("小明", "陳小明", "ming@example.invalid", "0912-345-678", "0912345678"):
            assert personal not in text, (path, personal)


def test_a_petition_needing_secrecy_is_not_disclosed(app, categories, secretariat_clerk):
    case = registered("檢舉違建", clerk=secretariat_clerk, category=categories["noise"], is_confidential=True)
    assert_spec_error(app.get(f"/open311/v2/requests/{case.reference}.json"), 404)
    assert case.reference not in app.get("/open311/v2/requests.json?start_date=2025-03-01").content.decode()


def test_an_unknown_request_is_a_404_in_the_spec_format(app, categories):
    assert_spec_error(app.get("/open311/v2/requests/P1149999999.json"), 404)


def test_status_agency_and_notes_follow_the_case(app, categories, secretariat_clerk, agency_named):
    case = registered("路燈不亮", clerk=secretariat_clerk, category=categories["streetlight"])
    case = take(secretariat_clerk, case, "assign", on="2025-03-04", agency=agency_named("工務局"))
    [request] = app.get(f"/open311/v2/requests/{case.reference}.json").json()
    assert request["status"] == "open"
    assert request["agency_responsible"] == "臺北市政府工務局"
    assert request["expected_datetime"].startswith(str(case.due_on))
    take(secretariat_clerk, case, "decline", on="2025-03-05", reason_code="no_content")
    [request] = app.get(f"/open311/v2/requests/{case.reference}.json").json()
    assert request["status"] == "closed"
    assert request["status_notes"]
    assert request["expected_datetime"] is None


def test_requests_are_filtered_by_service_status_and_date(app, categories, secretariat_clerk, agency_named):
    light = registered("路燈不亮", clerk=secretariat_clerk, category=categories["streetlight"], received="2025-03-03")
    noise = registered("工地噪音", clerk=secretariat_clerk, category=categories["noise"], received="2025-03-05")
    old = registered("舊案路燈", clerk=secretariat_clerk, category=categories["streetlight"], received="2024-10-01")
    closed = take(secretariat_clerk, noise, "decline", on="2025-03-06", reason_code="no_content")

    def ids(query: str) -> list[str]:
        response = app.get(f"/open311/v2/requests.json?{query}")
        assert response.status_code == 200, response.content
        return [request["service_request_id"] for request in response.json()]

    window = "start_date=2025-03-01T00:00:00%2B08:00&end_date=2025-03-31"
    assert ids(window) == [noise.reference, light.reference]  # newest first
    assert ids(f"{window}&service_code=streetlight") == [light.reference]
    assert ids(f"{window}&status=closed") == [closed.reference]
    assert ids(f"{window}&status=open") == [light.reference]
    assert ids(f"{window}&status=open,closed") == [noise.reference, light.reference]
    assert ids("start_date=2024-09-20&end_date=2024-10-10") == [old.reference]
    assert ids(f"service_request_id={old.reference},{light.reference}&service_code=noise") == [
        light.reference, old.reference]


def test_by_default_only_the_last_90_days_are_listed(app, categories, secretariat_clerk):
    old = registered("舊案路燈", clerk=secretariat_clerk, category=categories["streetlight"], received="2024-10-01")
    assert old.reference not in app.get("/open311/v2/requests.json").content.decode()


def test_bad_filters_are_refused_with_a_reason(app, categories):
    assert_spec_error(app.get("/open311/v2/requests.json?start_date=2025-01-01&end_date=2025-06-30"), 400)
    assert_spec_error(app.get("/open311/v2/requests.json?start_date=yesterday"), 400)
    assert_spec_error(app.get("/open311/v2/requests.json?start_date=2025-13-01"), 400)
    assert_spec_error(app.get("/open311/v2/requests.json?start_date=2025-03-10&end_date=2025-03-01"), 400)
    assert_spec_error(app.get("/open311/v2/requests.json?status=pending"), 400)
    assert_spec_error(app.get("/open311/v2/requests.json?service_code=nosuch"), 400)


@pytest.mark.parametrize("query", [
    "start_date=9999-12-31", "start_date=0001-01-01", "start_date=0001-01-01T00:00:00%2B08:00",
    "end_date=9999-12-31", "end_date=9999-12-31T23:59:59%2B08:00", "end_date=0001-01-01",
])
def test_a_window_past_the_calendars_ends_is_400_naming_the_bounds(app, categories, query):
    # (Were 500s: a day after 9999-12-31, or 0001-01-01 in Taipei before the first moment in UTC.)
    assert "9999-12-29" in assert_spec_error(app.get(f"/open311/v2/requests.json?{query}"), 400)


@pytest.mark.parametrize("query", ["start_date=9999-12-29", "end_date=0001-01-05", "start_date=0001-01-03",
                                   "start_date=9999-12-20&end_date=9999-12-29"])
def test_a_window_at_the_calendars_ends_lists_nothing(app, categories, query):
    response = app.get(f"/open311/v2/requests.json?{query}")
    assert response.status_code == 200
    assert response.json() == []


def test_a_bad_api_key_is_refused_with_403(app, categories):
    description = assert_spec_error(file(app, "sct_not-a-real-token"), 403)
    assert "api_key" in description
    assert_spec_error(file(app, ""), 403)
    assert not Petition.objects.exists()


def test_a_key_of_someone_not_allowed_to_register_petitions_is_refused(app, categories, liaison):
    key = api_token_create(actor=liaison, name="my script")[1]
    assert_spec_error(file(app, key), 403)
    assert not Case.objects.exists()


def test_an_unknown_or_retired_service_code_is_a_400(app, api_key, categories):
    assert_spec_error(file(app, api_key, service_code="nosuch"), 400)
    assert_spec_error(file(app, api_key, service_code="retired"), 400)
    assert_spec_error(file(app, api_key, service_code=""), 400)
    assert not Petition.objects.exists()


def test_filing_needs_a_location_and_a_description(app, api_key, categories):
    assert_spec_error(file(app, api_key, lat="", long=""), 400)
    assert_spec_error(file(app, api_key, long=""), 400)
    assert_spec_error(file(app, api_key, lat="95", long="121.5"), 400)
    assert_spec_error(file(app, api_key, lat="north", long="121.5"), 400)
    assert_spec_error(file(app, api_key, description="  "), 400)
    assert_spec_error(file(app, api_key, description="長" * 4001), 400)
    assert_spec_error(file(app, api_key, email="not-an-address"), 400)
    assert not Petition.objects.exists()


def test_only_json_is_offered(app, categories):
    message = assert_spec_error(app.get("/open311/v2/services.xml"), 400)
    assert ".json" in message
    assert_spec_error(app.get("/open311/v2/requests.xml"), 400)
    assert_spec_error(app.get("/open311/v2/requests/P1140000001.xml"), 400)


def test_an_unknown_resource_is_a_404_in_the_spec_format(app):
    assert_spec_error(app.get("/open311/v2/discovery.json"), 404)
    assert_spec_error(app.get("/open311/v2/services/streetlight.json"), 404)
