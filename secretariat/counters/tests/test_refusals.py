"""Every refusal of the counters' services, one by one: the error the user is shown (its kind, stable code and
the field it points at) and that nothing was written — no row of any counters table, no audit row, no logged
reveal, no mail. The consultations (slots, bookings, records), the volunteers (roster, counts, trainings,
shifts), the counter's tally and its reference data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from django.utils import timezone

from secretariat.accounts.constants import Role
from secretariat.accounts.models import User
from secretariat.core.changes import SYSTEM
from secretariat.core.errors import ApplicationError, Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.counters.models import Association, Booking, BookingStatus, EnquiryCategory, HelpKind, Post, Slot
from secretariat.counters.services import consultation_bookings as bookings
from secretariat.counters.services import consultation_records as records
from secretariat.counters.services import consultation_slots as slots
from secretariat.counters.services import enquiries as tally
from secretariat.counters.services import volunteer_roster as roster
from secretariat.counters.services import volunteer_shifts as shifts
from secretariat.counters.services.petition_help import MAX_PEOPLE, petition_help_record
from secretariat.counters.tests.consultation_helpers import associations, book, legal_slot, make_slot, posts
from secretariat.counters.tests.enquiry_helpers import WORKING_DAY, at, categories, clock, counter_clerk, on_working_day
from secretariat.counters.tests.refusal_helpers import assert_refusal, nothing_written

pytestmark = pytest.mark.django_db
__all__ = ["associations", "categories", "clock", "counter_clerk", "legal_slot", "on_working_day", "posts"]

TODAY = timezone.localdate()
TOMORROW = TODAY + dt.timedelta(days=1)
UNKNOWN = 987_654


def refused(kind: type[ApplicationError], code: str | None, field: str | None, call: Callable[[], Any]) -> None:
    """`call()` is refused with `kind`, `code` and `field`, and writes nothing."""
    with nothing_written(), pytest.raises(kind) as error:
        call()
    assert_refusal(error.value, kind, code, field)


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


# --- Publishing and withdrawing slots -----------------------------------------------------------------------

@pytest.fixture
def lawyer(associations: dict[str, Association], make_persona: Callable[..., User]) -> User:
    """The bar association's own account: publishes the legal slots, nothing else."""
    account = make_persona("lawyer", "律師公會窗口", Role.COUNCILLOR)
    associations["legal"].accounts.add(account)
    return account


def publish(actor: Any, association: Association | int, **overrides: Any) -> Slot:
    values: dict[str, Any] = {"date": TOMORROW, "starts_at": dt.time(10), "ends_at": dt.time(10, 30),
                              "mode": "on_site", **overrides}
    association_id = association if isinstance(association, int) else association.pk
    return slots.slot_publish(actor=actor, association_id=association_id, **values)


@pytest.mark.parametrize(("overrides", "code", "field"), [
    ({"mode": "by_pigeon"}, "invalid_mode", "mode"),
    ({"ends_at": dt.time(10)}, "invalid_times", "ends_at"),
    ({"ends_at": dt.time(9, 30)}, "invalid_times", "ends_at"),
    ({"date": TODAY - dt.timedelta(days=1)}, "past_date", "date"),
])
def test_a_slot_with_bad_times_or_mode_is_refused(associations, secretariat_clerk: User, overrides: dict[str, Any],
                                                 code: str, field: str) -> None:
    refused(ValidationFailed, code, field, lambda: publish(secretariat_clerk, associations["legal"], **overrides))


def test_a_slot_of_an_unknown_or_retired_association_is_refused(associations, secretariat_clerk: User) -> None:
    Association.objects.filter(pk=associations["land"].pk).update(is_active=False)
    for association in (UNKNOWN, associations["land"].pk):
        refused(ValidationFailed, "invalid", "association", partial(publish, secretariat_clerk, association))


def test_the_same_slot_twice_is_a_conflict_on_its_start(associations, secretariat_clerk: User) -> None:
    publish(secretariat_clerk, associations["legal"])
    refused(Conflict, "slot_exists", "starts_at", lambda: publish(secretariat_clerk, associations["legal"]))
    # Another mode at the same time is another slot (one on site, one by video).
    publish(secretariat_clerk, associations["legal"], mode="remote")


def test_an_association_account_may_not_publish_for_another_association(associations, lawyer: User) -> None:
    refused(PermissionRefused, "permission_denied", None, lambda: publish(lawyer, associations["land"]))


def test_a_withdrawn_association_account_publishes_nothing_any_more(associations, lawyer: User) -> None:
    Association.objects.filter(pk=associations["legal"].pk).update(is_active=False)
    refused(ValidationFailed, "invalid", "association", lambda: publish(lawyer, associations["legal"]))


