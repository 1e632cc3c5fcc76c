"""The shapes of the council's JSON API (/api/v1/council/), one section per topic router."""

from __future__ import annotations

import datetime as dt

from ninja import Schema

from secretariat.core.schemas import InputSchema
from secretariat.council.constants import Urgency


# The council's structure: sessions, caucuses, councillors (structure.py)
class SessionOut(Schema):
    id: int
    term: int
    kind: str
    number: int
    name: str
    starts_on: dt.date
    ends_on: dt.date
    answer_days: int


class CaucusOut(Schema):
    id: int
    term: int
    name: str
    short_name: str
    members: int


class CouncillorOut(Schema):
    id: int
    term: int
    name: str
    caucus_id: int | None
    caucus: str | None
    district: str
    phone: str
    email: str
    in_office: bool


# Liaison officers (liaison.py)
class OfficerOut(Schema):
    id: int
    agency_id: int
    agency: str
    name: str
    title: str
    phone: str
    mobile: str
    email: str
    user_id: int | None


# Council questions and the review list (questions.py)
class QuestionIn(InputSchema):
    session_id: int
    councillor: str  # the councillor's id or exact name
    asked_on: dt.date
    kind: str = "general"
    topic: str
    content: str = ""
    agencies: list[str]  # ids or short names; the first leads the answer


class QuestionOut(Schema):
    id: int
    reference: str
    session_id: int
    councillor_id: int
    councillor: str
    asked_on: dt.date
    kind: str
    topic: str
    content: str
    lead_agency: str
    agencies: list[str]
    status: str
    due_on: dt.date | None
    draft_answer: str | None  # null for a viewer outside the government
    approved_answer: str
    approved_at: dt.datetime | None
    commitment: str
    follow_up_of: int | None


class FollowUpIn(InputSchema):
    commitment: str = ""


class ReviewItemOut(Schema):
    id: int
    reference: str
    lead_agency: str
    councillor: str
    topic: str
    status: str
    due_on: dt.date | None
    overdue: bool
    last_decision: str


# Councillors' data requests (requests.py)
class RequestIn(InputSchema):
    councillor_id: int | None = None  # a councillor's own account may leave it out
    subject: str = ""
    content: str
    urgency: Urgency = Urgency.NORMAL
    requested_due: dt.date | None = None
    marked_urgent: bool = False
    urgent_reason: str = ""


class PartOut(Schema):
    agency: str
    text: str
    submitted_at: dt.datetime


class RequestOut(Schema):
    case_id: int
    reference: str
    councillor_id: int
    councillor: str
    subject: str
    content: str
    urgency: str
    marked_urgent: bool
    date_to_be_confirmed: bool
    status: str
    lead_agency: str | None
    due_on: dt.date | None
    answer: str | None  # only once released
    released_at: dt.datetime | None
    reopened: bool
    parts: list[PartOut] | None = None


class PartIn(InputSchema):
    text: str


class MetricsOut(Schema):
    agency: str
    requests: int
    released: int
    on_time: int
    reopened: int
    average_days: float | None
