"""No double booking under concurrent requests: eight citizens press “Book” for the same slot at the same
moment, each in its own thread and database connection; exactly one gets it, the others are told it is
taken (409), and the slot holds one booking. Runs on SQLite and PostgreSQL (row lock + partial unique index)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection
from django.utils import timezone

from secretariat.core.errors import Conflict
from secretariat.counters.models import Association, Booking, Slot
from secretariat.counters.services.consultation_bookings import booking_create
from secretariat.counters.services.reference import consultations as reference_consultations

THREADS = 8


@pytest.mark.django_db(transaction=True)
def test_simultaneous_bookings_of_one_slot_give_it_to_exactly_one_citizen(reference_data: None) -> None:
    reference_consultations.load()
    association = Association.objects.get(field="legal")
    slot = Slot.objects.create(association=association, field="legal", date=timezone.localdate() + dt.timedelta(days=2),
                               starts_at=dt.time(14), ends_at=dt.time(14, 30))
    booked: list[int] = []
    refused: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def try_to_book(index: int) -> None:
        try:
            start.wait()
            result = booking_create(slot_id=slot.pk, name=f"市民{index}", phone=f"09120000{index:02d}",
                                    question="遺產繼承問題", client_ip=f"203.0.113.{index + 1}")
            with lock:
                booked.append(result.booking.pk)
        except Conflict as conflict:
            with lock:
                refused.append(conflict.code)
        except BaseException as error:  # reported by the main thread
            with lock:
                errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=try_to_book, args=(index,)) for index in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert errors == []
    assert len(booked) == 1
    assert refused == ["slot_taken"] * (THREADS - 1)
    assert Booking.objects.filter(slot=slot).count() == 1
