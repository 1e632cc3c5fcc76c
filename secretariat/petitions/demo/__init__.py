"""Demo petitions for 112年下半年: 1,000 invented petitions whose lead agencies give exactly the seed's
table (壹、三、（一）), in the states a real half-year shows, each with its whole timeline.

`planning.plan()` decides everything from one seed (no database): who wrote, when, to which agency, and
what happened. `load()` plays each plan through the case services (case_open, case_transition with `at=`
and one calendar; `play.Player`), so the timelines, due dates, results and audit rows are exactly those a
clerk and the agencies would have produced. Two shortcuts, both for speed (argon2 costs ~0.2 s a hash):
every demo petition shares one case password (DEMO_CASE_PASSWORD) hashed once, and ratings are written as
petition_rate writes them, without a password check per petition.

Besides the half-year, a few petitions arrive on the day the demo is loaded and wait to be routed, and the
routing suggester is trained on the half-year's decisions, so a first visit finds something to assign with
suggestions. They fall outside 112年下半年, so the report's figures stay the seed's.

The package: `texts` (the invented words) ← `planning` (the plans) ← `play` (one plan's steps) ← here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from secretariat.accounts.constants import AGENCY_ROLES, Role
from secretariat.accounts.demo import DEMO_PASSWORD
from secretariat.accounts.models import Agency, User
from secretariat.accounts.services import user_create
from secretariat.core.calendar import work_calendar
from secretariat.core.changes import SYSTEM, record_change, snapshot
from secretariat.petitions.access.personal_data import petitioner_key
from secretariat.petitions.demo import texts as words
from secretariat.petitions.demo.planning import DEMO_CASE_PASSWORD, PERIOD, RANDOM_SEED, Person, Planned, plan
from secretariat.petitions.demo.play import Player
from secretariat.petitions.kinds import KIND
from secretariat.petitions.models import Category, Petition, RoutingModel
from secretariat.petitions.selectors.statistics import received_in
from secretariat.petitions.services.intake import audited_fields, case_password_normalise
from secretariat.petitions.services.routing import routing_model_train


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
