"""The opinion API over HTTP: record, ranked pages, severity, CSV import, escalation, response, digest."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from secretariat.cases.models import CaseStatus
from secretariat.media.models.opinion import OpinionItem
from secretariat.media.services.opinion_digest import digest_send
from secretariat.media.tests.opinion_helpers import agency_id, at, record

pytestmark = pytest.mark.django_db
URL = "/api/v1/media/opinion"


def post(client, path, data):
    return client.post(path, json.dumps(data), content_type="application/json")


def item_payload(**fields):
    return {"outlet": "北市日報", "medium": "news", "headline": "捷運延誤", "seen_at": "2023-09-12T09:00:00+08:00",
            "link": "https://n.example.tw/9", "sentiment": "negative", "reach": 5000,
            "agency_ids": [agency_id("交通局")], **fields}


def test_a_monitor_records_an_item_and_a_duplicate_link_is_a_clear_409(client_for, monitor):
    client = client_for(monitor)
    created = post(client, f"{URL}/items", item_payload())
    assert created.status_code == 201
    body = created.json()
    assert body["severity"] == body["computed_score"] > 0
    assert body["agencies"] == ["交通局"]

    again = post(client, f"{URL}/items", item_payload(link="https://www.n.example.tw/9/?utm_source=line"))
    assert again.status_code == 409
    assert again.json()["code"] == "duplicate_link"
    assert f"#{body['id']}" in json.dumps(again.json(), ensure_ascii=False)


def test_a_clerk_outside_the_media_unit_may_not_record(client_for, secretariat_clerk):
    response = post(client_for(secretariat_clerk), f"{URL}/items", item_payload())
    assert response.status_code == 403


def test_the_list_is_ranked_and_paged_with_a_cursor(client_for, monitor):
    for n in range(3):
        record(monitor, f"新聞{n}", link=f"https://n.example.tw/{n}", reach=10 ** (n * 2))
    client = client_for(monitor)
    first = client.get(f"{URL}/items", {"medium": "news"}).json()
    assert [item["headline"] for item in first["items"]] == ["新聞2", "新聞1", "新聞0"]
    assert first["next_cursor"] is None
    assert client.get(f"{URL}/items", {"after": "garbage"}).status_code == 400
    assert client.get(f"{URL}/items", {"sentiment": "angry"}).status_code == 422


def test_agency_staff_read_only_their_items_and_outsiders_get_404(client_for, monitor, liaison, outsider, councillor):
    item = record(monitor)
    assert [row["id"] for row in client_for(liaison).get(f"{URL}/items").json()["items"]] == [item.pk]
    assert client_for(outsider).get(f"{URL}/items/{item.pk}").status_code == 404
    assert client_for(councillor).get(f"{URL}/items").status_code == 404


def test_severity_adjustment_needs_a_reason_and_the_current_version(client_for, monitor):
    item = record(monitor)
    client = client_for(monitor)
    assert post(client, f"{URL}/items/{item.pk}/severity", {"score": 90}).status_code == 400
    stale = post(client, f"{URL}/items/{item.pk}/severity", {"score": 90, "reason": "x", "version": 99})
    assert stale.status_code == 409
    done = post(client, f"{URL}/items/{item.pk}/severity", {"score": 90, "reason": "媒體持續追蹤", "version": 1})
    assert done.status_code == 200
    assert done.json()["severity"] == 90


def test_escalate_respond_and_the_case_closes(client_for, monitor, liaison):
    item = record(monitor)
    refused = post(client_for(monitor), f"{URL}/items/{item.pk}/escalate", {})
    assert refused.status_code == 400
    assert refused.json()["code"] == "escalation_needs_agency"

    escalated = post(client_for(monitor), f"{URL}/items/{item.pk}/escalate", {"agency_id": agency_id("交通局")})
    assert escalated.status_code == 200
    assert escalated.json()["case_status"] == CaseStatus.ASSIGNED

    answered = post(client_for(liaison), f"{URL}/items/{item.pk}/responses",
                    {"kind": "clarification", "text": "已澄清", "link": "https://www.gov.taipei/n/1"})
    assert answered.status_code == 201
    assert answered.json()["agency"] == "交通局"
    after = client_for(liaison).get(f"{URL}/items/{item.pk}").json()
    assert after["case_status"] == CaseStatus.CLOSED
    assert len(after["responses"]) == 1


def test_a_bad_csv_is_a_400_listing_the_bad_lines_and_writes_nothing(client_for, monitor):
    data = ("seen_at,outlet,medium,headline,agencies\n"
            "2023-09-12 08:00,北市日報,news,好,交通局\n"
            "2023-09-12 08:00,北市日報,paper,壞,交通局\n").encode()
    response = client_for(monitor).post(f"{URL}/import", {"file": SimpleUploadedFile("items.csv", data)})
    assert response.status_code == 400
    assert response.json()["code"] == "csv_rows_invalid"
    assert not OpinionItem.objects.exists()

    good = data.decode().splitlines()[:2]
    ok = client_for(monitor).post(f"{URL}/import", {"file": SimpleUploadedFile("items.csv", "\n".join(good).encode())})
    assert ok.status_code == 201
    assert ok.json()["created"] == 1


def test_the_digest_downloads_as_odt(client_for, monitor, liaison, councillor):
    record(monitor, seen_at=at("2023-09-12"))
    digest_send(day=at("2023-09-12").date())
    response = client_for(liaison).get(f"{URL}/digests/2023-09-12")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert client_for(councillor).get(f"{URL}/digests/2023-09-12").status_code == 404
