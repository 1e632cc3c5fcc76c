"""The data-request API: filing, scoped reads, parts, metrics and the steps through the cases API."""

from __future__ import annotations

import json

import pytest

from secretariat.council.tests.request_helpers import file, make_councillor, reload, step

pytestmark = pytest.mark.django_db
URL = "/api/v1/council/data-requests"


@pytest.fixture
def cheng(councillor):
    return make_councillor("鄭議員", councillor)


def post(client, path, data):
    return client.post(path, json.dumps(data), content_type="application/json")


def test_a_councillor_files_through_the_api(client_for, councillor, cheng):
    response = post(client_for(councillor), URL, {"subject": "公車資料", "content": "請提供資料", "urgency": "quick"})
    assert response.status_code == 201
    body = response.json()
    assert body["councillor_id"] == cheng.pk
    assert body["urgency"] == "quick"
    assert body["due_on"]
    assert body["answer"] is None
    assert body["released_at"] is None


def test_a_too_short_deadline_is_a_clear_400(client_for, councillor, cheng):
    response = post(client_for(councillor), URL, {"content": "請提供資料", "urgency": "urgent"})
    assert response.status_code == 400
    assert response.json()["code"] == "too_short"


def test_an_unknown_urgency_is_refused(client_for, councillor, cheng):
    assert post(client_for(councillor), URL, {"content": "請提供資料", "urgency": "whenever"}).status_code == 422


def test_another_councillors_request_is_404(client_for, councillor, cheng):
    other = make_councillor("李議員", username="lee")
    theirs = file(other.user, other)
    assert client_for(councillor).get(f"{URL}/{theirs.pk}").status_code == 404
    assert [row["case_id"] for row in client_for(councillor).get(URL).json()] == []


def test_filing_for_another_councillor_is_refused(client_for, councillor, cheng):
    other = make_councillor("李議員", username="lee")
    response = post(client_for(councillor), URL, {"councillor_id": other.pk, "content": "請提供資料"})
    assert response.status_code == 403


def test_release_through_the_cases_api_needs_the_senior_reviewer(client_for, councillor, cheng, secretariat_admin,
                                                                 liaison, agency_head, agency_named):
    item = file(councillor, cheng)
    step(secretariat_admin, item, "assign", agency=agency_named("交通局").pk)
    step(liaison, item, "answer", answer="資料如附件")
    steps, version = f"/api/v1/cases/{item.pk}/steps/close", reload(item).case.version
    assert post(client_for(liaison), steps, {"version": version}).status_code == 403
    assert post(client_for(agency_head), steps, {"version": version}).status_code == 200
    body = client_for(councillor).get(f"{URL}/{item.pk}").json()
    assert body["answer"] == "資料如附件"
    assert body["released_at"]


def test_a_contributor_submits_a_part(client_for, councillor, cheng, secretariat_admin, liaison, agency_named):
    item = file(councillor, cheng)
    step(secretariat_admin, item, "assign", agency=agency_named("秘書處").pk, co_agencies=[agency_named("交通局").pk])
    response = post(client_for(liaison), f"{URL}/{item.pk}/parts", {"text": "交通局部分"})
    assert response.status_code == 201
    assert response.json()["agency"] == "交通局"
    parts = client_for(secretariat_admin).get(f"{URL}/{item.pk}").json()["parts"]
    assert [part["text"] for part in parts] == ["交通局部分"]


def test_metrics_for_staff_only(client_for, councillor, cheng, secretariat_admin, agency_named):
    item = file(councillor, cheng)
    step(secretariat_admin, item, "assign", agency=agency_named("交通局").pk)
    rows = client_for(secretariat_admin).get(f"{URL}/metrics", {"period": "114H1"}).json()
    assert rows == [{"agency": "交通局", "requests": 1, "released": 0, "on_time": 0, "reopened": 0,
                     "average_days": None}]
    assert client_for(councillor).get(f"{URL}/metrics").status_code == 404
