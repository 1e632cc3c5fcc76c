"""Demo petitions for 112年下半年: 1,000 invented petitions whose lead agencies give exactly the seed's
table (壹、三、（一）), in the states a real half-year shows, each with its whole timeline.

`plan()` decides everything from one seed (no database): who wrote, when, to which agency, and what
happened. `load()` plays each plan through the case services (case_open, case_transition with `at=`
and one calendar), so the timelines, due dates, results and audit rows are exactly those a clerk and
the agencies would have produced. Two shortcuts, both for speed (argon2 costs ~0.2 s a hash): every
demo petition shares one case password (DEMO_CASE_PASSWORD) hashed once, and ratings are written as
petition_rate writes them, without a password check per petition.

Besides the half-year, a few petitions arrive on the day the demo is loaded and wait to be routed, and the
routing suggester is trained on the half-year's decisions, so a first visit finds something to assign with
suggestions. They fall outside 112年下半年, so the report's figures stay the seed's.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from secretariat.accounts.demo import DEMO_PASSWORD
from secretariat.accounts.models import Agency, User
from secretariat.accounts.roles import AGENCY_ROLES, Role
from secretariat.accounts.services import user_create
from secretariat.core.calendar import work_calendar
from secretariat.core.changes import SYSTEM, record_change, snapshot
from secretariat.core.roc import Period
from secretariat.petitions import demo_texts as words
from secretariat.petitions.demo_play import Player
from secretariat.petitions.kind import DECLINE_REASONS, KIND
from secretariat.petitions.models import Category, Channel, Petition, RoutingModel
from secretariat.petitions.personal_data import petitioner_key
from secretariat.petitions.routing import routing_model_train
from secretariat.petitions.services.intake import audited_fields, case_password_normalise
from secretariat.petitions.stats import received_in

PERIOD = Period(112, 2)
TAIPEI = ZoneInfo("Asia/Taipei")
RANDOM_SEED = 1122
DEMO_CASE_PASSWORD = "DEMO-PETITION"
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
    rng = random.Random(seed)
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


def _liaisons(agencies: dict[str, Agency]) -> dict[int, User]:
    """An agency liaison for each agency with demo petitions (the existing one, else a new demo login);
    district offices are handled by 民政局's liaison, whose scope includes them."""
    found: dict[int, User] = {}
    for user in User.objects.filter(role__in=AGENCY_ROLES, is_active=True, agency__isnull=False).order_by("pk"):
        found.setdefault(user.agency_id, user)  # type: ignore[arg-type]
    for short_name, (login, display_name) in words.LIAISONS.items():
        agency = agencies[short_name]
        if agency.pk not in found:
            found[agency.pk] = user_create(actor=SYSTEM, username=f"{login}.liaison", password=DEMO_PASSWORD,
                                           display_name=display_name, role=Role.AGENCY_LIAISON, agency=agency,
                                           email=f"{login}.liaison@demo.invalid")
    for agency in agencies.values():
        if agency.parent_id is not None and agency.parent_id in found:
            found.setdefault(agency.pk, found[agency.parent_id])
    return found


def _register(item: Planned, *, clerk: User, category: Category | None, password_hash: str) -> Petition:
    """What petitions.services.petition_create writes, with the shared demo password hash."""
    from secretariat.cases.services import case_open

    case = case_open(actor=clerk, kind_code=KIND, title=item.subject, received_at=item.received_at,
                     confidential=item.is_confidential)
    person = item.person
    petition = Petition.objects.create(
        case=case, category=category, channel=item.channel, subject=item.subject, content=item.content,
        is_collective=item.people_count > 1, people_count=item.people_count, is_confidential=item.is_confidential,
        petitioner_name=person.name, petitioner_phone=person.phone, petitioner_address=person.address,
        petitioner_key=petitioner_key("", person.phone), password_hash=password_hash, registered_by=clerk,
    )
    record_change(actor=clerk, action="petition.register", target=petition,
                  after={**snapshot(petition, audited_fields(petition)), "reference": case.reference,
                         "has_petitioner": bool(person.name or person.phone), "attachments": 0})
    return petition


def load() -> list[str]:
    """Write the demo half-year, today's new petitions and a first routing model, each once: a later run finds
    them and writes nothing."""
    return [*_load_half_year(), *_load_waiting(), *_train_router()]


def _demo_clerk() -> User:
    clerk = User.objects.filter(role=Role.SECRETARIAT_STAFF, is_active=True).order_by("pk").first()
    if clerk is None:
        raise RuntimeError("The petitions demo needs the Secretariat's demo accounts (accounts/demo.py) first.")
    return clerk


def _load_half_year() -> list[str]:
    if received_in(PERIOD).exists():
        return []
    clerk = _demo_clerk()
    agencies = {agency.short_name: agency for agency in Agency.objects.all()}
    categories = {category.code: category for category in Category.objects.all()}
    player = Player(clerk=clerk, liaisons=_liaisons(agencies), agencies=agencies, calendar=work_calendar(),
                    seed=RANDOM_SEED)
    password_hash = make_password(case_password_normalise(DEMO_CASE_PASSWORD))
    references: dict[int, str] = {}
    stories: Counter[str] = Counter()
    for item in plan():
        group = "區公所" if item.agency.endswith("區公所") else item.agency
        category = categories.get(words.CATEGORY_OF.get(group, "other"))
        petition = _register(item, clerk=clerk, category=category, password_hash=password_hash)
        references[item.number] = petition.case.reference
        player.play(item, petition, merge_target=references.get(item.merge_into or 0, ""))
        stories[item.story] += 1
    summary = ", ".join(f"{count} {story}" for story, count in stories.most_common())
    return [f"{sum(stories.values())} demo petitions of {PERIOD.label} ({summary})",
            f"case password of every demo petition: {DEMO_CASE_PASSWORD}"]


def _load_waiting() -> list[str]:
    """words.WAITING, received earlier today and not yet routed: something for the clerk to assign, with the
    router's suggestions, on the first visit. Outside the half-year, so the report's figures stay the seed's.
    Once: a later run (on a later day too) finds them by subject and adds none."""
    if Petition.objects.filter(subject__in=[subject for _c, subject, *_rest in words.WAITING]).exists():
        return []
    clerk = _demo_clerk()
    now = timezone.now()
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    password_hash = make_password(case_password_normalise(DEMO_CASE_PASSWORD))
    for order, (channel, subject, content, name, phone, address) in enumerate(words.WAITING):
        # Spread over the last hours, never before today's midnight (Taipei): received today.
        received_at = max(midnight, now - dt.timedelta(minutes=40 * (len(words.WAITING) - order)))
        item = Planned(number=0, agency="", story="waiting", received_at=received_at, channel=channel,
                       subject=subject, content=content, person=Person(name, phone, address))
        _register(item, clerk=clerk, category=None, password_hash=password_hash)
    return [f"{len(words.WAITING)} new petitions received today, waiting to be routed"]


def _train_router() -> list[str]:
    """The suggester learns from the demo's routing decisions, unless a model exists already."""
    if RoutingModel.objects.exists():
        return []
    report = routing_model_train(actor=SYSTEM)
    if report.model_id is None:
        return []
    accuracy = "" if report.accuracy is None else f", held-out accuracy {report.accuracy:.0%}"
    return [f"routing suggester trained on {report.sample_count} decisions{accuracy}"]
