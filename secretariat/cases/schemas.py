"""The case API's shapes: a case, its timeline, its available steps, and a step to take."""

from __future__ import annotations

import datetime as dt
import uuid

from ninja import Schema
from pydantic import Field

from secretariat.core.schemas import InputSchema


class AgencyRef(Schema):
    id: int
    short_name: str


class CaseOut(Schema):
    id: int
    reference: str
    kind: str
    kind_label: str
    title: str = Field(description="The subject; 「密件」 for a confidential case you read redacted")
    redacted: bool = Field(description="True when the case is confidential and you are not among its readers: "
                                       "its subject reads 「密件」 and its timeline is empty")
    status: str
    status_label: str
    lead_agency: AgencyRef | None
    co_agencies: list[AgencyRef]
    received_at: dt.datetime
    received_on: dt.date
    received_roc: str
    assigned_on: dt.date | None
    due_on: dt.date | None
    due_roc: str
    due_state: str = Field(description='"overdue", "soon" (due within a working day) or ""')
    extended: bool
    extension_requested_until: dt.date | None
    outcome: str
    outcome_label: str
    reopen_count: int
    decline_reason: str
    decline_label: str
    merged_into: str | None = Field(description="The case number this case was merged into")
    version: int = Field(description="Send it back with a step: a stale version is refused with 409")


class CaseListOut(Schema):
    items: list[CaseOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page")


class StepFileOut(Schema):
    id: uuid.UUID
    name: str
    size: int = Field(description="Bytes")
    content_type: str
    download_url: str = Field(description="GET it with your token; 404 if you may not read the step")


class EventOut(Schema):
    occurred_at: dt.datetime
    occurred_roc: str
    actor: str
    action: str
    action_label: str
    from_status: str
    to_status: str
    agency: AgencyRef | None
    note: str
    files: list[StepFileOut] = Field(description="The files the step carries that you may read")


class StepOut(Schema):
    name: str
    label: str
    requires: list[str]


class CaseDetailOut(CaseOut):
    timeline: list[EventOut]
    steps: list[StepOut]


class StepIn(InputSchema):
    """`version` plus the values the step requires (see `steps[].requires` of the case). Sent as JSON, or as
    multipart/form-data with the same fields and up to 10 files in `attachments` (「資料詳如附件」)."""

    version: int = Field(ge=1)
    agency: int | None = Field(None, description="assign: the lead agency's id")
    co_agencies: list[int] | None = Field(None, description="assign: co-agency ids", max_length=50)
    note: str | None = Field(None, max_length=1000)
    reason: str | None = Field(None, max_length=500)
    until: dt.date | None = Field(None, description="request_extension: the new due date")
    answer: str | None = Field(None, max_length=20000)
    reason_code: str | None = Field(None, max_length=30, description="decline: one of the kind's reason codes")
    into: str | None = Field(None, max_length=20, description="merge: the case number to merge into")
