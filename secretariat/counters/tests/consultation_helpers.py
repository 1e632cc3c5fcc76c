"""Shared set-up for the consultation and volunteer tests: the reference associations and posts, a slot
a few days ahead, and a valid citizen's booking."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from secretariat.core.changes import SYSTEM
from secretariat.counters.models import Association, ConsultationField, Post, Slot
from secretariat.counters.services.consultation_bookings import Booked, booking_create
from secretariat.counters.services.reference import consultations as reference_consultations
from secretariat.counters.services.reference import volunteers as reference_volunteers

CITIZEN = {"name": "陳小華", "phone": "0912345678", "email": "hua@example.com", "question": "租屋押金糾紛如何處理？"}


@pytest.fixture
def associations(reference_data: None) -> dict[str, Association]:
    reference_consultations.load()
    return {association.field: association for association in Association.objects.all()}


@pytest.fixture
def posts(reference_data: None) -> dict[str, Post]:
    reference_volunteers.load()
    return {post.code: post for post in Post.objects.all()}


def make_slot(association: Association, *, days: int = 3, hour: int = 14, minute: int = 0, mode: str = "on_site",
              date: dt.date | None = None) -> Slot:
    """A slot written directly (not through slot_publish) so that tests may place one in the past."""
    return Slot.objects.create(association=association, field=association.field,
                               date=date or timezone.localdate() + dt.timedelta(days=days),
                               starts_at=dt.time(hour, minute), ends_at=dt.time(hour, minute + 30), mode=mode,
                               published_by=None)


@pytest.fixture
def legal_slot(associations: dict[str, Association]) -> Slot:
    return make_slot(associations[ConsultationField.LEGAL])


def book(slot: Slot, *, ip: str = "203.0.113.5", **overrides: Any) -> Booked:
    data = {**CITIZEN, **overrides}
    return booking_create(slot_id=slot.pk, client_ip=ip, **data)


__all__ = ["SYSTEM", "associations", "book", "legal_slot", "make_slot", "posts"]
