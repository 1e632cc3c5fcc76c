"""Escalating an item to an incident case and the agencies' responses: the case closes with the response."""

import datetime as dt

import pytest

from secretariat.audit.models import AuditEntry
from secretariat.cases.models import CaseStatus, Outcome
from secretariat.cases.services import available_steps, case_transition
from secretariat.core.errors import Conflict, PermissionRefused, ValidationFailed
from secretariat.core.models import SiteSetting
from secretariat.media.models.opinion import OpinionResponse
from secretariat.media.services.opinion import opinion_escalate, opinion_response_record
from secretariat.media.tests.opinion_helpers import agency_id, at, record

pytestmark = pytest.mark.django_db


def escalate(actor, item, agency="交通局", **kwargs):
    return opinion_escalate(actor=actor, item_id=item.pk, agency_id=agency_id(agency) if agency else None, **kwargs)


def test_escalation_opens_an_incident_case_due_the_same_day(monitor):
    item = escalate(monitor, record(monitor), at=at("2023-09-16", 10))  # a Saturday: the news does not wait

    case = item.case
    assert case.kind == "opinion_incident"
    assert case.reference.startswith("M112")
    assert case.status == CaseStatus.ASSIGNED
    assert case.lead_agency.short_name == "交通局"
    assert case.due_on == dt.date(2023, 9, 16)
    assert AuditEntry.objects.filter(action="opinion.escalate").exists()


def test_the_deadline_follows_the_configured_number_of_working_days(monitor):
    SiteSetting.objects.update_or_create(key="media.incident_answer_days", defaults={"value": 1})
    item = escalate(monitor, record(monitor), at=at("2023-09-15", 10))  # Friday → Monday
    assert item.case.due_on == dt.date(2023, 9, 18)


def test_escalation_without_an_agency_is_refused_and_nothing_is_written(monitor):
    item = record(monitor)
    with pytest.raises(ValidationFailed) as refused:
        escalate(monitor, item, agency=None)
    assert refused.value.code == "escalation_needs_agency"
    item.refresh_from_db()
    assert item.case is None


def test_an_item_is_escalated_once(monitor):
    item = escalate(monitor, record(monitor))
    with pytest.raises(Conflict):
        escalate(monitor, item, agency="衛生局")


def test_the_lead_agency_is_added_to_the_agencies_concerned(monitor, outsider):
    item = escalate(monitor, record(monitor), agency="衛生局")
    assert set(item.agencies.values_list("short_name", flat=True)) == {"交通局", "衛生局"}


def test_only_monitors_escalate(monitor, secretariat_clerk, liaison):
    item = record(monitor)
    for person in (secretariat_clerk, liaison):
        with pytest.raises(PermissionRefused):
            escalate(person, item)


def test_the_agencys_response_answers_and_closes_the_incident(monitor, liaison):
    item = escalate(monitor, record(monitor), at=at("2023-09-12", 9))

    response = opinion_response_record(actor=liaison, item_id=item.pk, kind="clarification",
                                       text="交通局澄清：號誌已修復，班距恢復正常。", link="https://www.gov.taipei/news/1",
                                       responded_at=at("2023-09-12", 15))

    assert response.agency.short_name == "交通局"
    assert response.responded_on == dt.date(2023, 9, 12)
    case = item.case
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert case.outcome == Outcome.ON_TIME
    assert [event.action for event in case.events.all()] == ["open", "assign", "answer", "close"]


def test_a_response_the_next_day_closes_the_case_as_late(monitor, agency_head):
    item = escalate(monitor, record(monitor), at=at("2023-09-12", 9))
    opinion_response_record(actor=agency_head, item_id=item.pk, kind="statement", text="聲明",
                            responded_at=at("2023-09-13", 9))
    item.case.refresh_from_db()
    assert item.case.outcome == Outcome.LATE


def test_responses_to_items_not_escalated_are_recorded_and_counted_too(monitor, liaison):
    item = record(monitor)
    opinion_response_record(actor=liaison, item_id=item.pk, kind="social_post", text="臉書說明",
                            responded_at=at("2023-09-12"))
    assert OpinionResponse.objects.count() == 1


def test_another_agencys_liaison_cannot_respond_for_transport(monitor, outsider):
    item = record(monitor, agencies=("交通局", "衛生局"))
    with pytest.raises(PermissionRefused):
        opinion_response_record(actor=outsider, item_id=item.pk, kind="statement", text="代為回應",
                                agency_id=agency_id("交通局"))
    assert not OpinionResponse.objects.exists()


def test_a_monitor_records_a_response_for_an_agency_concerned_only(monitor):
    item = record(monitor)
    with pytest.raises(ValidationFailed) as refused:
        opinion_response_record(actor=monitor, item_id=item.pk, kind="statement", text="說明",
                                agency_id=agency_id("衛生局"))
    assert refused.value.code == "agency_not_concerned"
    opinion_response_record(actor=monitor, item_id=item.pk, kind="statement", text="說明",
                            agency_id=agency_id("交通局"))


@pytest.mark.parametrize(("fields", "code"), [
    ({"kind": "tweet"}, "invalid_response_kind"), ({"text": " "}, "required"),
    ({"link": "ftp://x"}, "invalid_link"), ({"responded_at": at("2099-01-01")}, "response_in_future"),
])
def test_bad_responses_are_refused(monitor, liaison, fields, code):
    item = escalate(monitor, record(monitor))
    values = {"kind": "statement", "text": "說明", **fields}
    with pytest.raises(ValidationFailed) as refused:
        opinion_response_record(actor=liaison, item_id=item.pk, **values)
    assert refused.value.code == code
    item.case.refresh_from_db()
    assert item.case.status == CaseStatus.ASSIGNED
    assert not OpinionResponse.objects.exists()


def test_the_case_page_step_cannot_close_an_incident_without_a_response(monitor, liaison):
    item = escalate(monitor, record(monitor))
    with pytest.raises(ValidationFailed) as refused:
        case_transition(actor=liaison, case_id=item.case.pk, name="answer", data={"answer": "已處理"})
    assert refused.value.code == "response_required"


def test_the_case_page_offers_the_agency_no_response_step_of_its_own(monitor, liaison):
    item = escalate(monitor, record(monitor))
    assert item.case is not None
    steps = {step.name for step in available_steps(user=liaison, case=item.case)}
    assert steps == {"accept", "return"}