def test_withdrawing_an_unknown_or_someone_elses_slot_is_not_found(associations, lawyer: User, liaison: User,
                                                                   secretariat_clerk: User) -> None:
    land = publish(secretariat_clerk, associations["land"])
    for actor, slot_id in ((secretariat_clerk, UNKNOWN), (lawyer, land.pk), (liaison, land.pk)):
        refused(NotFound, "not_found", None, partial(slots.slot_withdraw, actor=actor, slot_id=slot_id))


def test_a_booked_slot_stays_on_the_page(legal_slot: Slot, lawyer: User) -> None:
    book(legal_slot)
    refused(Conflict, "slot_booked", None, lambda: slots.slot_withdraw(actor=lawyer, slot_id=legal_slot.pk))


def test_a_slot_whose_citizen_cancelled_may_be_withdrawn(legal_slot: Slot, lawyer: User) -> None:
    bookings.booking_cancel(token=book(legal_slot).token)
    assert slots.slot_withdraw(actor=lawyer, slot_id=legal_slot.pk).is_withdrawn


@pytest.mark.parametrize(("values", "kind", "code", "field"), [
    ({"name": "  ", "field": "legal"}, ValidationFailed, "missing_fields", "name"),
    ({"name": "臺北市占星學會", "field": "astrology"}, ValidationFailed, "invalid", "field"),
    ({"name": "臺北律師公會", "field": "legal"}, Conflict, "duplicate", "name"),
])
def test_association_edits_the_administrator_must_correct(associations, secretariat_admin: User,
                                                          values: dict[str, Any], kind: type[ApplicationError],
                                                          code: str, field: str) -> None:
    if code == "duplicate":
        values = {**values, "name": associations["legal"].name}
    refused(kind, code, field, lambda: slots.association_save(actor=secretariat_admin, **values))


def test_a_clerk_or_auditor_does_not_edit_the_associations(associations, secretariat_clerk: User,
                                                           auditor: User) -> None:
    for actor in (secretariat_clerk, auditor):
        refused(PermissionRefused, "permission_denied", None, partial(slots.association_save,
            actor=actor, association=associations["legal"], name="改名公會", field="legal"))


def test_renaming_an_association_to_its_own_name_is_no_clash(associations, secretariat_admin: User) -> None:
    legal = associations["legal"]
    assert slots.association_save(actor=secretariat_admin, association=legal, name=legal.name, field="legal",
                                  sort_order=5).sort_order == 5


# --- The citizen's booking and its cancel link --------------------------------------------------------------

@pytest.mark.parametrize(("overrides", "code", "field"), [
    ({"name": "   "}, "missing_fields", "name"),
    ({"name": "陳" * 61}, "invalid", "name"),
    ({"phone": "0912-345-678 轉 1234 或 0922-000-111 晚上"}, "invalid", "phone"),
    ({"phone": "無"}, "invalid", "phone"),
    ({"email": "hua@"}, "invalid", "email"),
    ({"question": "   "}, "missing_fields", "question"),
    ({"field": "astrology"}, "invalid", "field"),
    ({"field": "land"}, "field_mismatch", "field"),
])
def test_a_booking_the_citizen_must_correct_books_and_mails_nothing(legal_slot: Slot, overrides: dict[str, str],
                                                                    code: str, field: str) -> None:
    refused(ValidationFailed, code, field, lambda: book(legal_slot, **overrides))


def test_a_withdrawn_slot_is_not_offered_and_says_so_on_the_slot(legal_slot: Slot, secretariat_clerk: User) -> None:
    slots.slot_withdraw(actor=secretariat_clerk, slot_id=legal_slot.pk)
    refused(NotFound, "slot_unknown", "slot", lambda: book(legal_slot))


def test_a_slot_cannot_be_booked_from_the_minute_it_begins(legal_slot: Slot) -> None:
    begins = bookings.slot_start(legal_slot)
    refused(ValidationFailed, "slot_past", "slot",
            lambda: bookings.booking_create(slot_id=legal_slot.pk, now=begins, name="陳小華", phone="0912345678",
                                            question="押金"))
    booked = bookings.booking_create(slot_id=legal_slot.pk, now=begins - dt.timedelta(minutes=1), name="陳小華",
                                     phone="0912345678", question="押金")
    assert booked.booking.status == BookingStatus.BOOKED


