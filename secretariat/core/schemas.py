from __future__ import annotations

import datetime as dt
import uuid

from ninja import Schema
from pydantic import ConfigDict, Field


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


class CountOut(Schema):
    start: dt.date
    end: dt.date
    working_days: int


class ClosureIn(Schema):
    model_config = ConfigDict(extra="forbid")
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
