"""The API's shared schema parts: the base of every input schema, and the calendar's and attachments' schemas."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from ninja import Schema
from pydantic import ConfigDict, Field, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from secretariat.core.input_safety import value_problem


class InputSchema(Schema):
    """The base of every schema the API reads. A field it does not know is refused (422 `invalid_input`),
    so a typo is an error rather than silently ignored; and every value passes the one input check
    (core/input_safety.py): no NUL or lone surrogate in text, no whole number beyond 64 bits."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _refuse_unsafe_values(cls, value: Any) -> Any:
        problem = value_problem(value)
        if problem is not None:
            raise PydanticCustomError("unsafe_input", str(problem))
        return value


# A wall-clock time in Taipei, written HH:MM:SS. JSON Schema's `format: time` is RFC 3339's full-time, which
# needs an offset ("14:00:00+08:00"); the API's times are local and have none, so the schema says so.
LocalTime = Annotated[
    dt.time,
    WithJsonSchema({"type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$",
                    "description": "Local time (Asia/Taipei), HH:MM:SS"}),
]


class CalendarDayOut(Schema):
    date: dt.date
    kind: str
    note: str
    roc_date: str


class WorkingDayOut(Schema):
    date: dt.date
    roc_date: str
    is_working_day: bool


class DeadlineOut(Schema):
    start: dt.date
    working_days: int
    due: dt.date
    roc_due: str


class WorkingDayCountOut(Schema):
    start: dt.date
    end: dt.date
    working_days: int


class ClosureIn(InputSchema):
    date: dt.date
    note: str = Field(min_length=1, max_length=200)


class AttachmentOut(Schema):
    id: uuid.UUID
    original_name: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: dt.datetime
    download_url: str


class CardPartOut(Schema):
    label: str
    count: int
    url: str


class CardOut(Schema):
    key: str = Field(description="Stable name of the card, such as `cases.to_route`")
    label: str
    help: str = Field(description="What is counted")
    count: int = Field(description="The number of rows behind the card (for a rate: the rows it is computed from)")
    figure: str = Field(description="What the home page shows big: the count, or a rate such as `92.3%`")
    basis: str = Field(description="What a rate was computed from, such as `24 of 26 answered on time`; else empty")
    url: str = Field(description="The page listing exactly the rows counted")
    tone: str = Field(description='"urgent" when the count needs attention today; else empty')
    parts: list[CardPartOut] = Field(description="A breakdown, such as the agencies with the most overdue cases")
