"""The one check that every value from outside passes before it reaches a service or the database.

Text may not hold the NUL character (PostgreSQL cannot store it) nor a lone surrogate (it cannot be written
as UTF-8: rendering or storing it fails), whole numbers must fit a 64-bit signed integer (SQLite and
PostgreSQL's bigint cannot hold more), and a date and time needs a real time zone offset and a UTC
equivalent. The API (input schemas and path and query parameters, config/api.py) and the forms
(core/forms.py) refuse such values with the same messages.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Mapping
from typing import Any

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

NUL_CHARACTER = _("Text may not contain the NUL character.")
NOT_UNICODE = _("Text may not contain characters that are not valid Unicode.")
NUMBER_TOO_LARGE = _("The number is too large.")
NOT_A_NUMBER = _("The number is not a finite number.")
NOT_A_TIME_ZONE = _("The time zone offset is not a real one: offsets lie between -12:00 and +14:00.")
OUT_OF_RANGE_TIME = _("The date and time lie outside the range the platform can store.")

# The offsets in use on Earth; PostgreSQL refuses anything beyond ±15:59 (Python accepts ±23:59).
OFFSETS = (dt.timedelta(hours=-12), dt.timedelta(hours=14))


def text_problem(text: str) -> Promise | None:
    if "\x00" in text:
        return NUL_CHARACTER
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # only a lone surrogate (U+D800–U+DFFF) cannot be encoded
        return NOT_UNICODE
    return None


def moment_problem(moment: dt.datetime) -> Promise | None:
    offset = moment.utcoffset()
    if offset is not None and not OFFSETS[0] <= offset <= OFFSETS[1]:
        return NOT_A_TIME_ZONE
    try:  # stored in UTC: a time in the first or last hours of the calendar may have no UTC equivalent
        (moment if offset is not None else timezone.make_aware(moment)).astimezone(dt.UTC)
    except (OverflowError, ValueError):
        return OUT_OF_RANGE_TIME
    return None


def value_problem(value: Any) -> Promise | None:
    """Why `value` (a str, int, float, or any nesting of lists, dicts and pydantic models) is refused, or None."""
    for _path, problem in problems(value):
        return problem
    return None


def problems(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Promise]]:
    """Each refused value inside `value`, with the path of keys and indexes that leads to it."""
    if isinstance(value, bool):
        return
    if isinstance(value, str):
        problem = text_problem(value)
        if problem is not None:
            yield path, problem
    elif isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            yield path, NUMBER_TOO_LARGE
    elif isinstance(value, dt.datetime):
        problem = moment_problem(value)
        if problem is not None:
            yield path, problem
    elif isinstance(value, float):
        if not math.isfinite(value):  # json.loads reads NaN and Infinity
            yield path, NOT_A_NUMBER
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from problems(getattr(value, name, None), (*path, name))
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from problems(key, (*path, str(key)))
            yield from problems(item, (*path, str(key)))
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            yield from problems(item, (*path, str(index)))