def test_a_taken_slot_is_a_conflict_even_once_the_citizen_was_served(associations, secretariat_clerk: User) -> None:
    slot = make_slot(associations["legal"], days=1)
    booking = book(slot).booking
    Slot.objects.filter(pk=slot.pk).update(date=TODAY, starts_at=dt.time(23, 58), ends_at=dt.time(23, 59))
    records.booking_serve(actor=secretariat_clerk, booking_id=booking.pk)
    refused(Conflict, "slot_taken", "slot", lambda: bookings.booking_create(
        slot_id=slot.pk, now=local(TODAY, 0, 1), name="李大同", phone="0922000111", question="租約"))


def test_too_many_bookings_from_one_address_are_429_and_nothing_is_booked(associations) -> None:
    from secretariat.core.models import SiteSetting

    SiteSetting.objects.update_or_create(key=bookings.BOOKINGS_PER_HOUR, defaults={"value": 1})
    book(make_slot(associations["legal"], hour=9))
    later = make_slot(associations["legal"], hour=10)
    with nothing_written(), pytest.raises(bookings.TooManyBookings) as error:
        book(later)
    assert_refusal(error.value, bookings.TooManyBookings, "too_many_requests")
    assert error.value.status == 429
    assert "1999" in error.value.render()  # told how else to reach the counter


def test_a_link_that_is_not_whole_finds_no_booking(legal_slot: Slot) -> None:
    token = book(legal_slot).token
    for wrong in (token[:-1], "", token.upper() if token.upper() != token else token + "x"):
        refused(NotFound, "token_unknown", None, partial(bookings.booking_cancel, token=wrong))
        refused(NotFound, "token_unknown", None, partial(bookings.booking_for_token, token=wrong))


def test_a_booking_cannot_be_cancelled_once_its_slot_began(legal_slot: Slot) -> None:
    token = book(legal_slot).token
    begins = bookings.slot_start(legal_slot)
    refused(Conflict, "not_cancellable", None, lambda: bookings.booking_cancel(token=token, now=begins))
    assert Booking.objects.get().status == BookingStatus.BOOKED


@pytest.mark.parametrize("step", ["served", "no_show"])
def test_a_booking_already_settled_at_the_counter_cannot_be_cancelled(associations, secretariat_clerk: User,
                                                                      step: str) -> None:
    slot = make_slot(associations["legal"], days=1)
    booked = book(slot)
    Slot.objects.filter(pk=slot.pk).update(date=TODAY)
    settle = records.booking_serve if step == "served" else records.booking_no_show
    settle(actor=secretariat_clerk, booking_id=booked.booking.pk)
    refused(Conflict, "not_cancellable", None,
            lambda: bookings.booking_cancel(token=booked.token, now=local(TODAY, 0, 1)))


# --- Served, not come, walk-ins and the logged reveal -----------------------------------------------------------

@pytest.fixture
def due_booking(associations: dict[str, Association]) -> Booking:
    """A booking made ahead whose day has now come."""
    slot = make_slot(associations["legal"], days=1, hour=9)
    booking = book(slot).booking
    Slot.objects.filter(pk=slot.pk).update(date=TODAY)
    return booking


STEPS: dict[str, Callable[..., Any]] = {"served": records.booking_serve, "no_show": records.booking_no_show}


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("who", ["auditor", "liaison", "councillor"])
def test_only_the_secretariat_records_how_a_booking_ended(request, due_booking: Booking, step: str, who: str) -> None:
    actor = request.getfixturevalue(who)
    refused(PermissionRefused, "permission_denied", None, lambda: STEPS[step](actor=actor, booking_id=due_booking.pk))


@pytest.mark.parametrize("step", STEPS)
def test_an_unknown_booking_is_not_found(secretariat_clerk: User, reference_data: None, step: str) -> None:
    refused(NotFound, "not_found", None, lambda: STEPS[step](actor=secretariat_clerk, booking_id=UNKNOWN))


@pytest.mark.parametrize("step", STEPS)
def test_a_booking_whose_day_has_not_come_waits(legal_slot: Slot, secretariat_clerk: User, step: str) -> None:
    booking = book(legal_slot).booking
    refused(ValidationFailed, "not_yet", None, lambda: STEPS[step](actor=secretariat_clerk, booking_id=booking.pk))


@pytest.mark.parametrize("step", STEPS)
def test_a_cancelled_or_already_marked_booking_is_not_recorded_again(due_booking: Booking, secretariat_clerk: User,
                                                                     step: str) -> None:
    STEPS["no_show"](actor=secretariat_clerk, booking_id=due_booking.pk)
    refused(Conflict, "not_booked", None, lambda: STEPS[step](actor=secretariat_clerk, booking_id=due_booking.pk))


