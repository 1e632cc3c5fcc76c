"""The daily summary the statistics read is always the count of the enquiries themselves: after any mix of
tallies and undos, after a rebuild, and when clerks make the first tally of a day at the same moment."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import threading
from collections.abc import Callable

import pytest
from django.db import connection

from secretariat.accounts.constants import Role
from secretariat.accounts.models import User
from secretariat.core.errors import NotFound
from secretariat.counters.models import Enquiry, EnquiryCategory, EnquiryDay
from secretariat.counters.selectors.enquiries import enquiry_counts, enquiry_counts_from_records
from secretariat.counters.services.enquiries import enquiry_days_rebuild, enquiry_record, enquiry_undo
from secretariat.counters.tests.enquiry_helpers import WORKING_DAY, at, categories

__all__ = ["categories"]
START, END = dt.date(2023, 7, 1), dt.date(2023, 12, 31)
DAYS = [dt.date(2023, 10, 2), WORKING_DAY, dt.date(2023, 11, 1), dt.date(2023, 9, 23)]


@pytest.mark.django_db
def test_the_summary_follows_every_tally_and_undo(categories: dict[str, EnquiryCategory],
                                                  make_persona: Callable[..., User]) -> None:
    clerks = [make_persona(f"clerk{number}", f"櫃台{number}", Role.SECRETARIAT_STAFF, "秘書處", "市民服務組")
              for number in range(3)]
    rng = random.Random(5)  # a repeatable mix of presses
    codes = list(categories)
    for step in range(80):
        clerk, day = rng.choice(clerks), rng.choice(DAYS)
        moment = at(day, 9 + step // 10, step % 60)
        if rng.random() < 0.25:
            with contextlib.suppress(NotFound):  # nothing of this clerk's left that day
                enquiry_undo(actor=clerk, at=moment)
        else:
            enquiry_record(actor=clerk, category_code=rng.choice(codes), at=moment)
    counts = enquiry_counts(start=START, end=END)
    assert counts == enquiry_counts_from_records(start=START, end=END)
    assert sum(counts.values()) == Enquiry.objects.filter(cancelled_at__isnull=True).count()


@pytest.mark.django_db
def test_a_rebuild_recomputes_the_summary_from_the_records(categories: dict[str, EnquiryCategory],
                                                           make_persona: Callable[..., User]) -> None:
    clerk = make_persona("clerk9", "櫃台", Role.SECRETARIAT_STAFF, "秘書處", "市民服務組")
    for day in DAYS:
        enquiry_record(actor=clerk, category_code="civil", at=at(day))
    EnquiryDay.objects.all().update(count=99)  # as if a bulk load had skipped it
    assert enquiry_days_rebuild(start=START, end=END) == len(DAYS)
    assert enquiry_counts(start=START, end=END) == enquiry_counts_from_records(start=START, end=END)


THREADS = 6
PRESSES = 5


@pytest.mark.django_db(transaction=True)
def test_clerks_pressing_at_once_lose_no_count(categories: dict[str, EnquiryCategory],
                                               make_persona: Callable[..., User]) -> None:
    clerks = [make_persona(f"rush{number}", f"櫃台{number}", Role.SECRETARIAT_STAFF, "秘書處", "市民服務組")
              for number in range(THREADS)]
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def press(clerk: User) -> None:
        try:
            start.wait()
            for number in range(PRESSES):
                enquiry_record(actor=clerk, category_code="civil", at=at(WORKING_DAY, 10, number))
        except BaseException as error:  # reported by the main thread
            with lock:
                errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=press, args=(clerk,)) for clerk in clerks]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert EnquiryDay.objects.get(day=WORKING_DAY, category=categories["civil"]).count == THREADS * PRESSES
    assert Enquiry.objects.count() == THREADS * PRESSES


@pytest.mark.django_db
def test_the_rebuild_command(categories: dict[str, EnquiryCategory], make_persona: Callable[..., User]) -> None:
    from io import StringIO

    from django.core.management import CommandError, call_command

    clerk = make_persona("clerk8", "櫃台", Role.SECRETARIAT_STAFF, "秘書處", "市民服務組")
    enquiry_record(actor=clerk, category_code="civil", at=at(WORKING_DAY))
    EnquiryDay.objects.all().delete()
    out = StringIO()
    call_command("counters_rebuild_enquiry_days", "--from", "112/10", "--to", "112/10", stdout=out)
    assert "1 daily summary rows" in out.getvalue()
    assert EnquiryDay.objects.get().count == 1
    with pytest.raises(CommandError):
        call_command("counters_rebuild_enquiry_days", "--from", "112/13", "--to", "112/10")
