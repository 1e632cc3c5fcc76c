"""Council questions over the API: the Secretariat records, agencies answer through the case steps, the
councillor reads the approved answer but never the draft, outsiders see nothing, bad input is a 4xx."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from secretariat.cases.models import Case
from secretariat.council.models import Question
from secretariat.council.tests.question_helpers import record, session

pytestmark = pytest.mark.django_db
__all__ = ["session"]
URL = "/api/v1/council/questions"


def post_json(client: Client, path: str, data: dict[str, Any]) -> Any:
    return client.post(path, json.dumps(data), content_type="application/json")


def step(client: Client, case_id: int, name: str, **data: Any) -> Any:
    version = Case.objects.get(pk=case_id).version
    return post_json(client, f"/api/v1/cases/{case_id}/steps/{name}", {"version": version, **data})


def new(session, **changes: Any) -> dict[str, Any]:
    return {"session_id": session.pk, "councillor": "王議員", "asked_on": "2023-10-03", "kind": "agency",
            "topic": "社會住宅興建進度", "content": "請說明", "agencies": ["都發局", "財政局"], **changes}


def test_the_secretariat_records_a_question(session, client_for, secretariat_clerk):
    response = post_json(client_for(secretariat_clerk), URL, new(session))
    assert response.status_code == 201
    body = response.json()
    assert body["lead_agency"] == "都發局"
    assert body["status"] == "assigned"
    assert body["draft_answer"] == ""


@pytest.mark.parametrize(("changes", "code"), [
    ({"councillor": "不存在議員"}, "unknown_councillor"),
    ({"asked_on": "2024-02-01"}, "session_closed"),
    ({"topic": ""}, "topic_required"),
    ({"kind": "speech"}, "unknown_question_kind"),
])
def test_bad_input_is_a_400_with_a_code_and_nothing_written(session, client_for, secretariat_clerk, changes, code):
    response = post_json(client_for(secretariat_clerk), URL, new(session, **changes))
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert not Question.objects.exists()


def test_an_agency_may_not_record(session, client_for, liaison):
    assert post_json(client_for(liaison), URL, new(session)).status_code == 403


def test_the_agency_drafts_and_its_head_approves_through_the_case_steps(session, client_for, secretariat_clerk,
                                                                       liaison, agency_head):
    question = record(secretariat_clerk, session=session)
    assert step(client_for(liaison), question.pk, "accept").status_code == 200
    assert step(client_for(liaison), question.pk, "answer", answer="草稿").status_code == 200
    assert step(client_for(liaison), question.pk, "approve_answer").status_code == 403
    assert step(client_for(secretariat_clerk), question.pk, "close").status_code == 400
    assert step(client_for(agency_head), question.pk, "approve_answer").status_code == 200
    assert step(client_for(secretariat_clerk), question.pk, "close").status_code == 200
    assert client_for(liaison).get(f"{URL}/{question.pk}").json()["approved_answer"] == "草稿"


def test_the_councillor_reads_their_question_without_the_draft(session, client_for, secretariat_clerk, liaison,
                                                               councillor):
    question = record(secretariat_clerk, session=session)
    question.councillor.user = councillor
    question.councillor.save()
    step(client_for(liaison), question.pk, "accept")
    step(client_for(liaison), question.pk, "answer", answer="內部草稿")
    body = client_for(councillor).get(f"{URL}/{question.pk}").json()
    assert body["draft_answer"] is None
    assert body["approved_answer"] == ""
    assert client_for(liaison).get(f"{URL}/{question.pk}").json()["draft_answer"] == "內部草稿"


def test_an_outsider_sees_no_other_agencys_question(session, client_for, secretariat_clerk, outsider):
    question = record(secretariat_clerk, session=session)
    assert client_for(outsider).get(f"{URL}/{question.pk}").status_code == 404
    assert client_for(outsider).get(URL).json() == []


def test_the_list_pages_by_id(session, client_for, secretariat_clerk):
    first = record(secretariat_clerk, session=session)
    second = record(secretariat_clerk, session=session, topic="第二題")
    client = client_for(secretariat_clerk)
    assert [item["id"] for item in client.get(URL, {"session": session.pk}).json()] == [second.pk, first.pk]
    assert [item["id"] for item in client.get(URL, {"after": second.pk}).json()] == [first.pk]


def test_the_review_items_are_scoped(session, client_for, secretariat_clerk, outsider, councillor):
    record(secretariat_clerk, session=session)
    assert len(client_for(secretariat_clerk).get("/api/v1/council/review-items").json()) == 1
    assert client_for(outsider).get("/api/v1/council/review-items").json() == []
    assert client_for(councillor).get("/api/v1/council/review-items").status_code == 404
