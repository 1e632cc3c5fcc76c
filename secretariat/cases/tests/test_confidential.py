"""Confidential cases (密不錄由) through every case route, for a kind the engine has never heard of.

The story: a memo marked confidential is routed to 交通局 with 衛生局 as co-agency. 衛生局's liaison
(`outsider`) still finds it in the inbox — it is their work too — but reads 「密件」 for its subject and no
timeline; 交通局's liaison and head and the Secretariat's staff read everything.
"""

from __future__ import annotations

import pytest
from django.core import mail

from secretariat.cases.models import Case
from secretariat.cases.selectors import (
    InboxFilter,
    case_inbox,
    case_redacted,
    case_timeline_for,
    case_title_for,
)
from secretariat.cases.tasks.reminders import reminders_send
from secretariat.cases.tests.stories import agency, take

pytestmark = pytest.mark.django_db

SUBJECT = "檢舉某主管收受廠商招待"
API = "/api/v1/cases/"


@pytest.fixture
def secret(memo_kind, secretariat_clerk) -> Case:
    from secretariat.cases.services import case_open
    from secretariat.cases.tests.stories import NOTE_KIND, at

    case = case_open(actor=secretariat_clerk, kind_code=NOTE_KIND, title=SUBJECT, received_at=at("2023-06-20"),
                     confidential=True)
    return take(secretariat_clerk, case, "assign", on="2023-06-21", agency=agency("交通局"),
                co_agencies=[agency("衛生局")], note="請交通局主辦")


def test_the_co_agency_finds_the_case_in_its_inbox_but_reads_confidential(secret, outsider, client_for):
    body = client_for(outsider).get("/cases/").content.decode()

    assert secret.reference in body
    assert "密件" in body
    assert SUBJECT not in body


def test_the_co_agency_reads_confidential_and_no_timeline_on_the_case_page(secret, outsider, client_for):
    response = client_for(outsider).get(f"/cases/{secret.pk}/")
    body = response.content.decode()

    assert response.status_code == 200
    assert "密件" in body
    assert SUBJECT not in body
    assert "林書記" not in body  # who registered and assigned it: the timeline's staff names
    assert "請交通局主辦" not in body


def test_the_co_agency_reads_confidential_in_the_api_list(secret, outsider, client_for):
    items = client_for(outsider).get(API).json()["items"]

    assert [item["reference"] for item in items] == [secret.reference]
    assert "密件" in items[0]["title"]
    assert items[0]["redacted"] is True


def test_the_co_agency_gets_no_timeline_from_the_api(secret, outsider, client_for):
    response = client_for(outsider).get(f"{API}{secret.pk}")
    body = response.json()

    assert response.status_code == 200
    assert SUBJECT not in response.content.decode()
    assert "林書記" not in response.content.decode()
    assert body["timeline"] == []
    assert body["redacted"] is True


@pytest.mark.parametrize("persona", ["liaison", "agency_head", "secretariat_clerk", "secretariat_admin"])
def test_the_lead_agency_and_the_secretariat_read_everything(secret, persona, request, client_for):
    user = request.getfixturevalue(persona)
    page = client_for(user).get(f"/cases/{secret.pk}/").content.decode()
    detail = client_for(user).get(f"{API}{secret.pk}").json()

    assert SUBJECT in page
    assert "林書記" in page
    assert detail["title"] == SUBJECT
    assert detail["redacted"] is False
    assert [event["action"] for event in detail["timeline"]] == ["open", "assign"]
    assert client_for(user).get(API).json()["items"][0]["title"] == SUBJECT


def test_the_auditor_sees_the_case_but_not_its_subject(secret, auditor, client_for):
    body = client_for(auditor).get(API).json()

    assert "密件" in body["items"][0]["title"]
    assert client_for(auditor).get(f"{API}{secret.pk}").json()["timeline"] == []


def test_the_selectors_say_the_same_to_everyone_who_asks(secret, outsider, liaison):
    for row in case_inbox(user=outsider, filters=InboxFilter()):
        assert case_redacted(outsider, row) is True
        assert "密件" in case_title_for(outsider, row)
        assert case_timeline_for(user=outsider, case=row) == []
    assert case_title_for(liaison, secret) == SUBJECT
    assert len(case_timeline_for(user=liaison, case=secret)) == 2


def test_searching_the_subject_does_not_find_the_case_for_the_co_agency(secret, outsider, liaison, client_for):
    assert client_for(outsider).get(API, {"text": "收受廠商"}).json()["items"] == []
    assert secret.reference not in client_for(outsider).get("/cases/", {"text": "收受廠商"}).content.decode()
    assert [i["reference"] for i in client_for(outsider).get(API, {"text": secret.reference}).json()["items"]] == [
        secret.reference]
    assert [i["reference"] for i in client_for(liaison).get(API, {"text": "收受廠商"}).json()["items"]] == [
        secret.reference]


def test_an_ordinary_case_is_read_in_full_by_its_co_agency(open_memo, secretariat_clerk, outsider, client_for):
    case = take(secretariat_clerk, open_memo("路口號誌故障"), "assign", on="2023-06-21", agency=agency("交通局"),
                co_agencies=[agency("衛生局")])

    assert client_for(outsider).get(f"{API}{case.pk}").json()["title"] == "路口號誌故障"
    assert case_redacted(outsider, case) is False


def test_the_records_own_name_leaves_the_subject_out(secret):
    # str(case) labels audit rows, admin lists and choice widgets: none of them may carry the subject.
    assert SUBJECT not in str(secret)
    assert secret.reference in str(secret)


def test_reminder_mails_leave_the_subject_out(secret, liaison, frozen_today, mail_at_once):
    frozen_today("2023-07-10")
    reminders_send()

    assert mail.outbox
    assert all(SUBJECT not in message.body for message in mail.outbox)
    assert any(secret.reference in message.body for message in mail.outbox)
