"""Gapless yearly numbering for 文號 and case numbers.

The counter row is locked for the rest of the caller's transaction, so two requests taking a number
at the same moment queue, and a transaction that rolls back gives its number back: no gaps, no
duplicates. On SQLite the IMMEDIATE transaction mode gives the same guarantee (one writer at a time).
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from secretariat.core.models import Sequence


def sequence_next(*, key: str, year: int) -> int:
    """Take the next number of `key` in `year` (starting at 1). Call inside the writing transaction."""
    with transaction.atomic():
        row = Sequence.objects.select_for_update().filter(key=key, year=year).first()
        if row is None:
            try:
                with transaction.atomic():
                    row = Sequence.objects.create(key=key, year=year, last_value=0)
            except IntegrityError:
                # Another transaction created the counter first; lock theirs instead.
                row = Sequence.objects.select_for_update().get(key=key, year=year)
        row.last_value += 1
        row.save(update_fields=["last_value"])
        return row.last_value


def sequence_peek(*, key: str, year: int) -> int:
    """The last number given out (0 if none), without taking one."""
    return Sequence.objects.filter(key=key, year=year).values_list("last_value", flat=True).first() or 0
