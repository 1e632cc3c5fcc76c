"""Gapless yearly numbering (文號, case numbers)."""

import threading

import pytest
from django.db import connection, transaction

from secretariat.core.models import Sequence
from secretariat.core.sequences import sequence_next, sequence_peek


class AbandonedError(Exception):
    """The request failed after taking a number."""


def take_a_number_then_fail(key="document", year=2023):
    with transaction.atomic():
        number = sequence_next(key=key, year=year)
        raise AbandonedError(number)


def test_the_first_number_of_a_year_is_one(db):
    assert sequence_next(key="document", year=2023) == 1


def test_each_number_is_one_more_than_the_last(db):
    taken = [sequence_next(key="document", year=2023) for _ in range(5)]
    assert taken == [1, 2, 3, 4, 5]


def test_numbering_restarts_each_year(db):
    sequence_next(key="document", year=2023)
    sequence_next(key="document", year=2023)
    assert sequence_next(key="document", year=2024) == 1
    assert sequence_next(key="document", year=2023) == 3


def test_each_key_has_its_own_numbering(db):
    sequence_next(key="document", year=2023)
    sequence_next(key="document", year=2023)
    assert sequence_next(key="petition", year=2023) == 1


def test_a_rolled_back_transaction_gives_its_number_back(db):
    assert sequence_next(key="document", year=2023) == 1
    with pytest.raises(AbandonedError) as abandoned:
        take_a_number_then_fail()
    assert abandoned.value.args == (2,)
    assert sequence_next(key="document", year=2023) == 2


def test_a_rolled_back_first_number_leaves_no_counter_behind(db):
    with pytest.raises(AbandonedError):
        take_a_number_then_fail()
    assert not Sequence.objects.exists()
    assert sequence_next(key="document", year=2023) == 1


def test_peeking_shows_the_last_number_without_taking_one(db):
    assert sequence_peek(key="document", year=2023) == 0
    sequence_next(key="document", year=2023)
    sequence_next(key="document", year=2023)
    assert sequence_peek(key="document", year=2023) == 2
    assert sequence_next(key="document", year=2023) == 3


THREADS = 8
NUMBERS_EACH = 10


@pytest.mark.django_db(transaction=True)
def test_simultaneous_requests_get_every_number_exactly_once():
    taken: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def take_numbers():
        try:
            start.wait()
            for _ in range(NUMBERS_EACH):
                with transaction.atomic():
                    number = sequence_next(key="document", year=2023)
                with lock:
                    taken.append(number)
        except BaseException as error:  # reported by the main thread
            with lock:
                errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=take_numbers) for _ in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert errors == []
    assert sorted(taken) == list(range(1, THREADS * NUMBERS_EACH + 1))
    assert sequence_peek(key="document", year=2023) == THREADS * NUMBERS_EACH
