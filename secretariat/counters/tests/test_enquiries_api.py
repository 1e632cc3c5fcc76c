"""The counter over JSON: tally, undo, today's counts, the statistics tables, petition help and the
categories — with the same refusals as the pages, as 4xx bodies with a stable code."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from secretariat.accounts.models import User
from secretariat.counters.models import Enquiry, EnquiryCategory, PetitionHelp
from secretariat.counters.tests.enquiry_helpers import (
    SUNDAY,
    WORKING_DAY,
    at,
    categories,
    clock,
    counter_clerk,
    on_working_day,
)

__all__ = ["categories", "clock", "counter_clerk", "on_working_day"]
pytestmark = pytest.mark.django_db
BASE = "/api/v1/counters"


def post(client: Client, path: str, data: dict[str, Any]) -> Any:
    return client.post(f"{BASE}{path}", json.dumps(data), content_type="application/json")


def test_a_clerk_tallies_reads_the_counts_and_undoes(client_for: Callable[..., Client], counter_clerk: User,
                                                     categories: dict[str, EnquiryCategory],
                                                     on_working_day: dt.date) -> None:
    client = client_for(counter_clerk)
    first = post(client, "/enquiries", {"category_code": "civil"})
    assert first.status_code == 201, first.content
    second = post(client, "/enquiries", {"category_id": categories["transport"].pk, "channel": "phone", "note": "公車"})
    assert second.json()["category"] == "交通"
    assert second.json()["channel"] == "phone"
    today = client.get(f"{BASE}/enquiries/today").json()
    assert today["day"] == WORKING_DAY.isoformat()
    assert today["open"] is True
    assert (today["today_total"], today["month_total"]) == (2, 2)
    stale = post(client, "/enquiries/undo", {"enquiry_id": first.json()["id"]})
    assert stale.status_code == 409
    assert stale.json()["code"] == "not_last_entry"
    undone = post(client, "/enquiries/undo", {"enquiry_id": second.json()["id"]})
    assert undone.status_code == 200
    assert undone.json()["undone"] is True
    assert client.get(f"{BASE}/enquiries/today").json()["today_total"] == 1


def test_refusals_are_clear_4xx_with_nothing_written(client_for: Callable[..., Client], counter_clerk: User,
                                                     categories: dict[str, EnquiryCategory],
                                                     clock: Callable[[dt.datetime], None]) -> None:
    client = client_for(counter_clerk)
    clock(at(SUNDAY))
    closed = post(client, "/enquiries", {"category_code": "civil"})
    assert closed.status_code == 400
    assert closed.json()["code"] == "counter_closed"
    clock(at(WORKING_DAY))
    unknown = post(client, "/enquiries", {"category_code": "weather"})
    assert unknown.status_code == 400
    assert unknown.json()["code"] == "unknown_category"
    assert post(client, "/enquiries", {"category_code": "civil", "channel": "fax"}).status_code == 422
    nothing = post(client, "/enquiries/undo", {})
    assert nothing.status_code == 404
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize("persona", ["liaison", "outsider", "councillor"])
def test_agency_staff_and_councillors_get_nothing(client_for: Callable[..., Client], persona: str,
                                                  categories: dict[str, EnquiryCategory], on_working_day: dt.date,
                                                  request: pytest.FixtureRequest) -> None:
    client = client_for(request.getfixturevalue(persona))
    assert post(client, "/enquiries", {"category_code": "civil"}).status_code == 403
    assert client.get(f"{BASE}/enquiries/today").status_code == 403
    assert client.get(f"{BASE}/enquiries/statistics").status_code == 403
    assert client.get(f"{BASE}/petition-help").status_code == 403
    assert client_for(None).get(f"{BASE}/enquiries/today").status_code == 401


def test_the_auditor_reads_but_does_not_tally(client_for: Callable[..., Client], auditor: User,
                                              categories: dict[str, EnquiryCategory], on_working_day: dt.date) -> None:
    client = client_for(auditor)
    assert client.get(f"{BASE}/enquiries/statistics?period=112H2").status_code == 200
    assert post(client, "/enquiries", {"category_code": "civil"}).status_code == 403


def test_statistics_for_a_half_year_or_a_month_range(client_for: Callable[..., Client], counter_clerk: User,
                                                     categories: dict[str, EnquiryCategory],
                                                     on_working_day: dt.date) -> None:
    client = client_for(counter_clerk)
    post(client, "/enquiries", {"category_code": "civil"})
    body = client.get(f"{BASE}/enquiries/statistics?period=112H2").json()
    assert body["label"] == "112年下半年"
    enquiries, helped = body["tables"]
    assert enquiries["months"][3] == "112年10月"
    assert enquiries["summary"]["cells"][3] == 1
    assert enquiries["rows"][0]["key"] == "civil"
    assert enquiries["rows"][0]["total"] == 1
    assert helped["key"] == "petition_help"
    assert helped["summary"]["total"] == 0
    ranged = client.get(f"{BASE}/enquiries/statistics?from=112/10&to=113/01").json()
    assert ranged["label"] == "112年10月至113年1月"
    assert len(ranged["tables"][0]["months"]) == 4
    bad = client.get(f"{BASE}/enquiries/statistics?from=112/13&to=113/01")
    assert bad.status_code == 400
    assert bad.json()["code"] == "invalid_month"


def test_petition_help_is_recorded_and_listed(client_for: Callable[..., Client], counter_clerk: User,
                                              on_working_day: dt.date) -> None:
    client = client_for(counter_clerk)
    made = post(client, "/petition-help", {"helped_on": "2023-10-02", "kind": "collective", "people_count": 6,
                                           "action_taken": "協助遞交陳情書"})
    assert made.status_code == 201
    assert made.json()["people_count"] == 6
    refused = post(client, "/petition-help", {"helped_on": "2023-10-02", "kind": "collective", "people_count": 1,
                                              "action_taken": "協助"})
    assert refused.status_code == 400
    assert refused.json()["field"] == "people_count"
    post(client, "/petition-help", {"helped_on": "2023-10-03", "kind": "individual", "action_taken": "說明管道"})
    rows = client.get(f"{BASE}/petition-help?limit=1").json()
    assert [row["kind"] for row in rows] == ["individual"]
    older = client.get(f"{BASE}/petition-help?before={rows[0]['id']}").json()
    assert [row["kind"] for row in older] == ["collective"]
    assert PetitionHelp.objects.count() == 2


def test_the_categories_and_their_keys(client_for: Callable[..., Client], counter_clerk: User,
                                       categories: dict[str, EnquiryCategory]) -> None:
    rows = client_for(counter_clerk).get(f"{BASE}/enquiry-categories").json()
    assert [(row["name"], row["hotkey"]) for row in rows][:2] == [("民政", "1"), ("財政建設", "2")]
