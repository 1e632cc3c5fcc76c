"""What each step does to a case: deadlines from the office calendar, the 30-day rule, outcomes, and
the refusals that leave a case exactly as it was."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from secretariat.audit.models import AuditEntry
from secretariat.cases.models import Case, CaseEvent, CaseStatus, Outcome
from secretariat.cases.services import case_open
from secretariat.cases.tests.stories import agency, at, take
from secretariat.core.errors import PermissionRefused, ValidationFailed

pytestmark = pytest.mark.django_db

D = dt.date.fromisoformat


@contextmanager
def refused(code: str) -> Iterator[pytest.ExceptionInfo[ValidationFailed]]:
    """Expect a refusal with this stable code."""
    with pytest.raises(ValidationFailed) as info:
        yield info
    assert info.value.code == code


# --- Opening ------------------------------------------------------------------------------------------

def test_a_registered_petition_gets_a_number_with_the_roc_year_and_starts_as_received(register_petition):
    case = register_petition(received="2023-07-03")

    assert case.reference == "P1120000001"
    assert case.status == CaseStatus.RECEIVED
    assert case.received_on == D("2023-07-03")
    assert list(case.events.values_list("action", flat=True)) == ["open"]


def test_numbers_follow_on_without_gaps(register_petition):
    first, second = register_petition(), register_petition("垃圾車未到")

    assert (first.reference, second.reference) == ("P1120000001", "P1120000002")


def test_a_case_without_a_subject_is_refused(reference_data, secretariat_clerk):
    with refused("subject_required"):
        case_open(actor=secretariat_clerk, kind_code="petition", title="   ")

    assert not Case.objects.exists()


def test_a_kind_nobody_registered_is_refused(reference_data, secretariat_clerk):
    with refused("unknown_case_kind"):
        case_open(actor=secretariat_clerk, kind_code="horoscope", title="運勢")


# --- Assigning: deadlines from the working-day calendar -----------------------------------------------

def test_six_working_days_skip_the_dragon_boat_festival_and_its_bridge_day(assigned_petition):
    """Assigned Wed 2023-06-21; Thu 22 (端午節) and Fri 23 (調整放假) are off, so day 6 is Mon 07-03."""
    case = assigned_petition(assigned="2023-06-21")

    assert case.status == CaseStatus.ASSIGNED
    assert case.lead_agency == agency("交通局")
    assert case.assigned_on == D("2023-06-21")
    assert case.due_on == D("2023-07-03")


def test_a_make_up_saturday_counts_as_a_working_day(assigned_petition):
    """Sat 2023-06-17 was a make-up workday (補行上班): assigned Fri 06-16, day 1 is that Saturday."""
    case = assigned_petition(assigned="2023-06-16")

    assert case.due_on == D("2023-06-27")  # 17, 19, 20, 21, (22, 23 off) 26, 27


def test_a_category_with_its_own_answer_time_sets_the_due_date(assigned_petition):
    case = assigned_petition(assigned="2023-07-03", category_days=10)

    assert case.due_on == D("2023-07-17")


def test_assigning_to_an_agency_that_does_not_exist_is_refused_and_changes_nothing(register_petition,
                                                                                  secretariat_clerk):
    case = register_petition()

    with refused("unknown_agency"):
        take(secretariat_clerk, case, "assign", agency=999_999)

    case.refresh_from_db()
    assert (case.status, case.lead_agency, case.version) == (CaseStatus.RECEIVED, None, 1)
    assert case.events.count() == 1


def test_assigning_to_a_retired_agency_is_refused(register_petition, secretariat_clerk):
    retired = agency("衛生局")
    retired.is_active = False
    retired.save()

    with refused("unknown_agency"):
        take(secretariat_clerk, register_petition(), "assign", agency=retired.pk)


def test_co_agencies_are_kept_without_repeating_the_lead(register_petition, secretariat_clerk):
    case = take(secretariat_clerk, register_petition(), "assign", on="2023-06-21", agency=agency("交通局"),
                co_agencies=[agency("交通局").pk, agency("工務局").pk])

    assert list(case.co_agencies.values_list("short_name", flat=True)) == ["工務局"]


def test_each_step_is_on_the_timeline_and_in_the_audit_trail(assigned_petition, secretariat_clerk):
    case = assigned_petition(assigned="2023-06-21")

    event = case.events.get(action="assign")
    assert (event.from_status, event.to_status, event.actor, event.agency) == (
        CaseStatus.RECEIVED, CaseStatus.ASSIGNED, secretariat_clerk, agency("交通局"))
    assert event.occurred_at == at("2023-06-21")
    entry = AuditEntry.objects.get(action="case.assign")
    before, after = entry.before or {}, entry.after or {}
    assert (before["status"], after["status"], after["due_on"]) == ("received", "assigned", "2023-07-03")


def test_a_step_sent_without_what_it_needs_is_refused_naming_the_missing_value(register_petition,
                                                                             secretariat_clerk):
    with refused("missing_fields") as error:
        take(secretariat_clerk, register_petition(), "assign", agency="  ")

    assert error.value.field == "agency"


# --- Returning for re-routing (改分) -------------------------------------------------------------------

def test_an_agency_returning_by_the_next_working_day_is_on_time(assigned_petition, liaison):
    """Assigned Wed 06-21; the next working day is Mon 06-26 (two holidays between)."""
    case = take(liaison, assigned_petition(assigned="2023-06-21"), "return", on="2023-06-26", reason="非本局權責")

    assert case.status == CaseStatus.RETURNED
    assert (case.lead_agency, case.due_on) == (None, None)
    event = case.events.get(action="return")
    assert event.data["late_return"] is False
    assert event.agency == agency("交通局")
    assert event.note == "非本局權責"


def test_an_agency_returning_after_the_next_working_day_is_flagged_late(assigned_petition, liaison):
    case = take(liaison, assigned_petition(assigned="2023-06-21"), "return", on="2023-06-27", reason="非本局權責")

    assert case.events.get(action="return").data["late_return"] is True


def test_a_returned_case_is_routed_again_with_a_fresh_due_date_and_fresh_co_agencies(register_petition,
                                                                                   secretariat_clerk, liaison):
    case = take(secretariat_clerk, register_petition(received="2023-06-20"), "assign", on="2023-06-21",
                agency=agency("交通局"), co_agencies=[agency("工務局")])
    case = take(liaison, case, "return", on="2023-06-26", reason="路燈屬工務局")
    assert not case.co_agencies.exists()

    case = take(secretariat_clerk, case, "assign", on="2023-06-27", agency=agency("工務局"))

    assert case.lead_agency == agency("工務局")
    assert case.due_on == D("2023-07-05")


# --- Extensions (展期) and the 30-day rule --------------------------------------------------------------

def test_without_an_extension_the_due_date_never_passes_30_days_from_receipt(assigned_petition):
    """Received 06-01, assigned 06-28: six working days would reach 07-06, but 30 days end on 07-01."""
    case = assigned_petition(received="2023-06-01", assigned="2023-06-28")

    assert case.due_on == D("2023-07-01")
    assert case.extended is False


def test_an_approved_extension_moves_the_due_date_past_30_days(assigned_petition, liaison, secretariat_clerk):
    case = assigned_petition(received="2023-06-01", assigned="2023-06-28")
    case = take(liaison, case, "request_extension", on="2023-06-29", reason="需會勘", until=D("2023-07-20"))
    assert case.due_on == D("2023-07-01")
    assert case.extension_requested_until == D("2023-07-20")

    case = take(secretariat_clerk, case, "approve_extension", on="2023-06-30")

    assert (case.due_on, case.extended, case.extension_requested_until) == (D("2023-07-20"), True, None)
    event = case.events.get(action="approve_extension")
    assert event.data == {"until": "2023-07-20", "reason": "需會勘"}


def test_a_refused_extension_keeps_the_old_due_date(assigned_petition, liaison, secretariat_clerk):
    case = assigned_petition(assigned="2023-06-21")
    case = take(liaison, case, "request_extension", on="2023-06-26", reason="需會勘", until="2023-07-20")

    case = take(secretariat_clerk, case, "reject_extension", on="2023-06-27", reason="案情單純")

    assert (case.due_on, case.extended, case.extension_requested_until) == (D("2023-07-03"), False, None)
    assert case.status == CaseStatus.ASSIGNED


def test_an_extension_must_be_later_than_the_current_due_date(assigned_petition, liaison):
    case = assigned_petition(assigned="2023-06-21")

    with refused("extension_not_later") as error:
        take(liaison, case, "request_extension", reason="需會勘", until=D("2023-07-03"))

    assert error.value.field == "until"
    assert "112/07/03" in error.value.render()


def test_an_extension_date_that_is_not_a_date_is_refused(assigned_petition, liaison):
    with refused("invalid_date"):
        take(liaison, assigned_petition(), "request_extension", reason="需會勘", until="next month")


def test_approving_when_nobody_asked_is_refused(assigned_petition, secretariat_clerk):
    with refused("no_extension_requested"):
        take(secretariat_clerk, assigned_petition(), "approve_extension")


def test_an_agency_cannot_approve_its_own_extension(assigned_petition, liaison):
    case = take(liaison, assigned_petition(), "request_extension", reason="需會勘", until="2023-07-20")

    with pytest.raises(PermissionRefused):
        take(liaison, case, "approve_extension")


# --- Answering: on time or late ------------------------------------------------------------------------

def test_an_answer_on_the_due_date_is_on_time(assigned_petition, liaison):
    case = take(liaison, assigned_petition(assigned="2023-06-21"), "answer", on="2023-07-03", answer="已修復。")

    assert case.status == CaseStatus.ANSWERED
    assert case.outcome == Outcome.ON_TIME
    assert case.answered_at == at("2023-07-03")


def test_an_answer_after_the_due_date_is_late(assigned_petition, liaison):
    case = take(liaison, assigned_petition(assigned="2023-06-21"), "answer", on="2023-07-04", answer="已修復。")

    assert case.outcome == Outcome.LATE


def test_the_petition_keeps_the_answer_text(assigned_petition, agency_head):
    case = take(agency_head, assigned_petition(), "answer", answer="路燈已於6月30日修復。")

    assert case.petition.answer == "路燈已於6月30日修復。"
    assert case.petition.answered_by == agency_head


def test_an_empty_answer_is_refused(assigned_petition, liaison):
    with refused("missing_fields"):
        take(liaison, assigned_petition(), "answer", answer=" \n ")


def test_closing_after_the_answer_records_when(assigned_petition, liaison, secretariat_clerk):
    case = take(liaison, assigned_petition(), "answer", on="2023-06-30", answer="已修復。")

    case = take(secretariat_clerk, case, "close", on="2023-07-03")

    assert case.status == CaseStatus.CLOSED
    assert case.closed_at == at("2023-07-03")
    assert case.outcome == Outcome.ON_TIME


# --- Reopening -------------------------------------------------------------------------------------------

def test_reopening_counts_and_clears_the_answer_and_result(assigned_petition, liaison, secretariat_clerk):
    case = take(liaison, assigned_petition(assigned="2023-06-21"), "answer", on="2023-07-04", answer="已修復。")
    case = take(secretariat_clerk, case, "close", on="2023-07-05")

    case = take(secretariat_clerk, case, "reopen", on="2023-07-06", reason="答非所問")

    assert case.status == CaseStatus.IN_PROGRESS
    assert case.reopen_count == 1
    assert (case.answered_at, case.closed_at, case.outcome) == (None, None, "")
    assert case.due_on == D("2023-07-14")
    assert case.events.get(action="reopen").note == "答非所問"


def test_a_second_reopening_counts_again(assigned_petition, liaison, secretariat_clerk):
    case = assigned_petition(assigned="2023-07-03")
    for day in ("2023-07-04", "2023-07-06"):
        case = take(liaison, case, "answer", on=day, answer="已處理。")
        case = take(secretariat_clerk, case, "reopen", on=day, reason="答非所問")

    assert case.reopen_count == 2


# --- Declining (不予處理, 行政程序法 §173) -------------------------------------------------------------

def test_declining_needs_one_of_the_section_173_reasons(register_petition, secretariat_clerk):
    case = register_petition()

    with refused("missing_fields"):
        take(secretariat_clerk, case, "decline")
    with refused("unknown_decline_reason"):
        take(secretariat_clerk, case, "decline", reason_code="too_busy")

    case.refresh_from_db()
    assert (case.status, case.version) == (CaseStatus.RECEIVED, 1)


def test_a_declined_petition_stays_registered_with_its_reason(register_petition, secretariat_clerk):
    case = take(secretariat_clerk, register_petition(), "decline", on="2023-06-21", reason_code="no_content")

    assert case.status == CaseStatus.DECLINED
    assert case.decline_reason == "no_content"
    assert case.closed_at == at("2023-06-21")
    assert "§173" in case.events.get(action="decline").data["reason_label"]
    assert Case.objects.filter(pk=case.pk).exists()


def test_a_kind_without_a_reason_list_takes_a_short_code(open_memo, secretariat_clerk):
    case = take(secretariat_clerk, open_memo(), "decline", reason_code="duplicate")

    assert case.decline_reason == "duplicate"


# --- Merging (併案) ------------------------------------------------------------------------------------------

def test_a_case_merges_into_an_earlier_one_by_its_number(register_petition, secretariat_clerk):
    earlier, later = register_petition("路燈不亮"), register_petition("路燈仍不亮")

    later = take(secretariat_clerk, later, "merge", on="2023-06-22", into=earlier.reference.lower())

    assert later.status == CaseStatus.MERGED
    assert later.merged_into == earlier
    assert later.events.get(action="merge").data["into"] == earlier.reference


@pytest.mark.parametrize("target", ["self", "unknown", "merged", "other_kind"])
def test_merge_targets_must_be_another_unmerged_case_of_the_same_kind(register_petition, open_memo,
                                                                      secretariat_clerk, target):
    case, other, third = register_petition(), register_petition("b"), register_petition("c")
    into = {"self": case.reference, "unknown": "P1129999999", "other_kind": open_memo().reference}.get(target)
    if target == "merged":
        take(secretariat_clerk, other, "merge", into=third.reference)
        into = other.reference

    with refused("merge_target_invalid") as error:
        take(secretariat_clerk, case, "merge", into=into)

    assert error.value.field == "into"
    assert Case.objects.get(pk=case.pk).status == CaseStatus.RECEIVED


# --- Refusals leave nothing behind ----------------------------------------------------------------------

def test_a_step_not_allowed_from_the_current_status_is_refused_and_nothing_changes(register_petition,
                                                                                 secretariat_clerk):
    case = register_petition()

    with refused("transition_not_allowed"):
        take(secretariat_clerk, case, "close")

    case.refresh_from_db()
    assert (case.status, case.version, case.closed_at) == (CaseStatus.RECEIVED, 1, None)
    assert CaseEvent.objects.filter(case=case).count() == 1
    assert not AuditEntry.objects.filter(action="case.close").exists()


def test_a_kind_of_its_own_gets_its_own_deadline(open_memo, secretariat_clerk):
    case = take(secretariat_clerk, open_memo(), "assign", on="2023-06-21", agency=agency("交通局"))

    assert case.due_on == D("2023-06-28")  # 3 working days: 26, 27, 28
