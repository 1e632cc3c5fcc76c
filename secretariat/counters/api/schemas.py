"""The counters API's shapes: the counter (tally, today's counts, statistics tables, petition help,
categories), the consultations (slots, bookings, walk-ins, the month table) and the volunteers (roster,
posts, shifts, daily counts, trainings, hours)."""

from __future__ import annotations

import datetime as dt

from ninja import Schema

from secretariat.core.schemas import InputSchema, LocalTime
from secretariat.counters.constants import EnquiryChannel, HelpKind, Mode

# --- The counter: enquiries, statistics, petition help ---


class TallyIn(InputSchema):
    category_id: int | None = None
    category_code: str | None = None  # either the id or the code
    channel: EnquiryChannel = EnquiryChannel.COUNTER
    note: str = ""


class EnquiryOut(Schema):
    id: int
    category: str
    category_code: str
    channel: str
    note: str
    recorded_at: dt.datetime
    recorded_on: dt.date
    undone: bool


class UndoIn(InputSchema):
    enquiry_id: int | None = None  # the entry the clerk saw as their last; refused (409) if it no longer is


class CategoryCountOut(Schema):
    category_id: int
    code: str
    name: str
    hotkey: str
    today: int
    month: int


class TallyOut(Schema):
    day: dt.date
    open: bool
    today_total: int
    month_total: int
    categories: list[CategoryCountOut]


class RowOut(Schema):
    key: str
    label: str
    cells: list[int]
    total: int


class EnquiryTableOut(Schema):
    key: str
    title: str
    months: list[str]
    summary: RowOut
    rows: list[RowOut]


class StatisticsOut(Schema):
    label: str
    first_month: str
    last_month: str
    tables: list[EnquiryTableOut]


class HelpIn(InputSchema):
    helped_on: dt.date
    kind: HelpKind
    people_count: int = 1
    action_taken: str
    petition_reference: str = ""


class HelpOut(Schema):
    id: int
    helped_on: dt.date
    kind: str
    people_count: int
    action_taken: str
    petition_case_id: int | None
    petition_reference: str
    recorded_at: dt.datetime


class EnquiryCategoryOut(Schema):
    id: int
    code: str
    name: str
    name_en: str
    hotkey: str
    is_active: bool


# --- Consultations ---


class SlotIn(InputSchema):
    association_id: int
    date: dt.date
    starts_at: LocalTime
    ends_at: LocalTime
    mode: str = Mode.ON_SITE


class SlotOut(Schema):
    id: int
    association: str
    field: str
    date: dt.date
    starts_at: LocalTime
    ends_at: LocalTime
    mode: str
    withdrawn: bool
    booked: bool


class BookingIn(InputSchema):
    slot_id: int
    name: str
    phone: str
    email: str = ""
    field: str = ""
    question: str


class BookedOut(Schema):
    id: int
    slot: SlotOut
    status: str
    cancel_token: str  # shown once; keep it to cancel


class CancelIn(InputSchema):
    token: str


class BookingOut(Schema):
    id: int
    slot_id: int
    date: dt.date
    starts_at: LocalTime
    field: str
    status: str
    name: str  # masked
    phone: str  # masked
    question: str


class ServeIn(InputSchema):
    note: str = ""


class WalkInIn(InputSchema):
    served_on: dt.date
    field: str
    mode: str = Mode.ON_SITE
    association_id: int | None = None
    citizen_name: str = ""
    citizen_phone: str = ""
    note: str = ""


class ConsultationOut(Schema):
    id: int
    served_on: dt.date
    field: str
    mode: str
    association: str | None
    walk_in: bool
    booking_id: int | None


class TableRowOut(Schema):
    key: str
    label: str
    months: list[int]
    total: int


class ConsultationTableOut(Schema):
    months: list[str]
    rows: list[TableRowOut]


# --- Volunteers ---


class VolunteerIn(InputSchema):
    name: str
    phone: str = ""
    email: str = ""
    skills: str = ""
    availability: str = ""
    joined_on: dt.date | None = None


class VolunteerOut(Schema):
    id: int
    name: str
    phone: str  # masked
    email: str  # masked
    skills: str
    availability: str
    active: bool


class VolunteerPostOut(Schema):
    id: int
    code: str
    name: str


class ShiftIn(InputSchema):
    volunteer_id: int
    post_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime


class ShiftOut(Schema):
    id: int
    volunteer_id: int
    volunteer: str
    post_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    minutes: int
    attended: bool | None
    attended_minutes: int


class AttendanceIn(InputSchema):
    attended: bool
    minutes: int | None = None


class CountIn(InputSchema):
    post_id: int
    date: dt.date
    people_served: int
    leaflets: int


class VolunteerCountOut(Schema):
    id: int
    post_id: int
    date: dt.date
    people_served: int
    leaflets: int


class VolunteerTrainingIn(InputSchema):
    held_on: dt.date
    title: str
    venue: str = ""
    attendee_ids: list[int] = []


class VolunteerTrainingOut(Schema):
    id: int
    held_on: dt.date
    title: str
    venue: str
    attendees: int


class HoursOut(Schema):
    volunteer_id: int
    name: str
    shifts: int
    minutes: int