@pytest.mark.parametrize(("overrides", "code", "field"), [
    ({"field": "astrology"}, "invalid", "field"),
    ({"mode": "by_letter"}, "invalid_mode", "mode"),
    ({"served_on": TOMORROW}, "future_date", "served_on"),
    ({"association_id": UNKNOWN}, "invalid", "association"),
])
def test_a_walk_in_the_clerk_must_correct_is_refused(associations, secretariat_clerk: User,
                                                     overrides: dict[str, Any], code: str, field: str) -> None:
    values: dict[str, Any] = {"served_on": TODAY, "field": "legal", **overrides}
    refused(ValidationFailed, code, field, lambda: records.walk_in_record(actor=secretariat_clerk, **values))


@pytest.mark.parametrize("who", ["auditor", "liaison", "agency_head", "councillor"])
def test_only_the_secretariat_records_walk_ins(request, associations, who: str) -> None:
    actor = request.getfixturevalue(who)
    refused(PermissionRefused, "permission_denied", None,
            lambda: records.walk_in_record(actor=actor, served_on=TODAY, field="legal"))


def test_revealing_a_booked_citizen_refuses_without_a_reason_an_id_or_the_right(legal_slot: Slot, auditor: User,
                                                                                 secretariat_clerk: User) -> None:
    booking = book(legal_slot).booking
    refused(ValidationFailed, "reason_required", "reason", lambda: records.booking_personal_data_reveal(
        actor=secretariat_clerk, booking_id=booking.pk, reason=" x "))
    refused(NotFound, "not_found", None, lambda: records.booking_personal_data_reveal(
        actor=secretariat_clerk, booking_id=UNKNOWN, reason="聯繫改期"))
    refused(PermissionRefused, "permission_denied", None, lambda: records.booking_personal_data_reveal(
        actor=auditor, booking_id=booking.pk, reason="稽核抽查"))


def test_a_walk_in_without_name_or_phone_has_nothing_to_reveal(associations, secretariat_clerk: User,
                                                               auditor: User) -> None:
    anonymous = records.walk_in_record(actor=secretariat_clerk, served_on=TODAY, field="legal")
    named = records.walk_in_record(actor=secretariat_clerk, served_on=TODAY, field="legal", citizen_phone="0912345678")
    refused(ValidationFailed, "nothing_to_show", None, lambda: records.walk_in_personal_data_reveal(
        actor=secretariat_clerk, consultation_id=anonymous.pk, reason="回電"))
    refused(NotFound, "not_found", None, lambda: records.walk_in_personal_data_reveal(
        actor=secretariat_clerk, consultation_id=UNKNOWN, reason="回電"))
    refused(PermissionRefused, "permission_denied", None, lambda: records.walk_in_personal_data_reveal(
        actor=auditor, consultation_id=named.pk, reason="稽核抽查"))
    refused(ValidationFailed, "reason_required", "reason", lambda: records.walk_in_personal_data_reveal(
        actor=secretariat_clerk, consultation_id=named.pk, reason=""))


# --- The volunteer roster, daily counts and trainings -------------------------------------------------------------

@pytest.fixture
def volunteer(secretariat_clerk: User) -> Any:
    return roster.volunteer_create(actor=secretariat_clerk, name="張志明", phone="0933123456",
                                   email="chang@example.com")


@pytest.mark.parametrize(("name", "email", "code", "field"), [
    ("  ", "", "missing_fields", "name"),
    ("李春嬌", "li@", "invalid", "email"),
])
def test_a_volunteer_the_clerk_must_correct_is_neither_added_nor_changed(volunteer, secretariat_clerk: User,
                                                                         name: str, email: str, code: str,
                                                                         field: str) -> None:
    refused(ValidationFailed, code, field,
            lambda: roster.volunteer_create(actor=secretariat_clerk, name=name, email=email))
    refused(ValidationFailed, code, field,
            lambda: roster.volunteer_update(actor=secretariat_clerk, volunteer_id=volunteer.pk, name=name, email=email))


def test_changing_an_unknown_volunteer_is_not_found(secretariat_clerk: User) -> None:
    refused(NotFound, "not_found", None,
            lambda: roster.volunteer_update(actor=secretariat_clerk, volunteer_id=UNKNOWN, name="某人"))


