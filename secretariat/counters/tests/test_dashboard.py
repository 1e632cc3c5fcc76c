"""The counter staff's home-page cards: the desk's tally of today, and today's bookings (the cancelled left
out, as on the linked list)."""

from __future__ import annotations

import pytest

from secretariat.core.dashboards import cards_for
from secretariat.counters.constants import ConsultationField
from secretariat.counters.services.consultation_bookings import booking_cancel
from secretariat.counters.services.enquiries import enquiry_record
from secretariat.counters.tests.consultation_helpers import associations, book, make_slot
from secretariat.counters.tests.enquiry_helpers import at, categories, clock, counter_clerk, on_working_day

pytestmark = pytest.mark.django_db
__all__ = ["associations", "categories", "clock", "counter_clerk", "on_working_day"]


def card(user, key):
    return next((view for view in cards_for(user) if view.key == key), None)


def test_the_desk_card_counts_todays_tally_as_the_counter_screen_does(counter_clerk, categories, on_working_day,
                                                                     client_for):
    for code in ("civil", "transport", "civil"):
        enquiry_record(actor=counter_clerk, category_code=code)

    desk = card(counter_clerk, "counters.desk")

    assert desk.count == 3
    assert client_for(counter_clerk).get(desk.url).context["board"].today_total == 3


def test_todays_bookings_leave_out_the_cancelled(counter_clerk, associations, on_working_day, clock, client_for):
    clock(at(on_working_day, 8))  # before the day's slots begin, so they may still be booked
    legal = associations[ConsultationField.LEGAL]
    kept = make_slot(legal, date=on_working_day, hour=14)
    cancelled = make_slot(legal, date=on_working_day, hour=15)
    make_slot(legal, days=1)  # tomorrow's slot, unbooked
    book(kept)
    booking_cancel(token=book(cancelled, ip="203.0.113.9").token)

    today = card(counter_clerk, "counters.bookings_today")

    assert today.count == 1
    assert len(client_for(counter_clerk).get(today.url).context["bookings"]) == 1


def test_a_liaison_has_no_counter_cards(liaison):
    assert card(liaison, "counters.desk") is None
    assert card(liaison, "counters.bookings_today") is None
