"""Demo questions: the 14th council's 2nd regular session with the seed's 577 questions (壹 四), each
routed, answered by the agency, approved by its head and compiled by the Secretariat on time.

Invented but plausible topics and answers; deterministic (a fixed seed); written through the services and
the engine with `at=` and one calendar, so the timeline reads like the real session.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from secretariat.accounts.constants import AGENCY_ROLES, Role
from secretariat.accounts.demo import DEMO_PASSWORD
from secretariat.accounts.models import Agency, User
from secretariat.accounts.services import user_create
from secretariat.cases.services import case_transition
from secretariat.core.calendar import WorkCalendar, work_calendar
from secretariat.core.changes import SYSTEM, SystemActor
from secretariat.council.models import Councillor, Question, QuestionKind, Session, SessionKind
from secretariat.council.services.questions import question_record

QUESTION_COUNT = 577  # the seed: 第14屆第2次定期大會
RANDOM_SEED = 1402
TAIPEI = ZoneInfo("Asia/Taipei")

# Agency → (demo login, head's display name, topics asked of it).
AGENCIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "交通局": ("dot", "吳局長", ("公車路網調整", "路口號誌時相改善", "YouBike站點增設", "停車費率檢討",
                           "行人友善路口")),
    "捷運局": ("dorts", "鄭局長", ("捷運環狀線北環段進度", "萬大線通車時程", "捷運站無障礙電梯")),
    "工務局": ("works", "張局長", ("人行道平整計畫", "河濱公園設施維護", "道路挖掘管理", "防汛抽水站整備")),
    "教育局": ("education", "劉局長", ("校園午餐品質", "老舊校舍耐震補強", "幼兒園公共化", "課後照顧班")),
    "社會局": ("social", "楊局長", ("長照據點布建", "托育補助申請", "身心障礙者就業協助")),
    "衛生局": ("health", "許局長", ("社區醫療量能", "登革熱防治", "食品安全稽查")),
    "都發局": ("udd", "林局長", ("社會住宅興建進度", "危老重建審查", "都市更新推動")),
    "環保局": ("dep", "蔡局長", ("垃圾清運路線", "空氣品質監測", "資源回收站管理")),
    "產業局": ("economic", "黃局長", ("市場改建進度", "青年創業補助", "夜市環境改善")),
    "警察局": ("police", "謝局長", ("交通違規取締", "治安熱點巡邏", "詐騙防制宣導")),
}
ANSWERS = (
    "本府已列入年度計畫辦理，預計於本年底前完成，並將持續向議員報告辦理情形。",
    "經查本案已完成現地會勘，將依會勘結論編列預算改善。",
    "本局將參酌議員意見，邀集相關單位研議可行方案，於三個月內提出檢討報告。",
    "有關議員關切事項，本局已納入中長程計畫，並逐年推動辦理。",
)
CONTENTS = "請市府說明{topic}之現況、預算編列及未來推動期程。"


def load() -> list[str]:
    """Write the session's questions once: a later run finds them and writes nothing."""
    session = (Session.objects.select_related("term")
               .filter(term__number=14, kind=SessionKind.REGULAR, number=2).first())
    if session is None:
        raise RuntimeError("The questions demo needs the 14th council's 2nd regular session (council demo) "
                           "first.")
    if Question.objects.filter(session=session).exists():
        return []
    councillors = list(Councillor.objects.filter(term_id=session.term_id, is_active=True).order_by("pk"))
    if not councillors:
        raise RuntimeError("The questions demo needs the 14th council's councillors (council demo) first.")
    clerk: User | SystemActor = (User.objects.filter(role=Role.SECRETARIAT_STAFF, is_active=True).order_by("pk").first()
                                 or SYSTEM)
    agencies = {agency.short_name: agency for agency in Agency.objects.filter(short_name__in=list(AGENCIES))}
    heads = _heads(agencies)
    liaisons = _liaisons(agencies, heads)
    days = _sitting_days(session)
    calendar = work_calendar()
    rng = random.Random(RANDOM_SEED)  # noqa: S311 - demo data, not secrets
    names = sorted(agencies)
    for number in range(QUESTION_COUNT):
        councillor = councillors[number % len(councillors)]
        day = days[number * len(days) // QUESTION_COUNT]
        lead = rng.choice(names)
        asked = [lead, *([rng.choice([n for n in names if n != lead])] if rng.random() < 0.25 else [])]
        topic = rng.choice(AGENCIES[lead][2])
        at = dt.datetime.combine(day, dt.time(10 + number % 7, (number * 7) % 60), tzinfo=TAIPEI)
        question = question_record(
            actor=clerk, session_id=session.pk, councillor=councillor, asked_on=day,
            kind=QuestionKind.GENERAL if rng.random() < 0.6 else QuestionKind.AGENCY, topic=topic,
            content=CONTENTS.format(topic=topic), agencies=[agencies[name] for name in asked], at=at,
            calendar=calendar)
        _answer(question, liaisons[lead], heads[lead], clerk, at, rng, calendar)
    return [f"{QUESTION_COUNT} demo questions of {session} with approved written answers, "
            f"asked of {len(agencies)} agencies by {len(councillors)} councillors"]


def _answer(question: Question, liaison: User, head: User, clerk: User | SystemActor, asked_at: dt.datetime,
            rng: random.Random, calendar: WorkCalendar) -> None:
    """Accepted the next morning, drafted within the week, approved by the head, compiled the day after."""
    accepted = asked_at + dt.timedelta(hours=20)
    drafted = asked_at + dt.timedelta(days=rng.randint(2, 5), hours=2)
    steps: list[tuple[User | SystemActor, str, dt.datetime, dict[str, str]]] = [
             (liaison, "accept", accepted, {}),
             (liaison, "answer", drafted, {"answer": rng.choice(ANSWERS)}),
             (head, "approve_answer", drafted + dt.timedelta(hours=3), {}),
             (clerk, "close", drafted + dt.timedelta(days=1), {})]
    for actor, name, at, data in steps:
        case_transition(actor=actor, case_id=question.pk, name=name, data=data, at=at, calendar=calendar)


def _heads(agencies: dict[str, Agency]) -> dict[str, User]:
    """Each agency's head: the existing account, else a demo login `<agency>.head`."""
    found = {user.agency_id: user for user in
             User.objects.filter(role=Role.AGENCY_HEAD, is_active=True, agency__in=agencies.values())
             .order_by("-pk")}
    heads: dict[str, User] = {}
    for name, agency in agencies.items():
        login, display_name, _topics = AGENCIES[name]
        heads[name] = found.get(agency.pk) or user_create(
            actor=SYSTEM, username=f"{login}.head", password=DEMO_PASSWORD, display_name=display_name,
            role=Role.AGENCY_HEAD, agency=agency, email=f"{login}.head@demo.invalid")
    return heads


def _liaisons(agencies: dict[str, Agency], heads: dict[str, User]) -> dict[str, User]:
    """Each agency's liaison when it has one (drafts the answer); otherwise its head drafts too."""
    found = {user.agency_id: user for user in
             User.objects.filter(role__in=AGENCY_ROLES, is_active=True, agency__in=agencies.values())
             .exclude(role=Role.AGENCY_HEAD).order_by("-pk")}
    return {name: found.get(agency.pk) or heads[name] for name, agency in agencies.items()}


def _sitting_days(session: Session) -> list[dt.date]:
    """The session's weekdays: councils sit on working days."""
    day, days = session.starts_on, []
    while day <= session.ends_on:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days or [session.starts_on]