@pytest.mark.parametrize("who", ["auditor", "liaison", "councillor"])
def test_only_the_secretariat_changes_the_roster_or_unmasks_it(request, volunteer, who: str) -> None:
    actor = request.getfixturevalue(who)
    refused(PermissionRefused, "permission_denied", None, lambda: roster.volunteer_update(
        actor=actor, volunteer_id=volunteer.pk, name="改名", is_active=False))
    refused(PermissionRefused, "permission_denied", None, lambda: roster.volunteer_personal_data_reveal(
        actor=actor, volunteer_id=volunteer.pk, reason="聯繫"))


def test_revealing_a_volunteer_needs_contacts_a_reason_and_an_id(volunteer, secretariat_clerk: User) -> None:
    silent = roster.volunteer_create(actor=secretariat_clerk, name="無聯絡")
    refused(ValidationFailed, "nothing_to_show", None, lambda: roster.volunteer_personal_data_reveal(
        actor=secretariat_clerk, volunteer_id=silent.pk, reason="排班聯繫"))
    refused(ValidationFailed, "reason_required", "reason", lambda: roster.volunteer_personal_data_reveal(
        actor=secretariat_clerk, volunteer_id=volunteer.pk, reason="  "))
    refused(NotFound, "not_found", None, lambda: roster.volunteer_personal_data_reveal(
        actor=secretariat_clerk, volunteer_id=UNKNOWN, reason="排班聯繫"))


@pytest.mark.parametrize(("people", "leaflets", "code", "field"), [
    (True, 0, "invalid", "people_served"),
    ("12", 0, "invalid", "people_served"),
    (12.5, 0, "invalid", "people_served"),
    (1_000_001, 0, "invalid", "people_served"),
    (0, -1, "negative_count", "leaflets"),
    (0, None, "invalid", "leaflets"),
])
def test_counts_that_are_not_plausible_whole_numbers_are_refused(posts: dict[str, Post], secretariat_clerk: User,
                                                                 people: Any, leaflets: Any, code: str,
                                                                 field: str) -> None:
    refused(ValidationFailed, code, field, lambda: roster.daily_count_record(
        actor=secretariat_clerk, post_id=posts["east-gate"].pk, date=TODAY, people_served=people, leaflets=leaflets))


def test_counts_for_an_unknown_or_closed_post_or_for_tomorrow_are_refused(posts: dict[str, Post],
                                                                         secretariat_clerk: User) -> None:
    Post.objects.filter(pk=posts["west-gate"].pk).update(is_active=False)
    for post_id in (UNKNOWN, posts["west-gate"].pk):
        refused(ValidationFailed, "invalid", "post", partial(roster.daily_count_record,
            actor=secretariat_clerk, post_id=post_id, date=TODAY, people_served=1, leaflets=1))
    refused(ValidationFailed, "future_date", "date", lambda: roster.daily_count_record(
        actor=secretariat_clerk, post_id=posts["east-gate"].pk, date=TOMORROW, people_served=1, leaflets=1))


def test_a_refused_count_keeps_the_days_first_entry(posts: dict[str, Post], secretariat_clerk: User,
                                                    auditor: User) -> None:
    post = posts["east-gate"].pk
    roster.daily_count_record(actor=secretariat_clerk, post_id=post, date=TODAY, people_served=40, leaflets=9)
    refused(ValidationFailed, "negative_count", "people_served", lambda: roster.daily_count_record(
        actor=secretariat_clerk, post_id=post, date=TODAY, people_served=-40, leaflets=9))
    refused(PermissionRefused, "permission_denied", None, lambda: roster.daily_count_record(
        actor=auditor, post_id=post, date=TODAY, people_served=0, leaflets=0))


def test_a_training_needs_a_title_attendees_on_the_roster_and_a_recorder(volunteer, secretariat_clerk: User,
                                                                         liaison: User) -> None:
    refused(ValidationFailed, "missing_fields", "title", lambda: roster.training_record(
        actor=secretariat_clerk, held_on=TODAY, title="  ", attendee_ids=[volunteer.pk]))
    refused(ValidationFailed, "invalid", "attendees", lambda: roster.training_record(
        actor=secretariat_clerk, held_on=TODAY, title="研習", attendee_ids=[volunteer.pk, UNKNOWN]))
    refused(PermissionRefused, "permission_denied", None, lambda: roster.training_record(
        actor=liaison, held_on=TODAY, title="研習"))
    # The same volunteer named twice is one attendee, not a refusal.
    training = roster.training_record(actor=secretariat_clerk, held_on=TODAY, title="研習",
                                      attendee_ids=[volunteer.pk, volunteer.pk])
    assert training.attendees.count() == 1


