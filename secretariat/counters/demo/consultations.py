"""Demo consultations for 112年下半年 whose counts equal every cell of the seed's table (壹、六、（二）): 4,276
consultations, 法律 3,138 / 建築 746 / 地政 392, by month. Two in three were booked on the public page (a slot,
a served booking and the consultation), the rest walked in; one in ten was remote. Plus open slots for the
coming two weeks, so the public booking page has something to offer.

Everything is decided by index (no randomness to drift). Rows go in with bulk_create — the records are what
the services write, and so are their audit rows (a slot published, a booking made, a consultation
recorded), appended to the chain at once by `audit_record_many`.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.utils import timezone

from secretariat.audit.services import AuditRow, audit_record_many
from secretariat.core.calendar import CalendarOutOfRange, WorkCalendar, work_calendar
from secretariat.core.changes import SYSTEM, snapshot
from secretariat.core.roc import Period
from secretariat.counters.models import Association, Booking, BookingStatus, Consultation, ConsultationField, Mode, Slot
from secretariat.counters.services.consultation_records import CONSULTATION_FIELDS
from secretariat.counters.services.consultation_slots import SLOT_FIELDS
from secretariat.counters.services.reference import consultations as reference_consultations

PERIOD = Period(112, 2)
# The seed's table: consultations by field, July to December.
MONTHLY: dict[str, tuple[int, ...]] = {
    ConsultationField.LEGAL: (516, 545, 521, 496, 554, 506),
    ConsultationField.ARCHITECTURE: (138, 134, 104, 132, 120, 118),
    ConsultationField.LAND: (54, 73, 57, 76, 61, 71),
}
SLOT_MINUTES = 20
FIRST_SLOT = dt.time(9, 0)
SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周"
GIVEN = ("淑芬", "志明", "美玲", "建宏", "雅婷", "俊傑", "怡君", "家豪", "宗翰", "佩君", "冠宇", "欣怡")
QUESTIONS: dict[str, tuple[str, ...]] = {
    ConsultationField.LEGAL: ("租屋押金返還糾紛", "遺產繼承與拋棄繼承", "車禍和解程序", "勞資爭議與資遣費"),
    ConsultationField.ARCHITECTURE: ("頂樓加蓋是否違建", "老屋結構安全疑慮", "室內裝修申請流程"),
    ConsultationField.LAND: ("土地持分移轉登記", "買賣過戶應備文件", "地上權設定"),
}


def _working_days(cal: WorkCalendar, year: int, month: int) -> list[dt.date]:
    day = dt.date(year, month, 1)
    days = []
    while day.month == month:
        if cal.is_working_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _slot_time(number: int) -> tuple[dt.time, dt.time]:
    start = dt.datetime.combine(dt.date(2000, 1, 1), FIRST_SLOT) + dt.timedelta(minutes=SLOT_MINUTES * number)
    return start.time(), (start + dt.timedelta(minutes=SLOT_MINUTES)).time()


def _person(index: int) -> tuple[str, str]:
    name = SURNAMES[index % len(SURNAMES)] + GIVEN[(index // 3) % len(GIVEN)]
    return name, f"09{(index * 7919) % 100_000_000:08d}"


def _month(association: Association, field: str, days: list[dt.date], count: int, serial: int) -> int:
    """Write one month of one field; returns how many were written."""
    slots: list[Slot] = []
    bookings: list[Booking] = []
    walk_ins: list[Consultation] = []
    booked_consultations: list[tuple[int, Consultation]] = []
    per_day: dict[dt.date, int] = {}
    for index in range(count):
        day = days[index % len(days)]
        mode = Mode.REMOTE if index % 10 == 9 else Mode.ON_SITE
        if index % 3 == 2:
            name, phone = _person(serial + index) if index % 2 else ("", "")
            walk_ins.append(Consultation(served_on=day, field=field, mode=mode, association=association,
                                         is_walk_in=True, citizen_name=name, citizen_phone=phone))
            continue
        number = per_day.get(day, 0)
        per_day[day] = number + 1
        starts_at, ends_at = _slot_time(number)
        slots.append(Slot(association=association, field=field, date=day, starts_at=starts_at, ends_at=ends_at,
                          mode=mode))
        name, phone = _person(serial + index)
        topic = QUESTIONS[field][index % len(QUESTIONS[field])]
        token = hashlib.sha256(f"demo-consultation-{field}-{serial + index}".encode()).hexdigest()
        bookings.append(Booking(name=name, phone=phone, question=f"{topic}，請問應如何處理？", token_hash=token,
                                status=BookingStatus.SERVED))
        booked_consultations.append((len(slots) - 1, Consultation(served_on=day, field=field, mode=mode,
                                                                  association=association)))
    Slot.objects.bulk_create(slots)
    for booking, slot in zip(bookings, slots, strict=True):
        booking.slot = slot
    Booking.objects.bulk_create(bookings)
    for position, consultation in booked_consultations:
        consultation.booking = bookings[position]
    consultations = [*walk_ins, *(row for _position, row in booked_consultations)]
    Consultation.objects.bulk_create(consultations)
    audit_record_many(actor=SYSTEM, rows=[
        *(AuditRow("counters.slot_publish", slot, after=snapshot(slot, SLOT_FIELDS)) for slot in slots),
        *(AuditRow("counters.booking_create", booking,
                   after={"slot": booking.slot_id, "status": BookingStatus.BOOKED, "has_email": False})
          for booking in bookings),
        *(AuditRow("counters.consultation_record", consultation,
                   after={**snapshot(consultation, CONSULTATION_FIELDS),
                          "has_citizen": bool(consultation.citizen_name or consultation.citizen_phone)})
          for consultation in consultations),
    ])
    return count


def _load_half_year() -> list[str]:
    if Consultation.objects.filter(served_on__gte=PERIOD.start, served_on__lte=PERIOD.end).exists():
        return []
    cal = work_calendar()
    by_field = {association.field: association for association in Association.objects.order_by("sort_order")}
    total, serial = 0, 0
    for field, counts in MONTHLY.items():
        association = by_field[field]
        for (year, month), count in zip(PERIOD.months, counts, strict=True):
            written = _month(association, field, _working_days(cal, year, month), count, serial)
            serial += written
            total += written
    return [f"{total} consultations of {PERIOD.label} (法律 3,138 / 建築 746 / 地政 392)"]


def _load_open_slots() -> list[str]:
    """Open slots on the next ten working days: three legal, one architecture and one land a day."""
    today = timezone.localdate()
    if Slot.objects.filter(date__gt=today).exists():
        return []
    cal = work_calendar()
    by_field = {association.field: association for association in Association.objects.all()}
    plan = ((ConsultationField.LEGAL, (dt.time(14), dt.time(14, 30), dt.time(15))),
            (ConsultationField.ARCHITECTURE, (dt.time(14),)), (ConsultationField.LAND, (dt.time(15, 30),)))
    slots: list[Slot] = []
    day, found = today, 0
    while found < 10 and day < today + dt.timedelta(days=40):
        day += dt.timedelta(days=1)
        try:
            open_day = cal.is_working_day(day)
        except CalendarOutOfRange:  # a year without a loaded office calendar: take the weekdays
            open_day = day.weekday() < 5
        if not open_day:
            continue
        found += 1
        for field, times in plan:
            for index, start in enumerate(times):
                end = (dt.datetime.combine(day, start) + dt.timedelta(minutes=30)).time()
                slots.append(Slot(association=by_field[field], field=field, date=day, starts_at=start, ends_at=end,
                                  mode=Mode.REMOTE if index == 2 else Mode.ON_SITE))
    Slot.objects.bulk_create(slots)
    audit_record_many(actor=SYSTEM, rows=[AuditRow("counters.slot_publish", slot, after=snapshot(slot, SLOT_FIELDS))
                                          for slot in slots])
    return [f"{len(slots)} open consultation slots on the next {found} working days"]


def load() -> list[str]:
    reference_consultations.load()
    return [*_load_half_year(), *_load_open_slots()]
