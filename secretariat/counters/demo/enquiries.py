"""Demo counter records for 112年下半年 whose counts equal every cell of the seed's two tables (壹、六、（一））:
1,389 enquiries by month and category, and 92 petitions helped (88 individual, 4 collective) by month.

Each record falls on a working day of the office calendar, at a time in office hours, tallied by the demo
counter clerk; some petition help is linked to a demo petition received the same day; a few extra entries
were undone at once (as a clerk corrects a wrong key), so they are in the trail but not in the counts. Rows
are bulk-created, each with the audit row its service writes; the daily summary is rebuilt from them.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from secretariat.accounts.models import User
from secretariat.core.calendar import work_calendar
from secretariat.core.changes import SYSTEM, record_change, snapshot
from secretariat.core.roc import Period
from secretariat.counters.models import Enquiry, EnquiryCategory, EnquiryChannel, HelpKind, PetitionHelp
from secretariat.counters.services.enquiries import enquiry_days_rebuild
from secretariat.counters.services.petition_help import HELP_FIELDS
from secretariat.counters.services.reference import enquiries as reference_enquiries
from secretariat.petitions.selectors import PetitionFilter, petition_list

PERIOD = Period(112, 2)
TAIPEI = ZoneInfo("Asia/Taipei")
RANDOM_SEED = 1126
CLERK = "counter"
# The seed's table: category code → enquiries in July … December 2023.
ENQUIRIES: dict[str, tuple[int, ...]] = {
    "civil": (97, 71, 89, 99, 74, 65),
    "finance": (21, 19, 15, 21, 15, 13),
    "education": (28, 41, 18, 30, 26, 27),
    "transport": (40, 35, 36, 38, 41, 39),
    "works": (39, 25, 28, 41, 33, 34),
    "police_health": (41, 28, 27, 25, 32, 38),
}
HELP: dict[str, tuple[int, ...]] = {
    HelpKind.INDIVIDUAL: (23, 12, 19, 14, 11, 9),
    HelpKind.COLLECTIVE: (1, 0, 1, 0, 0, 2),
}
UNDONE = 4  # extra entries undone right after being tallied
PHONE_SHARE = 0.3
NOTES = ("詢問戶籍謄本申請", "詢問市民卡", "詢問停車費", "詢問路燈報修", "詢問學校午餐", "詢問公車路線", "")
ACTIONS: dict[str, tuple[str, ...]] = {
    HelpKind.INDIVIDUAL: ("協助民眾撰寫陳情書並送交權責機關", "說明陳情管道並協助上網登錄陳情",
                          "聯繫權責機關承辦人當場說明", "協助民眾補正陳情資料"),
    HelpKind.COLLECTIVE: ("接待陳情團體並轉請權責機關派員說明", "協助集體陳情代表遞交陳情書並安排會談"),
}


def load() -> list[str]:
    reference_enquiries.load()
    clerk = User.objects.filter(username=CLERK).first()
    rng = random.Random(RANDOM_SEED)  # noqa: S311 - a repeatable demo, not a secret
    days = _working_days()
    outcome: list[str] = []
    if not Enquiry.objects.filter(recorded_on__range=(PERIOD.start, PERIOD.end)).exists():
        outcome.append(_enquiries(rng, days, clerk))
    if not PetitionHelp.objects.filter(helped_on__range=(PERIOD.start, PERIOD.end)).exists():
        outcome.append(_help(rng, days, clerk))
    return outcome


def _working_days() -> dict[int, list[dt.date]]:
    """The half-year's working days by month."""
    calendar = work_calendar()
    days: dict[int, list[dt.date]] = {}
    day = PERIOD.start
    while day <= PERIOD.end:
        if calendar.is_working_day(day):
            days.setdefault(day.month, []).append(day)
        day += dt.timedelta(days=1)
    return days


def _moment(rng: random.Random, day: dt.date) -> dt.datetime:
    minute = rng.randint(8 * 60 + 30, 17 * 60 + 29)  # the counter's opening hours
    return dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60, rng.randint(0, 59), tzinfo=TAIPEI)


