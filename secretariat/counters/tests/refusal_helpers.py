"""What "nothing was written" means in the counters' refusal tests: no row of any counters table (the
training attendees and association accounts too), no audit row, no logged reveal of personal data and no
mail came or went, and no booking, slot, shift, count, entry, volunteer or reference row changed."""

from __future__ import annotations

from contextlib import AbstractContextManager

from secretariat.audit.models import PersonalDataAccess
from secretariat.counters.models import (
    Association,
    Booking,
    DailyCount,
    Enquiry,
    EnquiryCategory,
    EnquiryDay,
    Post,
    Shift,
    Slot,
    Volunteer,
)
from tests import refusals
from tests.refusals import assert_refusal

state = refusals.watcher(app_labels=["counters"], models=[PersonalDataAccess], rows={
    Booking: ["status", "cancelled_at", "reminded_at"],
    Slot: ["is_withdrawn", "date", "starts_at"],
    Shift: ["attended", "attended_minutes", "starts_at", "ends_at"],
    DailyCount: ["people_served", "leaflets"],
    Enquiry: ["cancelled_at"],
    EnquiryDay: ["count"],
    EnquiryCategory: ["code", "name", "hotkey", "sort_order", "is_active"],
    Volunteer: ["name", "phone", "email", "skills", "availability", "is_active"],
    Association: ["name", "field", "is_active"],
    Post: ["code", "name", "is_active"],
})


def nothing_written() -> AbstractContextManager[None]:
    """Fails the test if the block changed any of `state()`."""
    return refusals.nothing_written(state)


__all__ = ["assert_refusal", "nothing_written", "state"]
