"""JSON shapes of the petition API. Personal data goes out masked, except in PersonalDataOut."""

from __future__ import annotations

import datetime as dt
import uuid

from ninja import Schema
from pydantic import Field

from secretariat.core.schemas import InputSchema


class PetitionIn(InputSchema):
    """A petition from another system (channel "api"). Lengths and rules are checked by the service,
    which names the offending field and a stable code."""

    subject: str
    content: str
    petitioner_name: str = ""
    petitioner_email: str = ""
    petitioner_phone: str = ""
    petitioner_address: str = ""
    is_collective: bool = False
    people_count: int = 1
    location: str = ""
    category: str | None = Field(default=None, description="A category code, e.g. traffic")
    is_confidential: bool = False
    received_at: dt.datetime | None = Field(default=None, description="Default: now")
    attachment_ids: list[uuid.UUID] = Field(default_factory=list,
                                            description="Files you uploaded with POST /attachments")


class PetitionCreated(Schema):
    case_id: int
    reference: str
    case_password: str = Field(description="Shown only in this answer; give it to the petitioner")
    status: str
    received_at: dt.datetime


class CategoryOut(Schema):
    code: str
    name: str
    answer_days: int


class PetitionerOut(Schema):
    name: str
    email: str
    phone: str
    address: str


class AttachmentRef(Schema):
    id: uuid.UUID
    original_name: str
    size: int
    download_url: str


class PetitionSummary(Schema):
    case_id: int
    reference: str
    status: str
    status_label: str
    subject: str
    channel: str
    category: CategoryOut | None
    is_collective: bool
    people_count: int
    is_confidential: bool
    lead_agency: str | None
    received_at: dt.datetime
    due_on: dt.date | None
    petitioner: PetitionerOut = Field(description="Masked")


class PetitionOut(PetitionSummary):
    content: str
    location: str
    answered_at: dt.datetime | None
    closed_at: dt.datetime | None
    answer: str
    rating: int | None
    rating_comment: str
    attachments: list[AttachmentRef]


class PetitionPage(Schema):
    items: list[PetitionSummary]
    next_after: int | None = Field(description="Pass as `after` for the next page; null on the last page")


class DisclosureIn(InputSchema):
    reason: str


class DecisionIn(InputSchema):
    approve: bool
    note: str = ""


class DisclosureOut(Schema):
    id: int
    case_id: int
    reference: str
    status: str
    reason: str
    requested_by: str
    requested_at: dt.datetime
    decided_by: str | None
    decided_at: dt.datetime | None
    valid_until: dt.datetime | None
    decision_note: str
