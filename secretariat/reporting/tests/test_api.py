"""/api/v1/reports/: the report with provenance, its prose (version-checked writes) and downloads."""

import json

import pytest

from secretariat.reporting.models import ReportProse
from tests.fixtures import client_for

API = "/api/v1/reports"


def put(client, path, body):
    return client.put(path, data=json.dumps(body), content_type="application/json")


def test_the_report_comes_with_the_provenance_of_every_figure(secretariat_clerk, counters_registered):
    data = client_for(secretariat_clerk).get(f"{API}/112H2").json()

    assert data["title"] == "臺北市政府秘書處工作報告"
    counters = data["sections"][1]["children"][5]["children"][0]
    assert counters["blocks"][0]["figures"][0]["query"] == "counter enquiries received in the period"
    assert counters["blocks"][1]["record_count"] == 340
    assert ["壹", "一", "一"] in [item["outline"] for item in data["coverage"]["not_recorded"]]


@pytest.mark.parametrize("code", ["112H3", "abc"])
def test_a_bad_period_is_a_400_with_the_reason(secretariat_clerk, code):
    response = client_for(secretariat_clerk).get(f"{API}/{code}")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid_period"


def test_agency_people_get_not_found(liaison):
    assert client_for(liaison).get(f"{API}/112H2").status_code == 404


def test_prose_is_written_with_the_version_it_was_read_at(secretariat_clerk, secretariat_admin):
    clerk, admin = client_for(secretariat_clerk), client_for(secretariat_admin)
    first = clerk.get(f"{API}/112H2/prose/front").json()
    assert first["version"] == 0
    assert first["text"] == ""

    saved = put(clerk, f"{API}/112H2/prose/front", {"text": "各位議員：", "version": 0})
    assert saved.status_code == 200
    assert saved.json()["version"] == 1

    stale = put(admin, f"{API}/112H2/prose/front", {"text": "另一版", "version": 0})
    assert stale.status_code == 409
    assert stale.json()["code"] == "conflict"
    assert ReportProse.objects.get().text == "各位議員："
    assert [item["place"] for item in clerk.get(f"{API}/112H2/prose").json()][:2] == ["front", "outlook-1"]


def test_the_auditor_reads_the_prose_but_may_not_write_it(auditor):
    client = client_for(auditor)

    assert client.get(f"{API}/112H2/prose").status_code == 200
    assert put(client, f"{API}/112H2/prose/front", {"text": "x", "version": 0}).status_code == 403


def test_an_unknown_prose_place_is_not_found(secretariat_clerk):
    assert client_for(secretariat_clerk).get(f"{API}/112H2/prose/preface").status_code == 404


def test_empty_text_is_a_400_on_the_text_field(secretariat_clerk):
    response = put(client_for(secretariat_clerk), f"{API}/112H2/prose/closing", {"text": " ", "version": 0})

    assert response.status_code == 400
    assert response.json()["field"] == "text"


def test_downloads_and_comparison(secretariat_clerk, counters_registered):
    client = client_for(secretariat_clerk)

    odt = client.get(f"{API}/112H2/download/odt")
    assert odt.status_code == 200
    assert odt.content.startswith(b"PK")
    assert client.get(f"{API}/112H2/download/rtf").status_code == 400
    changes = client.get(f"{API}/112H2/compare").json()
    enquiries = next(item for item in changes if item["label"] == "綜合諮詢件數")
    assert enquiries == {"place": "壹、六、（一）綜合諮詢服務", "label": "綜合諮詢件數", "current": "340",
                         "previous": "240", "difference": "100", "percent": "+41.6%"}
