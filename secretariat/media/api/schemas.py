"""The schemas of the media office's JSON API (api/opinion.py, api/press.py, api/press_records.py)."""

from __future__ import annotations

import datetime as dt

from ninja import Schema

from secretariat.core.schemas import InputSchema
from secretariat.media.constants import EventKind, Medium, Platform, PostType, ResponseKind, Sentiment, TrainingKind

# --- Opinion monitoring ---


class ItemIn(InputSchema):
    outlet: str
    medium: Medium
    headline: str
    seen_at: dt.datetime
    link: str = ""
    summary: str = ""
    sentiment: Sentiment = Sentiment.NEUTRAL
    reach: int = 0
    topics: str = ""
    agency_ids: list[int] = []


class ResponseOut(Schema):
    id: int
    agency: str
    kind: str
    responded_at: dt.datetime
    link: str
    text: str


class ItemOut(Schema):
    id: int
    outlet: str
    medium: str
    link: str
    headline: str
    summary: str
    sentiment: str
    reach: int
    topics: str
    agencies: list[str]
    seen_at: dt.datetime
    computed_score: int
    score_override: int | None
    override_reason: str
    severity: int
    case_reference: str | None
    case_status: str | None
    version: int
    responses: list[ResponseOut] | None = None


class ItemPage(Schema):
    items: list[ItemOut]
    next_cursor: str | None


class SeverityIn(InputSchema):
    score: int | None
    reason: str = ""
    version: int | None = None


class EscalateIn(InputSchema):
    agency_id: int | None = None
    note: str = ""


class ResponseIn(InputSchema):
    kind: ResponseKind
    text: str
    link: str = ""
    agency_id: int | None = None
    responded_at: dt.datetime | None = None


class ImportOut(Schema):
    created: int
    item_ids: list[int]


# --- Press releases ---


class ReleaseIn(InputSchema):
    title: str
    body: str


class ReleaseUpdateIn(ReleaseIn):
    version: int


class VersionIn(InputSchema):
    version: int


class ReturnIn(VersionIn):
    reason: str


class PublishIn(VersionIn):
    at: dt.datetime | None = None


class CorrectIn(ReleaseUpdateIn):
    note: str


class FileOut(Schema):
    id: int
    kind: str
    caption: str
    name: str


class RevisionOut(Schema):
    number: int
    title: str
    body: str
    note: str
    made_at: dt.datetime


class ReleaseOut(Schema):
    id: int
    agency_id: int
    agency: str
    title: str
    body: str
    status: str
    version: int
    unit_approved_at: dt.datetime | None
    media_approved_at: dt.datetime | None
    return_note: str
    published_at: dt.datetime | None
    corrected_at: dt.datetime | None


class PublicReleaseOut(Schema):
    id: int
    agency_id: int
    agency: str
    title: str
    body: str
    published_at: dt.datetime
    corrected_at: dt.datetime | None
    url: str


class PublicPageOut(Schema):
    items: list[PublicReleaseOut]
    next_cursor: str | None


class PublicDetailOut(PublicReleaseOut):
    revisions: list[RevisionOut]
    files: list[FileOut]


# --- The press office's records: events, the mayor's schedule, social posts, trainings ---


class EventIn(InputSchema):
    kind: EventKind
    held_at: dt.datetime
    place: str
    topic: str
    outlets: str = ""
    agency_ids: list[int] = []
    release_id: int | None = None


class PressEventOut(Schema):
    id: int
    kind: str
    held_at: dt.datetime
    place: str
    topic: str
    outlets: str
    agency_ids: list[int]
    release_id: int | None


class ScheduleIn(InputSchema):
    starts_at: dt.datetime
    place: str
    event: str


class ScheduleOut(Schema):
    id: int
    starts_at: dt.datetime
    place: str
    event: str


class PublicDayOut(Schema):
    day: dt.date
    public: bool
    entries: list[ScheduleOut]


class PostIn(InputSchema):
    platform: Platform
    post_type: PostType
    title: str
    planned_at: dt.datetime
    published_at: dt.datetime | None = None
    link: str = ""
    reach: int | None = None


class PostUpdateIn(InputSchema):
    version: int
    published_at: dt.datetime | None = None
    link: str | None = None
    reach: int | None = None


class SocialPostOut(Schema):
    id: int
    platform: str
    post_type: str
    title: str
    planned_at: dt.datetime
    published_at: dt.datetime | None
    link: str
    reach: int | None
    version: int


class PressTrainingIn(InputSchema):
    held_on: dt.date
    kind: TrainingKind
    title: str
    venue: str = ""
    attendance: int


class PressTrainingOut(Schema):
    id: int
    held_on: dt.date
    kind: str
    title: str
    venue: str
    attendance: int
