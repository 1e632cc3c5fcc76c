"""Demo volunteers: a roster of 24, shifts at the five desks on every working day of 112年下半年 (two a day per
desk, all attended), daily counts per desk adding up to the seed's 144,982 people served and 52,248 leaflets,
the trainings of 112-09-15 and 112-11-11 (壹、六、（三）), and this week's plan for the shift grid.

Decided by index, no randomness. bulk_create for the many rows, with the audit rows the services write for
each (appended at once by `audit_record_many`); volunteers and trainings go through the services.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from secretariat.audit.services import AuditRow, audit_record_many
from secretariat.core.calendar import CalendarOutOfRange, work_calendar
from secretariat.core.changes import SYSTEM, snapshot
from secretariat.core.roc import Period
from secretariat.counters.models import DailyCount, Post, Shift, Volunteer
from secretariat.counters.services.reference import volunteers as reference_volunteers
from secretariat.counters.services.volunteer_roster import training_record, volunteer_create
from secretariat.counters.services.volunteer_shifts import SHIFT_FIELDS

PERIOD = Period(112, 2)
PEOPLE_SERVED = 144_982
LEAFLETS = 52_248
TRAININGS = ((dt.date(2023, 9, 15), "志工便民服務教育訓練研習", "市政大樓北區2樓劉銘傳廳"),
             (dt.date(2023, 11, 11), "志工便民服務教育訓練研習", "市政大樓北區2樓劉銘傳廳"))
NAMES = ("王秀英", "李國華", "張淑惠", "劉建國", "陳麗華", "楊志強", "黃美惠", "趙文雄", "周玉梅", "吳俊明", "徐月娥",
         "孫正雄", "胡秀蘭", "朱德明", "高碧霞", "林永福", "何素貞", "郭金龍", "馬淑貞", "羅清風", "梁雪芬", "宋文德",
         "鄭寶珠", "謝明哲")
SKILLS = ("英語", "日語", "手語", "臺語、客語", "電腦操作", "急救")
TURNS = ((dt.time(9), dt.time(12)), (dt.time(13), dt.time(17)))
# How busy each desk is, relative to the others (the joint service centre most).
POST_WEIGHTS = {"service-centre": 5, "east-gate": 2, "west-gate": 2, "south-gate": 1, "north-gate": 2}


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    cal = work_calendar()
    day, days = start, []
    while day <= end:
        try:
            open_day = cal.is_working_day(day)
        except CalendarOutOfRange:  # a year without a loaded office calendar: take the weekdays
            open_day = day.weekday() < 5
        if open_day:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _share(total: int, weights: list[int]) -> list[int]:
    """Split `total` in proportion to `weights`, exactly (the remainder goes to the first rows)."""
    whole = sum(weights)
    parts = [total * weight // whole for weight in weights]
    for index in range(total - sum(parts)):
        parts[index % len(parts)] += 1
    return parts


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


def _shifts(days: list[dt.date], posts: list[Post], volunteers: list[Volunteer], *, attended: bool) -> list[Shift]:
    """Every desk, both turns, every day; ten distinct volunteers a day, so nobody is in two places at once."""
    shifts = []
    per_day = len(posts) * len(TURNS)
    for day_index, day in enumerate(days):
        for slot in range(per_day):
            post, (start, end) = posts[slot // len(TURNS)], TURNS[slot % len(TURNS)]
            minutes = (end.hour - start.hour) * 60
            shifts.append(Shift(volunteer=volunteers[(day_index * per_day + slot) % len(volunteers)], post=post,
                                starts_at=_at(day, start), ends_at=_at(day, end), minutes=minutes,
                                attended=True if attended else None, attended_minutes=minutes if attended else 0))
    return shifts


def _counts(days: list[dt.date], posts: list[Post]) -> list[DailyCount]:
    cells = [(day, post) for day in days for post in posts]
    # Some variety from day to day, decided by position; the totals are exact.
    weights = [POST_WEIGHTS.get(post.code, 1) * (90 + (index * 37) % 41) for index, (_day, post) in enumerate(cells)]
    people = _share(PEOPLE_SERVED, weights)
    leaflets = _share(LEAFLETS, list(reversed(weights)))
    return [DailyCount(post=post, date=day, people_served=people[index], leaflets=leaflets[index])
            for index, (day, post) in enumerate(cells)]


def _shift_rows(shift: Shift) -> list[AuditRow]:
    """The audit rows the services write for a shift: planned, then (once worked) its attendance."""
    planned = {**snapshot(shift, SHIFT_FIELDS), "attended": None, "attended_minutes": 0}
    rows = [AuditRow("counters.shift_plan", shift, after=planned)]
    if shift.attended is not None:
        rows.append(AuditRow("counters.shift_attendance", shift, before=planned, after=snapshot(shift, SHIFT_FIELDS)))
    return rows


def load() -> list[str]:
    reference_volunteers.load()
    if Volunteer.objects.exists():
        return []
    posts = list(Post.objects.filter(is_active=True).order_by("sort_order"))
    volunteers = [volunteer_create(actor=SYSTEM, name=name, phone=f"0918{index:06d}",
                                   email=f"volunteer{index:02d}@demo.invalid", skills=SKILLS[index % len(SKILLS)],
                                   availability=("週一至週五上午", "週一至週五下午", "週二、週四全日")[index % 3],
                                   joined_on=dt.date(2015 + index % 8, 3, 1))
                  for index, name in enumerate(NAMES)]
    days = _days(PERIOD.start, PERIOD.end)
    attended = Shift.objects.bulk_create(_shifts(days, posts, volunteers, attended=True))
    counts = DailyCount.objects.bulk_create(_counts(days, posts))
    audit_record_many(actor=SYSTEM, rows=[
        *(row for shift in attended for row in _shift_rows(shift)),
        *(AuditRow("counters.daily_count_record", count, after={
            "post": count.post_id, "date": count.date.isoformat(), "people_served": count.people_served,
            "leaflets": count.leaflets}) for count in counts),
    ])
    for index, (held_on, title, venue) in enumerate(TRAININGS):
        training_record(actor=SYSTEM, held_on=held_on, title=title, venue=venue,
                        attendee_ids=[volunteer.pk for number, volunteer in enumerate(volunteers)
                                      if (number + index) % 4 != 0])
    monday = timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday())
    this_week = _days(monday, monday + dt.timedelta(days=4))
    planned = Shift.objects.bulk_create(_shifts(this_week, posts, volunteers, attended=False))
    audit_record_many(actor=SYSTEM, rows=[row for shift in planned for row in _shift_rows(shift)])
    return [f"{len(volunteers)} volunteers, {len(days) * len(posts) * len(TURNS)} attended shifts and "
            f"{len(days) * len(posts)} daily counts in {PERIOD.label} ({PEOPLE_SERVED:,} people, "
            f"{LEAFLETS:,} leaflets), "
            f"{len(TRAININGS)} trainings, this week's shift plan"]
