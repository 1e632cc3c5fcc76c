"""The workflow is plain data: who may take which step from which status, checked without a database."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.cases.kinds.workflow import STANDARD, Party, TransitionNotAllowed
from secretariat.cases.models import CaseStatus as S
from secretariat.core.errors import PermissionRefused

SEC, LEAD, HEAD, REQ = Party.SECRETARIAT, Party.LEAD_AGENCY, Party.AGENCY_HEAD, Party.REQUESTER
RUNNING = {S.ASSIGNED, S.IN_PROGRESS}
NOT_FINISHED = {S.RECEIVED, S.ASSIGNED, S.IN_PROGRESS, S.RETURNED}

# The whole table, written out once more by hand: a change to the workflow must change this too.
EXPECTED = {
    "assign": ({S.RECEIVED, S.RETURNED}, S.ASSIGNED, {SEC}, ("agency",)),
    "accept": ({S.ASSIGNED}, S.IN_PROGRESS, {LEAD, HEAD}, ()),
    "return": (RUNNING, S.RETURNED, {LEAD, HEAD}, ("reason",)),
    "request_extension": (RUNNING, None, {LEAD, HEAD}, ("reason", "until")),
    "approve_extension": (RUNNING, None, {SEC}, ()),
    "reject_extension": (RUNNING, None, {SEC}, ("reason",)),
    "answer": (RUNNING, S.ANSWERED, {LEAD, HEAD}, ("answer",)),
    "close": ({S.ANSWERED}, S.CLOSED, {SEC}, ()),
    "reopen": ({S.ANSWERED, S.CLOSED}, S.IN_PROGRESS, {SEC, REQ}, ("reason",)),
    "decline": (NOT_FINISHED, S.DECLINED, {SEC, LEAD, HEAD}, ("reason_code",)),
    "merge": (NOT_FINISHED, S.MERGED, {SEC}, ("into",)),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_step_leads_from_the_stated_statuses_to_the_stated_status_for_the_stated_people(name):
    sources, target, parties, requires = EXPECTED[name]

    transition = STANDARD.get(name)

    assert transition.sources == frozenset(sources)
    assert transition.target == target
    assert transition.parties == frozenset(parties)
    assert transition.requires == requires


def test_the_workflow_has_exactly_these_steps():
    assert {transition.name for transition in STANDARD.transitions} == set(EXPECTED)


def test_every_step_has_a_label_people_can_read():
    assert all(str(transition.label).strip() for transition in STANDARD.transitions)


def test_declined_and_merged_cases_are_final():
    for status in (S.DECLINED, S.MERGED):
        assert STANDARD.available(status, set(Party)) == []


def test_closing_a_case_that_was_never_answered_is_refused_as_not_allowed():
    with pytest.raises(TransitionNotAllowed) as refused:
        STANDARD.check("close", S.IN_PROGRESS, {SEC})

    assert refused.value.code == "transition_not_allowed"
    assert refused.value.status == 400


def test_a_step_the_workflow_does_not_know_is_refused_as_not_allowed():
    with pytest.raises(TransitionNotAllowed) as refused:
        STANDARD.check("approve", S.ASSIGNED, {SEC})

    assert refused.value.code == "transition_not_allowed"


def test_an_agency_may_not_assign_a_case_to_itself():
    with pytest.raises(PermissionRefused) as refused:
        STANDARD.check("assign", S.RECEIVED, {LEAD, HEAD})

    assert refused.value.code == "permission_denied"
    assert refused.value.status == 403


def test_the_secretariat_may_not_answer_for_the_agency():
    with pytest.raises(PermissionRefused):
        STANDARD.check("answer", S.IN_PROGRESS, {SEC})


def test_a_person_with_no_standing_may_take_no_step_at_all():
    assert all(STANDARD.available(status, set()) == [] for status in S.values)


def test_the_status_is_checked_before_the_person():
    """Someone without standing asking for an impossible step hears why the step is impossible."""
    with pytest.raises(TransitionNotAllowed):
        STANDARD.check("close", S.RECEIVED, set())


def test_an_assigned_case_offers_its_agency_accept_return_extension_answer_and_decline():
    names = [transition.name for transition in STANDARD.available(S.ASSIGNED, {LEAD})]

    assert names == ["accept", "return", "request_extension", "answer", "decline"]


def test_the_requester_may_only_reopen():
    offered = {t.name for status in S.values for t in STANDARD.available(status, {REQ})}

    assert offered == {"reopen"}


@given(status=st.sampled_from(S.values), parties=st.sets(st.sampled_from(list(Party))),
       name=st.sampled_from(sorted(EXPECTED)))
def test_what_is_offered_is_exactly_what_is_allowed(status, parties, name):
    offered = name in {transition.name for transition in STANDARD.available(status, parties)}
    try:
        STANDARD.check(name, status, parties)
    except (TransitionNotAllowed, PermissionRefused):
        allowed = False
    else:
        allowed = True

    assert offered == allowed


def test_deciding_on_an_extension_is_offered_only_while_one_is_asked_for():
    class Pending:
        extension_requested_until = "2023-07-20"

    class Nothing:
        extension_requested_until = None

    approve = STANDARD.get("approve_extension")

    assert approve.offered_for(Pending())
    assert not approve.offered_for(Nothing())
    assert STANDARD.get("reject_extension").offered_when == "extension_requested_until"
    assert STANDARD.get("answer").offered_for(Nothing())
