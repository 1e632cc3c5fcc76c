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
    sort: str = Field(description="The order the items come in (the tab's own when none was asked for)")


class CaseListQuery(Schema):
    """The inbox's filters, as on /cases/."""

    tab: str = Field("", max_length=30, description="route, mine, agency, extensions, answers_to_approve, overdue "
                                                    "(those you have: see /cases/tabs); empty: every open case")
    sort: str = Field("", max_length=12, description="due, received, reference, status, agency; a leading - "
                                                     "reverses; empty: the tab's own order")
    kind: str = Field("", max_length=30)
    status: str = Field("", max_length=30, description="Empty: every case still waiting for someone")
    due: str = Field("", max_length=10, description="today, soon (within a working day), week, overdue")
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    led: bool = Field(False, description="Only the cases your agency leads (not those shared with it)")
    text: str = Field("", max_length=100, description="A case number, or words of the subject")
    agency_id: int | None = None
    cursor: str = Field("", max_length=80)
    limit: int = Field(50, ge=1, le=200)


class TabOut(Schema):
    code: str
    label: str
    count: int


class BulkAssignIn(InputSchema):
    ids: list[int] = Field(min_length=1, max_length=200, description="The cases to assign, at most 200")
    agency: int = Field(description="The lead agency's id")
    versions: dict[str, int] | None = Field(None, description="Case id → the version you saw: a case changed "
                                                              "since is refused with `conflict`")


class AssignedOut(Schema):
    id: int
    reference: str
    version: int


class RefusedOut(Schema):
    id: int
    reference: str = Field(description="Empty when there is no such case")
    code: str
    message: str


class BulkAssignOut(Schema):
    assigned: list[AssignedOut]
    refused: list[RefusedOut]


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
