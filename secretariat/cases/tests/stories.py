"""Small helpers the case tests share: moments in Taipei time and taking a step as a person."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from secretariat.accounts.models import Agency
from secretariat.cases.models import Case
from secretariat.cases.services import case_transition

TAIPEI = ZoneInfo("Asia/Taipei")
NOTE_KIND = "memo"  # the second kind: a plain tracked note with 3 working days and no 30-day cap


def at(day: str, hour: int = 10, minute: int = 0) -> dt.datetime:
    """10:00 Taipei time on `day` (YYYY-MM-DD): the moment a step is taken in a story."""
    return dt.datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=TAIPEI)


def take(actor: Any, case: Case, name: str, *, on: str | None = None, version: int | None = None,
         **data: Any) -> Case:
    """`actor` takes step `name` (on the day `on`, default now) and the case as it is afterwards."""
    case_transition(actor=actor, case_id=case.pk, name=name, version=version, data=data,
                    at=at(on) if on else None)
    return Case.objects.get(pk=case.pk)


def agency(short_name: str) -> Agency:
    return Agency.objects.get(short_name=short_name)