def test_post_edits_the_administrator_must_correct(posts: dict[str, Post], secretariat_admin: User,
                                                   secretariat_clerk: User) -> None:
    east = posts["east-gate"]
    refused(ValidationFailed, "missing_fields", "name",
            lambda: roster.post_save(actor=secretariat_admin, code="plaza", name=" "))
    refused(Conflict, "duplicate", "name",
            lambda: roster.post_save(actor=secretariat_admin, code="plaza", name=east.name))
    refused(Conflict, "duplicate", "name",
            lambda: roster.post_save(actor=secretariat_admin, code=east.code, name="市民廣場"))
    refused(PermissionRefused, "permission_denied", None,
            lambda: roster.post_save(actor=secretariat_clerk, post=east, code=east.code, name="改名"))
    assert roster.post_save(actor=SYSTEM, post=east, code=east.code, name=east.name, sort_order=3).sort_order == 3


# --- Shifts and attendance -------------------------------------------------------------------------------------------

def plan(actor: Any, volunteer_id: int, post: Post, start: dt.datetime, end: dt.datetime) -> Any:
    return shifts.shift_plan(actor=actor, volunteer_id=volunteer_id, post_id=post.pk, starts_at=start, ends_at=end)


@pytest.mark.parametrize(("start", "end"), [((9, 0), (9, 0)), ((12, 0), (9, 0)), ((6, 0), (18, 1))])
def test_a_shift_that_ends_too_soon_or_too_late_is_refused_on_its_end(volunteer, posts: dict[str, Post],
                                                                      secretariat_clerk: User, start: tuple[int, int],
                                                                      end: tuple[int, int]) -> None:
    refused(ValidationFailed, "invalid_times", "ends_at", lambda: plan(
        secretariat_clerk, volunteer.pk, posts["east-gate"], local(TOMORROW, *start), local(TOMORROW, *end)))


def test_twelve_hours_is_the_longest_shift(volunteer, posts: dict[str, Post], secretariat_clerk: User) -> None:
    assert plan(secretariat_clerk, volunteer.pk, posts["east-gate"], local(TOMORROW, 6),
                local(TOMORROW, 18)).minutes == 720


def test_a_shift_for_a_volunteer_off_the_roster_or_a_closed_post_is_refused(volunteer, posts: dict[str, Post],
                                                                           secretariat_clerk: User) -> None:
    roster.volunteer_update(actor=secretariat_clerk, volunteer_id=volunteer.pk, name=volunteer.name, is_active=False)
    Post.objects.filter(pk=posts["west-gate"].pk).update(is_active=False)
    start, end = local(TOMORROW, 9), local(TOMORROW, 12)
    for volunteer_id in (volunteer.pk, UNKNOWN):
        refused(ValidationFailed, "invalid", "volunteer",
                partial(plan, secretariat_clerk, volunteer_id, posts["east-gate"], start, end))
    refused(ValidationFailed, "invalid", "post", lambda: plan(secretariat_clerk, volunteer.pk, posts["west-gate"],
                                                              start, end))


def test_an_overlap_names_the_shift_already_planned(volunteer, posts: dict[str, Post],
                                                    secretariat_clerk: User) -> None:
    plan(secretariat_clerk, volunteer.pk, posts["east-gate"], local(TOMORROW, 9), local(TOMORROW, 12))
    with nothing_written(), pytest.raises(Conflict) as error:
        plan(secretariat_clerk, volunteer.pk, posts["north-gate"], local(TOMORROW, 11, 30), local(TOMORROW, 13))
    assert_refusal(error.value, Conflict, "shift_overlap", "starts_at")
    message = error.value.render()
    assert posts["east-gate"].name in message
    assert "09:00" in message
    assert "12:00" in message


@pytest.mark.parametrize("who", ["auditor", "liaison", "outsider", "councillor"])
def test_only_the_secretariat_plans_removes_or_takes_attendance(request, volunteer, posts: dict[str, Post],
                                                                secretariat_clerk: User, who: str) -> None:
    actor = request.getfixturevalue(who)
    past = plan(secretariat_clerk, volunteer.pk, posts["east-gate"], local(TODAY - dt.timedelta(days=1), 9),
                local(TODAY - dt.timedelta(days=1), 12))
    refused(PermissionRefused, "permission_denied", None, lambda: plan(
        actor, volunteer.pk, posts["east-gate"], local(TOMORROW, 9), local(TOMORROW, 12)))
    refused(PermissionRefused, "permission_denied", None,
            lambda: shifts.shift_remove(actor=actor, shift_id=past.pk))
    refused(PermissionRefused, "permission_denied", None,
            lambda: shifts.shift_attendance_record(actor=actor, shift_id=past.pk, attended=True))


