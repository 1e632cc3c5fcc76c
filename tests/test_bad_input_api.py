"""Bad input to the JSON API is a 4xx with the one error body, on SQLite and PostgreSQL alike: numbers beyond
64 bits in path ids, query parameters and bodies; NUL characters and lone surrogates in text; a date past the
calendar's end; fields an endpoint does not know; a method an address does not accept; a body over the limit.
(Issue 11; decision 0011.)"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client, override_settings

from secretariat.accounts.models import User
from secretariat.core.input_safety import NOT_UNICODE, NUL_CHARACTER, NUMBER_TOO_LARGE
from secretariat.council.models import DataRequest
from secretariat.council.tests.request_helpers import make_councillor
from secretariat.counters.models import Booking, Enquiry, EnquiryCategory, Slot
from secretariat.counters.tests.consultation_helpers import CITIZEN, associations, legal_slot
from secretariat.counters.tests.enquiry_helpers import categories, clock, counter_clerk, on_working_day
from secretariat.media.models import OpinionItem
from secretariat.media.tests.opinion_helpers import monitor
from secretariat.petitions.models import Petition
from tests.fixtures import client_for, english, in_english

pytestmark = pytest.mark.django_db
__all__ = ["associations", "categories", "clock", "counter_clerk", "legal_slot", "monitor", "on_working_day"]

TWO_TO_63 = 2**63
TEN_TO_30 = 10**30
ERROR_KEYS = {"code", "message", "messages", "field", "details"}
PETITION = {"subject": "捷運站出口電扶梯故障", "content": "市政府站2號出口電扶梯停用一週。",
            "petitioner_name": "林大同"}


def post_json(client: Client, path: str, data: Any) -> Any:
    body = data if isinstance(data, str) else json.dumps(data)
    return client.post(path, body, content_type="application/json")


def refusal(response: Any, status: int = 422) -> dict[str, Any]:
    """The shared error body, in JSON, with the status expected."""
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) >= ERROR_KEYS
    return body


# --- Whole numbers beyond 64 bits ----------------------------------------------------------------------

@pytest.mark.parametrize("number", [TWO_TO_63, TEN_TO_30, -TWO_TO_63 - 1])
def test_a_path_id_beyond_64_bits_is_refused(secretariat_admin: User, number: int) -> None:
    body = refusal(client_for(secretariat_admin).get(f"/api/v1/council/data-requests/{number}"))
    assert (body["code"], body["field"]) == ("invalid_input", "case_id")
    assert body["messages"]["en"] == "Some of the values are missing or not valid."
    assert body["details"][0]["loc"] == ["path", "case_id"]


@pytest.mark.parametrize("number", [TWO_TO_63, TEN_TO_30])
def test_an_anonymous_query_beyond_64_bits_is_refused(reference_data: None, number: int) -> None:
    body = refusal(Client().get(f"/api/v1/media/public/releases?agency={number}"))
    assert (body["code"], body["field"]) == ("invalid_input", "agency")
    assert body["details"][0]["loc"] == ["query", "agency"]


def test_a_body_number_beyond_64_bits_is_refused_and_nothing_is_written(
        counter_clerk: User, categories: dict[str, EnquiryCategory], on_working_day: Any) -> None:
    clerk = in_english(client_for(counter_clerk))
    body = refusal(post_json(clerk, "/api/v1/counters/enquiries", {"category_id": TEN_TO_30}))
    assert (body["code"], body["field"]) == ("invalid_input", "category_id")
    assert body["details"][0]["msg"] == english(NUMBER_TOO_LARGE)
    assert not Enquiry.objects.exists()


def _integer_parameters(operation: dict[str, Any], where: str) -> list[str]:
    return [parameter["name"] for parameter in operation.get("parameters", [])
            if parameter["in"] == where and parameter.get("schema", {}).get("type") == "integer"]


def _operations_with_integer_parameters() -> list[tuple[str, str, list[str], list[str]]]:
    from config.api import api

    found = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        for method, operation in operations.items():
            in_path, in_query = _integer_parameters(operation, "path"), _integer_parameters(operation, "query")
            if in_path or in_query:
                found.append((method, path, in_path, in_query))
    return found


def test_every_integer_parameter_of_every_operation_refuses_64_bits_and_more(secretariat_admin: User) -> None:
    """The sweep behind the examples above: every operation with an integer in its path or query."""
    admin = client_for(secretariat_admin)
    operations = _operations_with_integer_parameters()
    assert len(operations) >= 20
    for method, path, in_path, in_query in operations:
        url = path
        for name in in_path:
            url = url.replace("{" + name + "}", str(TWO_TO_63))
        url = url.replace("{", "").replace("}", "")  # other path parameters: any text
        query = "&".join(f"{name}={TWO_TO_63}" for name in in_query)
        response = getattr(admin, method)(f"{url}?{query}", content_type="application/json")
        body = refusal(response)
        assert body["code"] == "invalid_input", (method, path)


# --- Text the databases cannot hold --------------------------------------------------------------------

def test_a_nul_character_in_a_petition_is_refused_everywhere(secretariat_clerk: User) -> None:
    clerk = in_english(client_for(secretariat_clerk))
    body = refusal(post_json(clerk, "/api/v1/petitions/", {**PETITION, "subject": "電扶梯\x00故障"}))
    assert (body["code"], body["field"]) == ("invalid_input", "subject")
    assert body["details"][0]["loc"] == ["body", "payload", "subject"]
    assert body["details"][0]["msg"] == english(NUL_CHARACTER)
    assert not Petition.objects.exists()  # SQLite would have stored it


def test_a_nul_character_in_a_public_booking_is_refused(legal_slot: Slot) -> None:
    body = refusal(post_json(Client(), "/api/v1/counters/consultations/bookings",
                             {"slot_id": legal_slot.pk, **CITIZEN, "name": "陳\x00小華"}))
    assert (body["code"], body["field"]) == ("invalid_input", "name")
    assert not Booking.objects.exists()


def test_a_lone_surrogate_is_refused(secretariat_clerk: User) -> None:
    raw = json.dumps(PETITION)[:-1] + ', "location": "\\ud800x"}'  # JSON may spell a lone surrogate
    body = refusal(post_json(in_english(client_for(secretariat_clerk)), "/api/v1/petitions/", raw))
    assert (body["code"], body["field"]) == ("invalid_input", "location")
    assert body["details"][0]["msg"] == english(NOT_UNICODE)
    assert not Petition.objects.exists()


# --- Dates and times no database holds ------------------------------------------------------------------

@pytest.mark.parametrize("seen_at", ["2023-09-12T09:00:00+22:33", "0001-01-01T00:00:00+08:00"])
def test_a_time_with_no_real_offset_or_no_utc_equivalent_is_refused(monitor: User, seen_at: str) -> None:
    body = refusal(post_json(client_for(monitor), "/api/v1/media/opinion/items", {
        "outlet": "北市日報", "medium": "news", "headline": "捷運板南線號誌故障", "seen_at": seen_at}))
    assert (body["code"], body["field"]) == ("invalid_input", "seen_at")
    assert not OpinionItem.objects.exists()


def test_adding_working_days_past_9999_is_a_400(secretariat_clerk: User) -> None:
    body = refusal(client_for(secretariat_clerk).get("/api/v1/calendar/add?start=9999-12-31&days=366"), 400)
    assert (body["code"], body["field"]) == ("date_out_of_range", "days")


# --- Fields an endpoint does not know ------------------------------------------------------------------

@pytest.mark.parametrize("unknown", [{"at": "2023-07-03T10:00:00+08:00"}, {"recorded_on": "2023-07-03"}])
def test_an_enquiry_with_a_field_the_api_does_not_know_is_refused(
        counter_clerk: User, categories: dict[str, EnquiryCategory], on_working_day: Any,
        unknown: dict[str, str]) -> None:
    code = next(iter(categories))
    body = refusal(post_json(client_for(counter_clerk), "/api/v1/counters/enquiries",
                             {"category_code": code, **unknown}))
    assert (body["code"], body["field"]) == ("invalid_input", next(iter(unknown)))
    assert not Enquiry.objects.exists()


def test_a_data_request_with_received_at_is_refused(secretariat_clerk: User) -> None:
    councillor = make_councillor("王議員")
    body = refusal(post_json(client_for(secretariat_clerk), "/api/v1/council/data-requests",
                             {"councillor_id": councillor.pk, "content": "請提供資料",
                              "received_at": "2023-07-03T10:00:00+08:00"}))
    assert (body["code"], body["field"]) == ("invalid_input", "received_at")
    assert not DataRequest.objects.exists()


# --- Methods and sizes ---------------------------------------------------------------------------------

def test_a_method_the_address_does_not_accept_is_a_json_405(secretariat_admin: User) -> None:
    response = client_for(secretariat_admin).delete("/api/v1/me")
    body = refusal(response, 405)
    assert body["code"] == "method_not_allowed"
    assert response["Allow"] == "GET"


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_a_body_over_the_limit_is_a_json_413(secretariat_clerk: User) -> None:
    body = refusal(post_json(client_for(secretariat_clerk), "/api/v1/petitions/",
                             {**PETITION, "content": "長" * 2000}), 413)
    assert body["code"] == "too_large"
    assert not Petition.objects.exists()
