"""Petition help at the counter: individual (one person) or collective (two or more), what was done, and the
link to the petition filed for the citizen, found by its case number through the petitions app."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError, transaction

from secretariat.accounts.models import User
from secretariat.audit.models import AuditEntry
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.counters.models import HelpKind, PetitionHelp
from secretariat.counters.services.petition_help import petition_help_record
from secretariat.counters.tests.enquiry_helpers import WORKING_DAY, clock, counter_clerk, on_working_day
from secretariat.petitions.tests.intake_helpers import register

__all__ = ["clock", "counter_clerk", "on_working_day"]
pytestmark = pytest.mark.django_db


def test_individual_help_is_recorded_and_audited(counter_clerk: User, on_working_day: dt.date) -> None:
    item = petition_help_record(actor=counter_clerk, helped_on=WORKING_DAY, kind=HelpKind.INDIVIDUAL,
                                action_taken=" 協助撰寫陳情書 ")
    assert (item.people_count, item.action_taken, item.petition_case_id) == (1, "協助撰寫陳情書", None)
    assert AuditEntry.objects.filter(action="counters.petition_help_record", target_id=str(item.pk)).exists()


def test_help_links_the_petition_filed_for_the_citizen(counter_clerk: User, on_working_day: dt.date) -> None:
    petition = register(counter_clerk).petition
    item = petition_help_record(actor=counter_clerk, helped_on=WORKING_DAY, kind=HelpKind.COLLECTIVE, people_count=12,
                                action_taken="協助遞交陳情書", petition_reference=petition.case.reference.lower())
    assert item.petition_case_id == petition.pk
    assert item.petition_reference == petition.case.reference


@pytest.mark.parametrize(("kind", "people", "code"), [
    (HelpKind.INDIVIDUAL, 3, "invalid_people"),
    (HelpKind.COLLECTIVE, 1, "invalid_people"),
    (HelpKind.COLLECTIVE, -4, "invalid_people"),
    ("group", 5, "unknown_kind"),
])
def test_people_must_fit_the_kind(counter_clerk: User, on_working_day: dt.date, kind: str, people: int,
                                  code: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        petition_help_record(actor=counter_clerk, helped_on=WORKING_DAY, kind=kind, people_count=people,
                             action_taken="說明")
    assert refused.value.code == code
    assert not PetitionHelp.objects.exists()


def test_the_database_refuses_a_collective_petition_of_one(counter_clerk: User) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        PetitionHelp.objects.create(helped_on=WORKING_DAY, kind=HelpKind.COLLECTIVE, people_count=1, action_taken="x",
                                    recorded_at=dt.datetime(2023, 10, 3, tzinfo=dt.UTC))


def test_bad_input_is_refused_with_nothing_written(counter_clerk: User, on_working_day: dt.date) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"action_taken": "  "}, "missing_fields"),
        ({"action_taken": "字" * 2001}, "too_long"),
        ({"helped_on": WORKING_DAY + dt.timedelta(days=1)}, "future_date"),
        ({"petition_reference": "NOPE-1"}, "unknown_petition"),
    ]
    for overrides, code in cases:
        values: dict[str, Any] = {"helped_on": WORKING_DAY, "kind": HelpKind.INDIVIDUAL, "action_taken": "說明",
                                  **overrides}
        with pytest.raises(ValidationFailed) as refused:
            petition_help_record(actor=counter_clerk, **values)
        assert refused.value.code == code
    assert not PetitionHelp.objects.exists()


def test_agency_staff_may_not_record_help(liaison: User, on_working_day: dt.date) -> None:
    with pytest.raises(PermissionRefused):
        petition_help_record(actor=liaison, helped_on=WORKING_DAY, kind=HelpKind.INDIVIDUAL, action_taken="說明")