def test_an_unknown_shift_is_not_found(secretariat_clerk: User) -> None:
    refused(NotFound, "not_found", None, lambda: shifts.shift_remove(actor=secretariat_clerk, shift_id=UNKNOWN))
    refused(NotFound, "not_found", None, lambda: shifts.shift_attendance_record(
        actor=secretariat_clerk, shift_id=UNKNOWN, attended=False))


@pytest.mark.parametrize("minutes", [0, -30, 721, True])
def test_minutes_served_are_between_1_and_720(volunteer, posts: dict[str, Post], secretariat_clerk: User,
                                              minutes: Any) -> None:
    day = TODAY - dt.timedelta(days=1)
    shift = plan(secretariat_clerk, volunteer.pk, posts["east-gate"], local(day, 9), local(day, 12))
    refused(ValidationFailed, "invalid", "minutes", lambda: shifts.shift_attendance_record(
        actor=secretariat_clerk, shift_id=shift.pk, attended=True, minutes=minutes))


def test_attendance_before_the_shift_began_and_removal_after_it_was_taken(volunteer, posts: dict[str, Post],
                                                                          secretariat_clerk: User) -> None:
    ahead = plan(secretariat_clerk, volunteer.pk, posts["east-gate"], local(TOMORROW, 9), local(TOMORROW, 12))
    refused(ValidationFailed, "not_yet", None, lambda: shifts.shift_attendance_record(
        actor=secretariat_clerk, shift_id=ahead.pk, attended=False))
    day = TODAY - dt.timedelta(days=1)
    done = plan(secretariat_clerk, volunteer.pk, posts["east-gate"], local(day, 9), local(day, 12))
    shifts.shift_attendance_record(actor=secretariat_clerk, shift_id=done.pk, attended=False)
    refused(Conflict, "shift_attended", None, lambda: shifts.shift_remove(actor=secretariat_clerk, shift_id=done.pk))


# --- The counter's tally, undo and categories ----------------------------------------------------------------------

@pytest.mark.parametrize(("values", "code", "field"), [
    ({"category_code": "civil", "channel": "fax"}, "unknown_channel", "channel"),
    ({"category_code": "civil", "note": "字" * 301}, "note_too_long", "note"),
    ({"category_code": "weather"}, "unknown_category", "category"),
    ({"category_id": UNKNOWN}, "unknown_category", "category"),
    ({}, "unknown_category", "category"),
])
def test_a_tally_the_clerk_must_correct_leaves_the_days_counts_alone(categories, counter_clerk: User,
                                                                     on_working_day: dt.date,
                                                                     values: dict[str, Any], code: str,
                                                                     field: str) -> None:
    tally.enquiry_record(actor=counter_clerk, category_code="civil")
    refused(ValidationFailed, code, field, lambda: tally.enquiry_record(actor=counter_clerk, **values))


def test_a_note_of_exactly_300_characters_is_kept(categories, counter_clerk: User, on_working_day: dt.date) -> None:
    assert len(tally.enquiry_record(actor=counter_clerk, category_code="civil", note="字" * 300).note) == 300


@pytest.mark.parametrize("who", ["auditor", "liaison", "agency_head", "councillor"])
def test_only_the_secretariats_staff_tally_undo_or_record_petition_help(request, categories, on_working_day: dt.date,
                                                                        who: str) -> None:
    actor = request.getfixturevalue(who)
    refused(PermissionRefused, "permission_denied", None,
            lambda: tally.enquiry_record(actor=actor, category_code="civil"))
    refused(PermissionRefused, "permission_denied", None, lambda: tally.enquiry_undo(actor=actor))
    refused(PermissionRefused, "permission_denied", None, lambda: petition_help_record(
        actor=actor, helped_on=WORKING_DAY, kind=HelpKind.INDIVIDUAL, action_taken="說明"))


def test_a_clerk_cannot_undo_a_colleagues_entry(categories, counter_clerk: User, secretariat_clerk: User,
                                                on_working_day: dt.date) -> None:
    colleague = tally.enquiry_record(actor=counter_clerk, category_code="civil")
    refused(NotFound, "nothing_to_undo", None, lambda: tally.enquiry_undo(actor=secretariat_clerk))
    refused(NotFound, "nothing_to_undo", None,
            lambda: tally.enquiry_undo(actor=secretariat_clerk, enquiry_id=colleague.pk))


