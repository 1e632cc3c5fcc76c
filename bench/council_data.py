"""The council benchmark's data: the 14th council with invented councillors and sessions, 100,000 questions
and 50,000 councillors' data requests written with COPY (cases, timeline events, questions with their
agencies asked, data requests), one extraordinary session of 600 answered questions for the answer book.

Rows are built with petitions_data.Table (the models' own columns and defaults). Most items are long
finished (closed, answer approved or delivered); the latest regular session still has open and overdue
questions and the last weeks' data requests are still running, so the review list and the queues have
realistic work in them.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from contextlib import ExitStack
from typing import Any

from petitions_data import TAIPEI, Table, _copy_statement

BOOK_QUESTIONS = 600
COUNCILLORS = 61  # the 14th council's seats
AGENCIES = 30
BATCH_NOTE = "bench"
# Regular sessions (number, opens, closes); the reference data holds the first two.
SESSIONS = [(3, dt.date(2024, 3, 1), dt.date(2024, 5, 9)), (4, dt.date(2024, 9, 3), dt.date(2024, 11, 11)),
            (5, dt.date(2025, 3, 4), dt.date(2025, 5, 12)), (6, dt.date(2025, 9, 2), dt.date(2025, 11, 10)),
            (7, dt.date(2026, 3, 3), dt.date(2026, 5, 11)), (8, dt.date(2026, 9, 1), dt.date(2026, 11, 9))]
BOOK_SESSION = (1, dt.date(2026, 7, 7), dt.date(2026, 7, 17))  # 第14屆第1次臨時大會
REQUESTS_FROM, REQUESTS_TO = dt.date(2023, 1, 3), dt.date(2026, 11, 20)
TOPICS = ["捷運{line}延伸工程進度", "{district}社會住宅興建", "{district}人行道改善", "公車{bus}路線調整",
          "{district}公園設施維護", "長照據點布建", "校園午餐食材", "{district}道路挖掘管理", "垃圾清運時段",
          "老舊公寓耐震補強", "{line}車站無障礙設施", "夜間照明改善"]
DISTRICTS = ["北投區", "士林區", "內湖區", "南港區", "松山區", "信義區", "中山區", "大同區", "中正區", "萬華區",
             "大安區", "文山區"]
LINES = ["環狀線", "萬大線", "民生汐止線", "信義線"]


def structure() -> dict[str, Any]:
    """The term, its sessions and councillors; returns the ids the loader needs."""
    from secretariat.accounts.models import Agency
    from secretariat.council.models import Caucus, Councillor, Session, SessionKind, Term
    from secretariat.council.services import reference

    reference.load()
    term = Term.objects.get(number=reference.TERM_NUMBER)
    for number, opens, closes in SESSIONS:
        Session.objects.get_or_create(term=term, kind=SessionKind.REGULAR, number=number,
                                      defaults={"starts_on": opens, "ends_on": closes})
    number, opens, closes = BOOK_SESSION
    book, _created = Session.objects.get_or_create(term=term, kind=SessionKind.EXTRAORDINARY, number=number,
                                                   defaults={"starts_on": opens, "ends_on": closes})
    caucuses = list(Caucus.objects.filter(term=term))
    surnames, given = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周葉蘇", "怡君志明淑芬建宏雅婷俊傑美玲冠廷佳蓉家豪宜蓁承恩"
    Councillor.objects.bulk_create([
        Councillor(term=term, name=f"{surnames[n % len(surnames)]}{given[(2 * n) % len(given)]}"
                                   f"{given[(2 * n + 1) % len(given)]}{n:02d}",
                   caucus=caucuses[n % len(caucuses)], district=DISTRICTS[n % len(DISTRICTS)])
        for n in range(COUNCILLORS)])
    regular = list(Session.objects.filter(term=term, kind=SessionKind.REGULAR).order_by("starts_on"))
    agencies = list(Agency.objects.filter(is_active=True, is_secretariat=False, parent__isnull=True)
                    .order_by("sort_order", "pk").values_list("pk", flat=True))[:AGENCIES]
    transport = Agency.objects.get(short_name="交通局").pk
    if transport not in agencies:
        agencies[-1] = transport
    return {"sessions": [(session.pk, session.starts_on, session.ends_on) for session in regular],
            "book": (book.pk, book.starts_on, book.ends_on), "book_session": book,
            "councillors": list(Councillor.objects.filter(term=term).values_list("pk", flat=True)),
            "agencies": agencies}


def _at(day: dt.date, rng: random.Random) -> dt.datetime:
    minute = rng.randint(9 * 60, 17 * 60)
    return dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=TAIPEI)


def _topic(rng: random.Random) -> str:
    return rng.choice(TOPICS).format(district=rng.choice(DISTRICTS), line=rng.choice(LINES),
                                     bus=rng.randint(200, 699))


def load(questions: int, requests: int, ids: dict[str, Any], today: dt.date) -> dict[str, int]:
    """COPY the questions (the book session's 600 among them) and the data requests; returns row counts."""
    import psycopg
    from django.db import connection

    from secretariat.cases.models import Case, CaseEvent
    from secretariat.council.kinds.questions import KIND as QUESTION_KIND
    from secretariat.council.models import DataRequest, Question
    from secretariat.council.models.requests import KIND as REQUEST_KIND

    rng = random.Random(2026)  # noqa: S311 - invented data
    tables = {"cases": Table(Case), "events": Table(CaseEvent), "questions": Table(Question),
              "asked": Table(Question.agencies.through), "requests": Table(DataRequest)}
    counts = dict.fromkeys(tables, 0)
    councillors, agencies = ids["councillors"], ids["agencies"]
    latest = ids["sessions"][-1][0]
    with ExitStack() as stack:
        copy: dict[str, Any] = {}
        for name, table in tables.items():
            raw = stack.enter_context(psycopg.connect(os.environ["DATABASE_URL"]))
            raw.execute("SET session_replication_role = replica")
            copy[name] = stack.enter_context(raw.cursor().copy(_copy_statement(table)))

        def write(name: str, values: dict[str, Any]) -> None:
            counts[name] += 1
            copy[name].write_row(tables[name].row(values))

        def case(kind: str, reference: str, title: str, received: dt.datetime, lead: int, status: str,
                 due: dt.date, answered: dt.datetime | None, closed: dt.datetime | None) -> int:
            number = counts["cases"] + 1
            write("cases", {"id": number, "kind": kind, "reference": reference, "title": title, "status": status,
                            "lead_agency_id": lead, "received_at": received, "received_on": received.date(),
                            "assigned_on": received.date(), "due_on": due, "answered_at": answered,
                            "closed_at": closed, "outcome": "" if answered is None else
                            ("on_time" if answered.date() <= due else "late"), "updated_at": closed or received,
                            "version": 2 + (answered is not None) + (closed is not None)})
            steps = [("open", "", "received", received), ("assign", "received", "assigned", received)]
            if closed is not None:
                steps.append(("close", "answered", "closed", closed))
            for action, source, target, at in steps:
                write("events", {"id": counts["events"] + 1, "case_id": number, "occurred_at": at,
                                 "actor_label": BATCH_NOTE, "action": action, "from_status": source,
                                 "to_status": target, "agency_id": lead})
            return number

        plan = [(pk, opens, closes, (questions - BOOK_QUESTIONS) // len(ids["sessions"]))
                for pk, opens, closes in ids["sessions"]]
        plan[-1] = (*plan[-1][:3], questions - BOOK_QUESTIONS - sum(size for *_rest, size in plan[:-1]))
        plan.append((*ids["book"], BOOK_QUESTIONS))
        for session, opens, closes, size in plan:
            span = (closes - opens).days
            for serial in range(size):
                asked_on = opens + dt.timedelta(days=span * serial // size)
                received, lead, topic = _at(asked_on, rng), rng.choice(agencies), _topic(rng)
                due = asked_on + dt.timedelta(days=7)
                book = session == ids["book"][0]  # the book's session: every answer approved
                unfinished = not book and rng.random() < (0.08 if session == latest else 0.002)
                status = rng.choice(["assigned", "in_progress", "answered"]) if unfinished else "closed"
                answered = received + dt.timedelta(days=rng.randint(2, 9)) if status in ("answered", "closed") \
                    else None
                closed = answered + dt.timedelta(days=1) if status == "closed" and answered else None
                number = case(QUESTION_KIND, f"Q{counts['questions'] + 1:08d}", topic, received, lead, status, due,
                              answered, closed)
                write("questions", {
                    "case_id": number, "session_id": session, "councillor_id": rng.choice(councillors),
                    "asked_on": asked_on, "kind": "general" if rng.random() < 0.6 else "agency", "topic": topic,
                    "content": f"請說明{topic}之辦理情形、經費與期程，並於會後提供書面資料。" * 3,
                    "lead_agency_id": lead, "draft_answer": "已研議辦理。" if answered else "",
                    "approved_answer": ("本府已就所詢事項研議，預定於年底前完成規劃並辦理說明會，"
                                        "相關經費已納入年度預算。" * 3) if closed else "",
                    "approved_at": closed})
                write("asked", {"id": counts["asked"] + 1, "question_id": number, "agency_id": lead})
        span = (REQUESTS_TO - REQUESTS_FROM).days
        for serial in range(requests):
            filed_on = REQUESTS_FROM + dt.timedelta(days=span * serial // requests)
            received, lead, topic = _at(filed_on, rng), rng.choice(agencies), _topic(rng)
            urgency = rng.choices(["normal", "quick", "urgent"], weights=[85, 12, 3])[0]
            due = filed_on + dt.timedelta(days={"normal": 8, "quick": 5, "urgent": 2}[urgency])
            running = (today - filed_on).days < 14 and rng.random() < 0.7
            status = rng.choice(["assigned", "in_progress", "answered"]) if running else "closed"
            answered = received + dt.timedelta(days=rng.randint(1, 7)) if status != "assigned" else None
            if status == "in_progress":
                answered = None
            closed = answered + dt.timedelta(hours=4) if status == "closed" and answered else None
            number = case(REQUEST_KIND, f"R{serial + 1:08d}", topic, received, lead, status, due, answered, closed)
            write("requests", {
                "case_id": number, "councillor_id": rng.choice(councillors), "urgency": urgency, "rule_due": due,
                "subject": topic, "content": f"請提供{topic}之相關資料（近三年經費、執行進度）。",
                "answer": "資料如附件。" if answered else "", "released_at": closed, "first_released_at": closed,
                "released_on_time": None if closed is None else closed.date() <= due})
    with connection.cursor() as cursor:
        for name in ("cases", "events", "asked"):
            table = tables[name].name
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")  # noqa: S608
        for table in tables.values():
            cursor.execute(f'ANALYZE "{table.name}"')
    return counts
