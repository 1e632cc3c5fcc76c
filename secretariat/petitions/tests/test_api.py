"""The petition API as an integrating system meets it: filing, scoped masked reads, personal-data
requests, and a 4xx JSON body with a stable code for every bad input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from secretariat.accounts.models import Agency
from secretariat.accounts.services import api_token_create
from secretariat.audit.models import PersonalDataAccess
from secretariat.cases.models import Case
from secretariat.core.models import Attachment
from secretariat.petitions.models import Channel, Petition
from secretariat.petitions.tests.intake_helpers import assign, categories, register
from tests.files import png_bytes
from tests.fixtures import client_for

pytestmark = pytest.mark.django_db
__all__ = ["categories"]

URL = "/api/v1/petitions/"
ERROR_KEYS = {"code", "message", "messages", "field", "details"}
NEW = {"subject": "捷運站出口電扶梯故障", "content": "市政府站2號出口電扶梯停用一週。", "petitioner_name": "林大同",
       "petitioner_email": "datong@example.com", "petitioner_phone": "0987654321"}


def post_json(client: Client, path: str, data, **extra):
    body = data if isinstance(data, str) else json.dumps(data)
    return client.post(path, body, content_type="application/json", **extra)


def bearer(user) -> dict[str, str]:
    _token, raw = api_token_create(actor=user, name="1999 hotline")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def error_of(response) -> dict[str, Any]:
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) >= ERROR_KEYS
    return body


# --- Filing ------------------------------------------------------------------------------------------

def test_an_integration_files_a_petition_with_a_token(secretariat_clerk, categories):
    response = post_json(Client(), URL, {**NEW, "category": "traffic"}, **bearer(secretariat_clerk))
    assert response.status_code == 201
    body = response.json()
    petition = Petition.objects.get(pk=body["case_id"])
    assert body["reference"] == petition.case.reference
    assert len(body["case_password"]) == 10
    assert petition.channel == Channel.API
    assert petition.category is not None
    assert petition.category.code == "traffic"


def test_a_liaison_may_not_file_petitions(liaison):
    response = post_json(client_for(liaison), URL, NEW)
    assert response.status_code == 403
    assert error_of(response)["code"] == "permission_denied"
    assert not Case.objects.exists()


def test_an_anonymous_caller_is_asked_to_authenticate(reference_data):
    response = post_json(Client(), URL, NEW)
    assert response.status_code == 401
    assert error_of(response)["code"] == "not_authenticated"


def test_a_missing_subject_is_a_400_naming_the_field(secretariat_clerk):
    response = post_json(client_for(secretariat_clerk), URL, {**NEW, "subject": ""})
    assert response.status_code == 400
    body = error_of(response)
    assert (body["code"], body["field"]) == ("required", "subject")
    assert set(body["messages"]) == {"zh-hant", "en"}


def test_an_over_long_content_is_a_400(secretariat_clerk):
    response = post_json(client_for(secretariat_clerk), URL, {**NEW, "content": "字" * 20001})
    assert error_of(response)["code"] == "too_long"


def test_an_unknown_field_is_a_422(secretariat_clerk):
    response = post_json(client_for(secretariat_clerk), URL, {**NEW, "priority": "urgent"})
    assert response.status_code == 422
    assert error_of(response)["code"] == "invalid_input"


def test_broken_json_is_a_4xx_with_a_code(secretariat_clerk):
    response = post_json(client_for(secretariat_clerk), URL, "{not json")
    assert 400 <= response.status_code < 500
    assert error_of(response)["code"]


def test_an_unknown_category_is_refused(secretariat_clerk, categories):
    response = post_json(client_for(secretariat_clerk), URL, {**NEW, "category": "weather"})
    body = error_of(response)
    assert (response.status_code, body["code"], body["field"]) == (400, "unknown_category", "category")


def test_a_collective_petition_of_one_is_refused(secretariat_clerk):
    response = post_json(client_for(secretariat_clerk), URL, {**NEW, "is_collective": True, "people_count": 1})
    assert error_of(response)["code"] == "collective_needs_people"
    assert not Case.objects.exists()


def test_files_uploaded_first_are_attached(secretariat_clerk):
    client = client_for(secretariat_clerk)
    upload = client.post("/api/v1/attachments", {"file": SimpleUploadedFile("photo.png", png_bytes())})
    assert upload.status_code == 201
    response = post_json(client, URL, {**NEW, "attachment_ids": [upload.json()["id"]]})
    assert response.status_code == 201
    attachment = Attachment.objects.get()
    assert (attachment.owner_type, attachment.owner_id) == ("petition", str(response.json()["case_id"]))


def test_someone_elses_file_cannot_be_attached(secretariat_clerk, secretariat_admin):
    upload = client_for(secretariat_admin).post("/api/v1/attachments",
                                                {"file": SimpleUploadedFile("photo.png", png_bytes())})
    response = post_json(client_for(secretariat_clerk), URL, {**NEW, "attachment_ids": [upload.json()["id"]]})
    assert error_of(response)["code"] == "attachment_not_yours"
    assert not Case.objects.exists()
    assert Attachment.objects.get().owner_type == ""


# --- Reading ------------------------------------------------------------------------------------------

@pytest.fixture
def three(secretariat_clerk):
    """Three petitions: two assigned to 交通局, one to 衛生局."""
    petitions = [register(secretariat_clerk, subject=f"陳情{number}").petition for number in range(3)]
    assign(petitions[0], secretariat_clerk)
    assign(petitions[1], secretariat_clerk)
    assign(petitions[2], secretariat_clerk, "衛生局")
    return petitions


def test_the_list_is_scoped_to_the_agency_and_masked(three, liaison):
    body = client_for(liaison).get(URL).json()
    assert {item["case_id"] for item in body["items"]} == {three[0].pk, three[1].pk}
    assert all(item["petitioner"]["name"] == "王○明" for item in body["items"])
    assert "王小明" not in json.dumps(body, ensure_ascii=False)


def test_the_list_pages_by_keyset(three, secretariat_clerk):
    client = client_for(secretariat_clerk)
    first = client.get(URL, {"limit": 2}).json()
    assert [item["case_id"] for item in first["items"]] == [three[2].pk, three[1].pk]
    second = client.get(URL, {"limit": 2, "after": first["next_after"]}).json()
    assert [item["case_id"] for item in second["items"]] == [three[0].pk]
    assert second["next_after"] is None


def test_a_councillor_gets_an_empty_list(three, councillor):
    assert client_for(councillor).get(URL).json()["items"] == []


def test_an_unknown_status_filter_is_a_400(three, secretariat_clerk):
    response = client_for(secretariat_clerk).get(URL, {"status": "lost"})
    assert error_of(response)["code"] == "unknown_status"


def test_the_detail_is_masked_and_an_outsider_gets_404(three, liaison, outsider):
    body = client_for(liaison).get(f"{URL}{three[0].pk}").json()
    assert body["petitioner"] == {"name": "王○明", "email": "x***@example.com", "phone": "0912-***-678",
                                  "address": "臺北市信義區"}
    assert body["lead_agency"] == "交通局"
    response = client_for(outsider).get(f"{URL}{three[0].pk}")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_a_petition_needing_secrecy_is_not_listed_for_a_co_agency(secretariat_clerk, outsider):
    petition = register(secretariat_clerk, is_confidential=True).petition
    assign(petition, secretariat_clerk, co_agencies=[Agency.objects.get(short_name="衛生局")])
    assert client_for(outsider).get(URL).json()["items"] == []
    assert client_for(outsider).get(f"{URL}{petition.pk}").status_code == 404


# --- Personal-data requests --------------------------------------------------------------------------

def test_ask_approve_and_read_the_personal_data_over_the_api(three, liaison, agency_head):
    asked = post_json(client_for(liaison), f"{URL}{three[0].pk}/disclosures", {"reason": "回電確認地點"})
    assert asked.status_code == 201
    request_id = asked.json()["id"]
    assert client_for(liaison).get(f"{URL}{three[0].pk}/personal-data").status_code == 403
    waiting = client_for(agency_head).get("/api/v1/disclosures").json()
    assert [row["id"] for row in waiting] == [request_id]
    decided = post_json(client_for(agency_head), f"/api/v1/disclosures/{request_id}/decision", {"approve": True})
    assert decided.status_code == 200
    assert decided.json()["status"] == "approved"
    shown = client_for(liaison).get(f"{URL}{three[0].pk}/personal-data")
    assert shown.json()["name"] == "王小明"
    assert PersonalDataAccess.objects.get().approved_by == agency_head


def test_a_request_without_a_reason_is_a_400(three, liaison):
    response = post_json(client_for(liaison), f"{URL}{three[0].pk}/disclosures", {"reason": ""})
    assert error_of(response)["code"] == "reason_required"


def test_deciding_twice_is_a_409(three, liaison, agency_head):
    request_id = post_json(client_for(liaison), f"{URL}{three[0].pk}/disclosures", {"reason": "回電"}).json()["id"]
    post_json(client_for(agency_head), f"/api/v1/disclosures/{request_id}/decision", {"approve": True})
    again = post_json(client_for(agency_head), f"/api/v1/disclosures/{request_id}/decision", {"approve": False,
                                                                                           "note": "改變主意"})
    assert again.status_code == 409
    assert error_of(again)["code"] == "disclosure_decided"


def test_an_outsider_cannot_decide_or_even_find_the_request(three, liaison, outsider):
    request_id = post_json(client_for(liaison), f"{URL}{three[0].pk}/disclosures", {"reason": "回電"}).json()["id"]
    response = post_json(client_for(outsider), f"/api/v1/disclosures/{request_id}/decision", {"approve": True})
    assert response.status_code == 404


def test_the_auditor_reads_masked_data_and_cannot_ask(three, auditor):
    assert client_for(auditor).get(f"{URL}{three[0].pk}").json()["petitioner"]["name"] == "王○明"
    response = post_json(client_for(auditor), f"{URL}{three[0].pk}/disclosures", {"reason": "稽核"})
    assert response.status_code == 403
    assert client_for(auditor).get(f"{URL}{three[0].pk}/personal-data").status_code == 403
    assert not PersonalDataAccess.objects.exists()