def _enquiries(rng: random.Random, days: dict[int, list[dt.date]], clerk: User | None) -> str:
    categories = {category.code: category for category in EnquiryCategory.objects.filter(code__in=ENQUIRIES)}
    rows: list[Enquiry] = []
    for code, counts in ENQUIRIES.items():
        for month, count in zip(range(7, 13), counts, strict=True):
            for day in rng.choices(days[month], k=count):
                rows.append(_enquiry(rng, categories[code], day, clerk))
    undone = [_enquiry(rng, categories[code], rng.choice(days[month]), clerk)
              for code, month in zip(rng.choices(list(ENQUIRIES), k=UNDONE), rng.choices(range(7, 13), k=UNDONE),
                                     strict=True)]
    for row in undone:
        row.cancelled_at = row.recorded_at + dt.timedelta(seconds=rng.randint(3, 40))
    everything = sorted(rows + undone, key=lambda row: row.recorded_at)
    Enquiry.objects.bulk_create(everything, batch_size=1000)
    enquiry_days_rebuild(start=PERIOD.start, end=PERIOD.end)  # the daily summary the statistics read
    actor = clerk or SYSTEM
    for row in everything:
        record_change(actor=actor, action="counters.enquiry_record", target=row,
                      after={"category": row.category.code, "channel": row.channel,
                             "recorded_on": row.recorded_on.isoformat(), "note": row.note})
        if row.cancelled_at is not None:
            record_change(actor=actor, action="counters.enquiry_undo", target=row, before={"cancelled_at": None},
                          after={"cancelled_at": row.cancelled_at.isoformat(), "category": row.category.code})
    return f"{len(rows)} demo counter enquiries (+{len(undone)} undone)"


def _enquiry(rng: random.Random, category: EnquiryCategory, day: dt.date, clerk: User | None) -> Enquiry:
    moment = _moment(rng, day)
    return Enquiry(category=category, recorded_at=moment, recorded_on=day, recorded_by=clerk,
                   channel=EnquiryChannel.PHONE if rng.random() < PHONE_SHARE else EnquiryChannel.COUNTER,
                   note=rng.choice(NOTES))


def _help(rng: random.Random, days: dict[int, list[dt.date]], clerk: User | None) -> str:
    rows: list[PetitionHelp] = []
    for kind, counts in HELP.items():
        for month, count in zip(range(7, 13), counts, strict=True):
            for day in rng.choices(days[month], k=count):
                people = 1 if kind == HelpKind.INDIVIDUAL else rng.randint(3, 30)
                rows.append(PetitionHelp(helped_on=day, kind=kind, people_count=people,
                                         action_taken=rng.choice(ACTIONS[kind]), recorded_at=_moment(rng, day),
                                         recorded_by=clerk))
    rows.sort(key=lambda row: row.recorded_at)
    linked = _link_petitions(rows, clerk)
    PetitionHelp.objects.bulk_create(rows)
    for row in rows:
        record_change(actor=clerk or SYSTEM, action="counters.petition_help_record", target=row,
                      after=snapshot(row, HELP_FIELDS))
    individual = sum(HELP[HelpKind.INDIVIDUAL])
    return (f"{len(rows)} demo petition help records ({individual} individual, {len(rows) - individual} collective, "
            f"{linked} linked to the petition filed)")


def _link_petitions(rows: list[PetitionHelp], clerk: User | None) -> int:
    """Every collective and every fourth individual help led to a petition: link one the demo petitions
    received that day, found as the clerk would find it (through the petitions app's selector)."""
    if clerk is None:
        return 0
    linked = 0
    for index, row in enumerate(rows):
        if row.kind == HelpKind.INDIVIDUAL and index % 4:
            continue
        found = petition_list(user=clerk, filters=PetitionFilter(received_from=row.helped_on,
                                                                 received_to=row.helped_on), limit=1)
        if found:
            row.petition_case_id, row.petition_reference = found[0].pk, found[0].case.reference
            linked += 1
    return linked
