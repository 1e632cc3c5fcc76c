"""The enquiry tally's services: a clerk records one enquiry per press, on open days, in active categories,
and takes back only their own last entry; every write is audited and undone entries are not counted."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from secretariat.accounts.models import User
from secretariat.audit.models import AuditEntry
from secretariat.core.calendar import CalendarOutOfRange
from secretariat.core.changes import SYSTEM
from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.counters.models import Enquiry, EnquiryCategory, EnquiryChannel
from secretariat.counters.selectors.enquiries import counter_open_on, last_entry_of, tally_board
from secretariat.counters.services.enquiries import category_save, enquiry_record, enquiry_undo
from secretariat.counters.tests.enquiry_helpers import (
    HOLIDAY,
    MAKEUP_SATURDAY,
    SUNDAY,
    WORKING_DAY,
    at,
    categories,
    counter_clerk,
)

__all__ = ["categories", "counter_clerk"]
pytestmark = pytest.mark.django_db


def test_a_clerk_tallies_an_enquiry_with_its_day_and_an_audit_row(categories: dict[str, EnquiryCategory],
                                                                  counter_clerk: User) -> None:
    moment = at(WORKING_DAY, 23, 30)  # late evening in Taipei is still that Taipei day
    enquiry = enquiry_record(actor=counter_clerk, category_id=categories["civil"].pk, channel=EnquiryChannel.PHONE,
                             note=" 詢問戶籍謄本 ", at=moment)
    assert (enquiry.recorded_on, enquiry.channel, enquiry.note) == (WORKING_DAY, "phone", "詢問戶籍謄本")
    assert enquiry.recorded_by == counter_clerk
    entry = AuditEntry.objects.get(action="counters.enquiry_record", target_id=str(enquiry.pk))
    assert entry.after is not None
    assert entry.after["category"] == "civil"
    assert entry.actor == counter_clerk


def test_a_category_can_be_named_by_its_code(categories: dict[str, EnquiryCategory], counter_clerk: User) -> None:
    enquiry = enquiry_record(actor=counter_clerk, category_code="transport", at=at(WORKING_DAY))
    assert enquiry.category.name == "交通"


@pytest.mark.parametrize("day", [SUNDAY, HOLIDAY], ids=["sunday", "mid-autumn"])
def test_a_closed_day_is_refused_and_nothing_is_written(categories: dict[str, EnquiryCategory], counter_clerk: User,
                                                        day: dt.date) -> None:
    with pytest.raises(ValidationFailed) as refused:
        enquiry_record(actor=counter_clerk, category_code="civil", at=at(day))
    assert refused.value.code == "counter_closed"
    assert not Enquiry.objects.exists()
    assert not AuditEntry.objects.filter(action="counters.enquiry_record").exists()


def test_the_counter_is_open_on_a_makeup_saturday(categories: dict[str, EnquiryCategory], counter_clerk: User) -> None:
    assert counter_open_on(MAKEUP_SATURDAY)
    enquiry_record(actor=counter_clerk, category_code="civil", at=at(MAKEUP_SATURDAY))
    assert Enquiry.objects.count() == 1


def test_a_year_without_a_calendar_is_refused(categories: dict[str, EnquiryCategory], counter_clerk: User) -> None:
    with pytest.raises(CalendarOutOfRange):
        enquiry_record(actor=counter_clerk, category_code="civil", at=at(dt.date(2031, 3, 4)))
    assert not Enquiry.objects.exists()


def test_an_unknown_or_inactive_category_is_refused(categories: dict[str, EnquiryCategory],
                                                    counter_clerk: User) -> None:
    category_save(actor=SYSTEM, category=categories["works"], code="works", name="工務", hotkey="5", is_active=False)
    kwargs: dict[str, Any]
    for kwargs in ({"category_id": 999_999}, {"category_code": "nonsense"}, {"category_code": "works"}, {}):
        with pytest.raises(ValidationFailed) as refused:
            enquiry_record(actor=counter_clerk, at=at(WORKING_DAY), **kwargs)
        assert refused.value.code == "unknown_category"
    assert not Enquiry.objects.exists()


def test_bad_channel_and_long_note_are_refused(categories: dict[str, EnquiryCategory], counter_clerk: User) -> None:
    with pytest.raises(ValidationFailed):
        enquiry_record(actor=counter_clerk, category_code="civil", channel="fax", at=at(WORKING_DAY))
    with pytest.raises(ValidationFailed) as refused:
        enquiry_record(actor=counter_clerk, category_code="civil", note="字" * 301, at=at(WORKING_DAY))
    assert refused.value.code == "note_too_long"
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize("persona", ["liaison", "agency_head", "auditor", "councillor"])
def test_only_secretariat_staff_may_tally(categories: dict[str, EnquiryCategory], persona: str,
                                         request: pytest.FixtureRequest) -> None:
    with pytest.raises(PermissionRefused):
        enquiry_record(actor=request.getfixturevalue(persona), category_code="civil", at=at(WORKING_DAY))


def test_counts_of_the_day_and_the_month_leave_out_undone_entries(categories: dict[str, EnquiryCategory],
                                                                  counter_clerk: User) -> None:
    enquiry_record(actor=counter_clerk, category_code="civil", at=at(dt.date(2023, 10, 2)))
    for minute in range(3):
        enquiry_record(actor=counter_clerk, category_code="civil", at=at(WORKING_DAY, 9, minute))
    enquiry_record(actor=counter_clerk, category_code="education", at=at(WORKING_DAY, 9, 5))
    enquiry_record(actor=counter_clerk, category_code="civil", at=at(dt.date(2023, 9, 28)))  # last month
    enquiry_undo(actor=counter_clerk, at=at(WORKING_DAY, 9, 6))  # takes back the education entry
    board = tally_board(day=WORKING_DAY)
    counts = {row.category.code: (row.today, row.month) for row in board.rows}
    assert counts["civil"] == (3, 4)
    assert counts["education"] == (0, 0)
    assert (board.today_total, board.month_total) == (3, 4)


def test_undo_takes_back_the_clerks_own_last_entry_only(categories: dict[str, EnquiryCategory], counter_clerk: User,
                                                        secretariat_clerk: User) -> None:
    mine = enquiry_record(actor=counter_clerk, category_code="civil", at=at(WORKING_DAY, 9))
    theirs = enquiry_record(actor=secretariat_clerk, category_code="works", at=at(WORKING_DAY, 9, 1))
    undone = enquiry_undo(actor=counter_clerk, at=at(WORKING_DAY, 9, 2))
    assert undone.pk == mine.pk
    assert undone.cancelled_at is not None
    theirs.refresh_from_db()
    assert theirs.cancelled_at is None
    entry = AuditEntry.objects.get(action="counters.enquiry_undo")
    assert entry.target_id == str(mine.pk)
    assert entry.before == {"cancelled_at": None}
    with pytest.raises(NotFound):  # nothing of the clerk's left today
        enquiry_undo(actor=counter_clerk, at=at(WORKING_DAY, 9, 3))


def test_undo_refuses_when_the_last_entry_is_not_the_one_shown(categories: dict[str, EnquiryCategory],
                                                               counter_clerk: User) -> None:
    first = enquiry_record(actor=counter_clerk, category_code="civil", at=at(WORKING_DAY, 9))
    second = enquiry_record(actor=counter_clerk, category_code="works", at=at(WORKING_DAY, 9, 1))
    with pytest.raises(Conflict):
        enquiry_undo(actor=counter_clerk, enquiry_id=first.pk, at=at(WORKING_DAY, 9, 2))
    assert not Enquiry.objects.filter(cancelled_at__isnull=False).exists()
    assert enquiry_undo(actor=counter_clerk, enquiry_id=second.pk, at=at(WORKING_DAY, 9, 2)).pk == second.pk
    assert last_entry_of(user=counter_clerk, day=WORKING_DAY) == first


def test_yesterdays_entries_are_final(categories: dict[str, EnquiryCategory], counter_clerk: User) -> None:
    enquiry_record(actor=counter_clerk, category_code="civil", at=at(dt.date(2023, 10, 2)))
    with pytest.raises(NotFound):
        enquiry_undo(actor=counter_clerk, at=at(WORKING_DAY))


def test_an_administrator_edits_categories_and_clashes_are_refused(categories: dict[str, EnquiryCategory],
                                                                   secretariat_admin: User,
                                                                   secretariat_clerk: User) -> None:
    added = category_save(actor=secretariat_admin, code="labour", name="勞動", hotkey="7", name_en="Labour")
    assert AuditEntry.objects.filter(action="counters.enquiry_category_save", target_id=str(added.pk)).exists()
    with pytest.raises(ValidationFailed) as refused:
        category_save(actor=secretariat_admin, code="social", name="社會", hotkey="1")
    assert refused.value.code == "duplicate_category"
    with pytest.raises(ValidationFailed):
        category_save(actor=secretariat_admin, code="social", name="社會", hotkey="10")
    with pytest.raises(PermissionRefused):
        category_save(actor=secretariat_clerk, code="social", name="社會", hotkey="8")
    assert not EnquiryCategory.objects.filter(code="social").exists()
