"""The demo half-year, planned: 1,000 invented petitions whose lead agencies give exactly the seed's
table (壹、三、（一）), in the states a real half-year shows.

`plan()` decides everything from one seed (no database): who wrote, when, to which agency, and what
happened. `demo.load()` writes the plans and `demo.play` plays each one through the case services.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from secretariat.core.roc import Period
from secretariat.petitions.demo import texts as words
from secretariat.petitions.kinds import DECLINE_REASONS
from secretariat.petitions.models import Channel

PERIOD = Period(112, 2)
TAIPEI = ZoneInfo("Asia/Taipei")
RANDOM_SEED = 1122
DEMO_CASE_PASSWORD = "DEMO-PETITION"  # noqa: S105 - the demo's published case password
CIVIL_AFFAIRS = "民政局（含區公所）"
DISTRICT_OFFICE_SHARE = 20  # of 民政局（含區公所）'s 29 petitions, these went to district offices
# The seed's table: agency as the report names it, petitions received in 112年下半年.
SEED_TABLE: tuple[tuple[str, int], ...] = (
    ("都發局", 256), ("交通局", 97), ("警察局", 95), ("社會局", 80), ("工務局", 79), ("教育局", 72), ("環保局", 45),
    ("產業局", 42), ("勞動局", 36), ("衛生局", 30), (CIVIL_AFFAIRS, 29), ("體育局", 26), ("觀傳局", 13),
    ("捷運局", 12), ("法務局", 12), ("人事處", 12), ("捷運公司", 11), ("政風處", 10), ("文化局", 8), ("消防局", 8),
    ("地政局", 5), ("都委會", 5), ("財政局", 4), ("研考會", 4), ("兵役局", 3), ("秘書處", 3), ("資訊局", 1),
    ("原民會", 1), ("客委會", 1),
)
# Petitions received from this day may still be open when the period ends; earlier ones are finished.
STILL_OPEN_FROM = dt.date(2023, 12, 20)
FINISHED_STORIES = (("on_time", 830), ("late", 70), ("rerouted", 30), ("extended", 20), ("declined", 20),
                    ("merged", 15), ("reopened", 15))
RECENT_STORIES = (("assigned", 20), ("in_progress", 35), ("answered", 20), ("on_time", 25))
RATED_STORIES = {"on_time", "late", "rerouted", "extended", "reopened"}


@dataclass(frozen=True)
class Person:
    name: str
    phone: str
    address: str


@dataclass(frozen=True)
class Planned:
    """One invented petition and what happens to it."""

    number: int
    agency: str  # the lead agency at the end (short name)
    story: str  # see FINISHED_STORIES and RECENT_STORIES; "waiting" for words.WAITING
    received_at: dt.datetime
    channel: str
    subject: str
    content: str
    person: Person
    people_count: int = 1
    is_confidential: bool = False
    first_agency: str = ""  # rerouted: where the Secretariat first sent it
    decline_code: str = ""
    merge_into: int | None = None  # merged: the number of the earlier petition it repeats
    rating: int | None = None
    rating_comment: str = ""


def _agencies(rng: random.Random) -> list[str]:
    names: list[str] = []
    for name, count in SEED_TABLE:
        if name == CIVIL_AFFAIRS:
            names += ["民政局"] * (count - DISTRICT_OFFICE_SHARE)
            names += [f"{words.DISTRICTS[i % len(words.DISTRICTS)]}公所" for i in range(DISTRICT_OFFICE_SHARE)]
        else:
            names += [name] * count
    rng.shuffle(names)
    return names


def _receipt_times(rng: random.Random, count: int) -> list[dt.datetime]:
    """Letters arrive mostly on weekdays in office hours; e-mailed letters at any hour."""
    days = [PERIOD.start + dt.timedelta(days=offset) for offset in range((PERIOD.end - PERIOD.start).days + 1)]
    weights = [1.0 if day.weekday() < 5 else 0.15 for day in days]
    times = []
    for day in rng.choices(days, weights=weights, k=count):
        minute = rng.randint(8 * 60, 18 * 60) if day.weekday() < 5 else rng.randint(9 * 60, 21 * 60)
        times.append(dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=TAIPEI))
    return sorted(times)


def _person(rng: random.Random, district: str) -> Person:
    name = rng.choice(words.SURNAMES) + rng.choice(words.GIVEN)
    phone = f"09{rng.randint(10, 99)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}"
    address = f"臺北市{district}{rng.choice(words.ROADS)}{rng.randint(1, 400)}號{rng.randint(1, 12)}樓"
    return Person(name, phone, address)


def _texts(rng: random.Random, agency: str, district: str) -> tuple[str, str]:
    pattern = rng.choice(words.SUBJECTS["區公所" if agency.endswith("區公所") else agency])
    subject = pattern.format(district=district, road=rng.choice(words.ROADS), line=rng.choice(words.LINES),
                             bus=rng.randint(200, 699))
    content = (f"{rng.choice(words.OPENINGS)}我是住在{district}的市民，想反映「{subject}」的問題。"
               f"{rng.choice(words.DETAILS)}{rng.choice(words.CLOSINGS)}")
    return subject, content


def _rating(rng: random.Random, story: str) -> tuple[int | None, str]:
    if story not in RATED_STORIES or rng.random() > 0.45:
        return None, ""
    weights = (5, 10, 20, 30, 35) if story != "late" else (15, 25, 30, 20, 10)
    rating = rng.choices((1, 2, 3, 4, 5), weights=weights)[0]
    return rating, rng.choice(words.RATING_COMMENTS[rating])


def plan(seed: int = RANDOM_SEED) -> list[Planned]:
    """The demo half-year, decided from `seed` alone: the same seed gives the same petitions."""
    rng = random.Random(seed)  # noqa: S311 - invented data
    agencies = _agencies(rng)
    top_level = [name for name, _count in SEED_TABLE if name != CIVIL_AFFAIRS]
    planned: list[Planned] = []
    last_of_agency: dict[str, Planned] = {}
    for number, (agency, received_at) in enumerate(zip(agencies, _receipt_times(rng, len(agencies)), strict=True), 1):
        recent = received_at.date() >= STILL_OPEN_FROM
        stories, weights = zip(*(RECENT_STORIES if recent else FINISHED_STORIES), strict=True)
        story = rng.choices(stories, weights=weights)[0]
        district = agency[:3] if agency.endswith("區公所") else rng.choice(words.DISTRICTS)
        subject, content = _texts(rng, agency, district)
        collective = rng.random() < 0.03
        item = Planned(
            number=number, agency=agency, story=story, received_at=received_at,
            channel=rng.choices((Channel.LETTER, Channel.PHONE, Channel.VISIT), weights=(70, 20, 10))[0],
            subject=subject, content=content, person=_person(rng, district),
            people_count=rng.randint(5, 60) if collective else 1, is_confidential=rng.random() < 0.01,
        )
        rating, comment = _rating(rng, story)
        item = replace(item, rating=rating, rating_comment=comment)
        if story == "rerouted":
            item = replace(item, first_agency=rng.choice([name for name in top_level if name != agency]))
        elif story == "declined":
            code = rng.choice(sorted(DECLINE_REASONS))
            item = replace(item, decline_code=code)
            if code == "no_content":
                item = replace(item, person=Person("", "", ""), content="（來函內容空白，僅附剪報一份。）")
        elif story == "merged":
            earlier = last_of_agency.get(agency)
            if earlier is None:
                item = replace(item, story="on_time")
            else:  # the same person writing again about the same thing
                item = replace(item, merge_into=earlier.number, person=earlier.person, subject=earlier.subject)
        planned.append(item)
        if item.story != "merged":
            last_of_agency[agency] = item
    return planned
