"""Consultation services: publishing slots, the public booking (no double booking, past and taken slots
refused, rate limit), cancelling with the token, serving, walk-ins, the logged reveal, and reminders."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from secretariat.accounts.models import User
from secretariat.audit.models import AuditEntry, PersonalDataAccess
from secretariat.core.changes import SYSTEM
from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.core.models import SiteSetting
from secretariat.counters.models import Association, Booking, BookingStatus, Consultation, ConsultationField, Slot
from secretariat.counters.services.consultation_bookings import (
    BOOKINGS_PER_HOUR,
    TooManyBookings,
    booking_cancel,
    booking_reminders_send,
)
from secretariat.counters.services.consultation_records import (
    booking_no_show,
    booking_personal_data_reveal,
    booking_serve,
    walk_in_record,
)
from secretariat.counters.services.consultation_slots import slot_publish, slot_withdraw
from secretariat.counters.tests.consultation_helpers import CITIZEN, associations, book, legal_slot, make_slot

pytestmark = pytest.mark.django_db
__all__ = ["associations", "legal_slot"]

TOMORROW = timezone.localdate() + dt.timedelta(days=1)


def test_the_secretariat_publishes_a_slot_with_the_associations_field(associations, secretariat_clerk: User) -> None:
    slot = slot_publish(actor=secretariat_clerk, association_id=associations["architecture"].pk, date=TOMORROW,
                        starts_at=dt.time(9), ends_at=dt.time(9, 30), mode="remote")
    assert slot.field == ConsultationField.ARCHITECTURE
    assert slot.mode == "remote"
    assert AuditEntry.objects.filter(action="counters.slot_publish", target_id=str(slot.pk)).exists()


def test_an_associations_account_publishes_only_its_own_slots(associations, make_persona) -> None:
    lawyer = make_persona("lawyer", "律師公會窗口", "councillor")
    legal = associations["legal"]
    legal.accounts.add(lawyer)
    slot_publish(actor=lawyer, association_id=legal.pk, date=TOMORROW, starts_at=dt.time(10), ends_at=dt.time(10, 30))
    with pytest.raises(PermissionRefused):
        slot_publish(actor=lawyer, association_id=associations["land"].pk, date=TOMORROW, starts_at=dt.time(10),
                     ends_at=dt.time(10, 30))


@pytest.mark.parametrize("persona", ["liaison", "outsider", "auditor", "councillor"])
def test_others_may_not_publish(associations, persona: str, request: pytest.FixtureRequest) -> None:
    with pytest.raises(PermissionRefused):
        slot_publish(actor=request.getfixturevalue(persona), association_id=associations["legal"].pk, date=TOMORROW,
                     starts_at=dt.time(10), ends_at=dt.time(10, 30))


def test_bad_slots_are_refused_and_nothing_is_written(associations, secretariat_clerk: User) -> None:
    legal = associations["legal"].pk
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    for date, start, end in ((yesterday, dt.time(9), dt.time(10)), (TOMORROW, dt.time(10), dt.time(9))):
        with pytest.raises(ValidationFailed):
            slot_publish(actor=secretariat_clerk, association_id=legal, date=date, starts_at=start, ends_at=end)
    slot_publish(actor=secretariat_clerk, association_id=legal, date=TOMORROW, starts_at=dt.time(9),
                 ends_at=dt.time(9, 30))
    with pytest.raises(Conflict):
        slot_publish(actor=secretariat_clerk, association_id=legal, date=TOMORROW, starts_at=dt.time(9),
                     ends_at=dt.time(9, 30))
    assert Slot.objects.count() == 1


def test_a_citizen_books_a_free_slot_and_gets_the_cancel_link(legal_slot: Slot,
                                                              django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        booked = book(legal_slot)
    booking = booked.booking
    assert booking.status == BookingStatus.BOOKED
    assert booking.token_hash != booked.token  # only the hash is stored
    assert len(mail.outbox) == 1
    assert booked.token in mail.outbox[0].body
    entry = AuditEntry.objects.get(action="counters.booking_create")
    assert CITIZEN["name"] not in str(entry.after)  # personal data stays out of the trail


def test_a_second_booking_of_the_same_slot_is_refused(legal_slot: Slot) -> None:
    book(legal_slot)
    with pytest.raises(Conflict) as refused:
        book(legal_slot, name="李大同", phone="0922000111", ip="198.51.100.7")
    assert refused.value.code == "slot_taken"
    assert Booking.objects.count() == 1


def test_the_database_itself_refuses_two_active_bookings_of_a_slot(legal_slot: Slot) -> None:
    Booking.objects.create(slot=legal_slot, name="甲", phone="0911", question="q", token_hash="a")
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(slot=legal_slot, name="乙", phone="0922", question="q", token_hash="b")
    # A cancelled booking does not hold the slot.
    Booking.objects.filter(token_hash="a").update(status=BookingStatus.CANCELLED)
    Booking.objects.create(slot=legal_slot, name="乙", phone="0922", question="q", token_hash="b")


def test_a_past_or_begun_slot_cannot_be_booked(associations) -> None:
    past = make_slot(associations["legal"], days=-1)
    with pytest.raises(ValidationFailed) as refused:
        book(past)
    assert refused.value.code == "slot_past"
    assert not Booking.objects.exists()


def test_a_withdrawn_or_unknown_slot_cannot_be_booked(legal_slot: Slot, secretariat_clerk: User) -> None:
    slot_withdraw(actor=secretariat_clerk, slot_id=legal_slot.pk)
    with pytest.raises(NotFound):
        book(legal_slot)
    with pytest.raises(NotFound):
        book(Slot(pk=999_999))


def test_a_booked_slot_cannot_be_withdrawn(legal_slot: Slot, secretariat_clerk: User) -> None:
    book(legal_slot)
    with pytest.raises(Conflict):
        slot_withdraw(actor=secretariat_clerk, slot_id=legal_slot.pk)


@pytest.mark.parametrize(("field", "value"), [("name", ""), ("phone", "12"), ("email", "not-an-address"),
                                              ("question", ""), ("question", "字" * 501)])
def test_bad_contact_data_is_refused(legal_slot: Slot, field: str, value: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        book(legal_slot, **{field: value})
    assert refused.value.field == field
    assert not Booking.objects.exists()


def test_the_wrong_field_for_the_slot_is_refused(legal_slot: Slot) -> None:
    with pytest.raises(ValidationFailed):
        book(legal_slot, field="land")


def test_one_address_may_book_only_so_often(associations) -> None:
    SiteSetting.objects.update_or_create(key=BOOKINGS_PER_HOUR, defaults={"value": 2})
    slots = [make_slot(associations["legal"], hour=9 + index) for index in range(3)]
    book(slots[0])
    book(slots[1])
    with pytest.raises(TooManyBookings) as refused:
        book(slots[2])
    assert refused.value.status == 429
    book(slots[2], ip="198.51.100.9")  # another address is not held back


def test_the_citizen_cancels_with_the_token_and_the_slot_opens_again(legal_slot: Slot) -> None:
    booked = book(legal_slot)
    cancelled = booking_cancel(token=booked.token)
    assert cancelled.status == BookingStatus.CANCELLED
    assert booking_cancel(token=booked.token).status == BookingStatus.CANCELLED  # a second click changes nothing
    book(legal_slot, ip="198.51.100.8")
    with pytest.raises(NotFound):
        booking_cancel(token="wrong")


def test_staff_record_the_booked_citizen_as_served(associations, secretariat_clerk: User) -> None:
    slot = make_slot(associations["legal"], days=2)
    booking = book(slot).booking
    with pytest.raises(ValidationFailed):  # the day has not come
        booking_serve(actor=secretariat_clerk, booking_id=booking.pk)
    Slot.objects.filter(pk=slot.pk).update(date=timezone.localdate())
    consultation = booking_serve(actor=secretariat_clerk, booking_id=booking.pk)
    assert (consultation.field, consultation.mode, consultation.is_walk_in) == ("legal", "on_site", False)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.SERVED
    with pytest.raises(Conflict):
        booking_serve(actor=secretariat_clerk, booking_id=booking.pk)
    with pytest.raises(Conflict):
        booking_no_show(actor=secretariat_clerk, booking_id=booking.pk)


def test_walk_ins_are_recorded_by_staff_only(associations, secretariat_clerk: User, auditor: User) -> None:
    today = timezone.localdate()
    row = walk_in_record(actor=secretariat_clerk, served_on=today, field="land", mode="remote",
                         association_id=associations["land"].pk, citizen_name="林美玲")
    assert row.is_walk_in
    with pytest.raises(PermissionRefused):
        walk_in_record(actor=auditor, served_on=today, field="land")
    with pytest.raises(ValidationFailed):
        walk_in_record(actor=secretariat_clerk, served_on=today + dt.timedelta(days=1), field="land")
    with pytest.raises(ValidationFailed):
        walk_in_record(actor=secretariat_clerk, served_on=today, field="astrology")
    with pytest.raises(ValidationFailed):  # the architects do not give land consultations
        walk_in_record(actor=secretariat_clerk, served_on=today, field="land",
                       association_id=associations["architecture"].pk)
    assert Consultation.objects.count() == 1


def test_revealing_a_citizen_needs_a_reason_and_is_logged(legal_slot: Slot, secretariat_clerk: User,
                                                         auditor: User) -> None:
    booking = book(legal_slot).booking
    with pytest.raises(ValidationFailed):
        booking_personal_data_reveal(actor=secretariat_clerk, booking_id=booking.pk, reason="")
    with pytest.raises(PermissionRefused):
        booking_personal_data_reveal(actor=auditor, booking_id=booking.pk, reason="稽核")
    assert not PersonalDataAccess.objects.exists()
    shown = booking_personal_data_reveal(actor=secretariat_clerk, booking_id=booking.pk, reason="電話聯繫改期")
    assert shown["phone"] == CITIZEN["phone"]
    access = PersonalDataAccess.objects.get()
    assert access.actor == secretariat_clerk
    assert access.fields == ["name", "phone", "email"]


def test_reminders_go_once_to_the_citizens_booked_for_tomorrow(associations,
                                                                django_capture_on_commit_callbacks) -> None:
    tomorrow = make_slot(associations["legal"], days=1)
    later = make_slot(associations["legal"], days=5)
    no_mail = make_slot(associations["land"], days=1)
    book(tomorrow)
    book(later)
    book(no_mail, email="")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert booking_reminders_send() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [CITIZEN["email"]]
    assert booking_reminders_send() == 0  # a rerun sends nobody twice


def test_the_system_actor_may_publish(associations) -> None:
    slot = slot_publish(actor=SYSTEM, association_id=associations["legal"].pk, date=TOMORROW, starts_at=dt.time(15),
                        ends_at=dt.time(15, 30))
    assert slot.published_by is None
    assert Association.objects.count() == 3


def test_the_daily_task_sends_the_reminders(associations, django_capture_on_commit_callbacks) -> None:
    from secretariat.counters.tasks import consultation_reminders

    book(make_slot(associations["legal"], days=1))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert consultation_reminders() == "1 consultation reminders sent"
    assert len(mail.outbox) == 1