def test_undo_twice_takes_back_two_entries_then_stops(categories, counter_clerk: User,
                                                     on_working_day: dt.date) -> None:
    first = tally.enquiry_record(actor=counter_clerk, category_code="civil", at=at(WORKING_DAY, 9))
    second = tally.enquiry_record(actor=counter_clerk, category_code="civil", at=at(WORKING_DAY, 9, 5))
    assert tally.enquiry_undo(actor=counter_clerk, enquiry_id=second.pk).pk == second.pk
    refused(Conflict, "not_last_entry", None, lambda: tally.enquiry_undo(actor=counter_clerk, enquiry_id=second.pk))
    assert tally.enquiry_undo(actor=counter_clerk, enquiry_id=first.pk).pk == first.pk
    refused(NotFound, "nothing_to_undo", None, lambda: tally.enquiry_undo(actor=counter_clerk))


def test_closed_days_refuse_the_tally_in_words_with_the_day(categories, counter_clerk: User, clock) -> None:
    from secretariat.counters.tests.enquiry_helpers import HOLIDAY

    clock(at(HOLIDAY))
    with nothing_written(), pytest.raises(ValidationFailed) as error:
        tally.enquiry_record(actor=counter_clerk, category_code="civil")
    assert_refusal(error.value, ValidationFailed, "counter_closed")
    assert "112" in error.value.render()  # the day in the ROC calendar


@pytest.mark.parametrize(("values", "code", "field"), [
    ({"code": " ", "name": "觀光", "hotkey": "t"}, "missing_fields", "name"),
    ({"code": "tourism", "name": "觀光", "hotkey": "tt"}, "invalid_hotkey", "hotkey"),
    ({"code": "tourism", "name": "觀光", "hotkey": "!"}, "invalid_hotkey", "hotkey"),
    ({"code": "tourism", "name": "觀光", "hotkey": ""}, "invalid_hotkey", "hotkey"),
    ({"code": "tourism", "name": "觀光", "hotkey": "t", "sort_order": -1}, "invalid", "sort_order"),
    ({"code": "civil", "name": "觀光", "hotkey": "t"}, "duplicate_category", "hotkey"),
    ({"code": "tourism", "name": "民政", "hotkey": "t"}, "duplicate_category", "hotkey"),
    ({"code": "tourism", "name": "觀光", "hotkey": "1"}, "duplicate_category", "hotkey"),
])
def test_category_edits_the_administrator_must_correct(categories, secretariat_admin: User, values: dict[str, Any],
                                                       code: str, field: str) -> None:
    refused(ValidationFailed, code, field, lambda: tally.category_save(actor=secretariat_admin, **values))


def test_changing_a_category_to_clash_with_another_keeps_both(categories: dict[str, EnquiryCategory],
                                                              secretariat_admin: User) -> None:
    civil = categories["civil"]
    refused(ValidationFailed, "duplicate_category", "hotkey", lambda: tally.category_save(
        actor=secretariat_admin, category=civil, code=civil.code, name=civil.name, hotkey="2"))


@pytest.mark.parametrize("who", ["counter_clerk", "auditor", "liaison"])
def test_only_the_administrator_edits_categories(request, categories, who: str) -> None:
    actor = request.getfixturevalue(who)
    refused(PermissionRefused, "permission_denied", None,
            lambda: tally.category_save(actor=actor, code="tourism", name="觀光", hotkey="t"))


def test_a_switched_off_administrator_edits_no_category(categories, secretariat_admin: User) -> None:
    secretariat_admin.is_active = False
    secretariat_admin.save(update_fields=["is_active"])
    refused(PermissionRefused, "permission_denied", None,
            lambda: tally.category_save(actor=secretariat_admin, code="tourism", name="觀光", hotkey="t"))


# --- Petition help ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "people"), [(HelpKind.INDIVIDUAL, 0), (HelpKind.COLLECTIVE, MAX_PEOPLE + 1)])
def test_petition_help_for_no_one_or_a_crowd_beyond_belief_is_refused(counter_clerk: User, on_working_day: dt.date,
                                                                      kind: str, people: int) -> None:
    refused(ValidationFailed, "invalid_people", "people_count", lambda: petition_help_record(
        actor=counter_clerk, helped_on=WORKING_DAY, kind=kind, people_count=people, action_taken="協助"))


def test_petition_help_naming_an_unknown_case_says_which_number(counter_clerk: User, on_working_day: dt.date) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as error:
        petition_help_record(actor=counter_clerk, helped_on=WORKING_DAY, kind=HelpKind.INDIVIDUAL,
                             action_taken="協助", petition_reference=" abc-123 ")
    assert_refusal(error.value, ValidationFailed, "unknown_petition", "petition_reference")
    assert "ABC-123" in error.value.render()
