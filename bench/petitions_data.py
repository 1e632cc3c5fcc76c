"""The petitions benchmark's data: reference rows and people, a million invented petitions written with
COPY, and the hand-written SQL the statistics are compared with.

Rows are built from the models' own column lists, so a column added later gets its model default
without this file changing. Dates are plausible rather than exact: due dates are eight calendar days
after assignment (about six working days); the statistics read whatever the rows say.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable, Iterator
from typing import Any
from zoneinfo import ZoneInfo

LIAISON = "bench.liaison"  # 交通局's liaison, whose inbox is measured
PASSWORD = "Taipei-bench-2026"  # noqa: S105 - a throwaway account in a throwaway database
TAIPEI = ZoneInfo("Asia/Taipei")
FIRST_DAY, LAST_DAY = dt.date(2023, 1, 1), dt.date(2026, 6, 30)
RECENT = dt.date(2026, 5, 1)  # petitions received from here on are often still open
FINISHED = (("closed", 930), ("declined", 20), ("answered", 10), ("in_progress", 15), ("assigned", 10),
            ("returned", 5), ("received", 5), ("merged", 5))
OPEN = (("received", 5), ("assigned", 25), ("in_progress", 35), ("answered", 15), ("closed", 20))
UNASSIGNED = {"received", "returned"}
BATCH_NOTE = "bench"


def reference_and_people() -> None:
    from secretariat.accounts.constants import Role
    from secretariat.accounts.models import Agency, Unit
    from secretariat.accounts.services import user_create
    from secretariat.core.changes import SYSTEM
    from secretariat.core.loading import run_loaders

    run_loaders("reference", lambda _line: None)
    user_create(actor=SYSTEM, username=LIAISON, password=PASSWORD, role=Role.AGENCY_LIAISON,
                agency=Agency.objects.get(short_name="交通局"), display_name="測試聯絡")
    secretariat = Agency.objects.get(is_secretariat=True)
    user_create(actor=SYSTEM, username="bench.clerk", password=PASSWORD, role=Role.SECRETARIAT_STAFF,
                agency=secretariat, unit=Unit.objects.filter(agency=secretariat).first(), display_name="測試書記")


def _agency_weights() -> tuple[list[int], list[int]]:
    """Agency ids weighted as the seed's table (district offices share 民政局's part)."""
    from secretariat.accounts.models import Agency
    from secretariat.petitions.demo.planning import CIVIL_AFFAIRS, SEED_TABLE

    agencies = {agency.short_name: agency for agency in Agency.objects.all()}
    ids, weights = [], []
    for name, count in SEED_TABLE:
        if name == CIVIL_AFFAIRS:
            members = [agencies["民政局"], *Agency.objects.filter(parent=agencies["民政局"])]
            ids += [member.pk for member in members]
            weights += [count * 10 // len(members) or 1] * len(members)
        else:
            ids.append(agencies[name].pk)
            weights.append(count * 10)
    return ids, weights


class Table:
    """A model's columns in table order, with each column's default, for COPY rows."""

    def __init__(self, model: Any) -> None:
        from django.db import models

        fields = model._meta.concrete_fields
        self.name = model._meta.db_table
        self.columns = [field.column for field in fields]
        self.position = {field.column: index for index, field in enumerate(fields)}
        self.template: list[Any] = []
        for field in fields:
            default = field.get_default() if field.has_default() or not field.null else None
            if isinstance(field, models.JSONField):
                default = json.dumps(default if default is not None else {})
            self.template.append(default)

    def row(self, values: dict[str, Any]) -> list[Any]:
        row = self.template.copy()
        for column, value in values.items():
            row[self.position[column]] = value
        return row


def _story(rng: random.Random, received_on: dt.date) -> str:
    stories, weights = zip(*(OPEN if received_on >= RECENT else FINISHED), strict=True)
    return rng.choices(stories, weights=weights)[0]


def _cases(total: int, agencies: tuple[list[int], list[int]], subjects: Callable[[random.Random], str],
           sink: dict[str, list[Any]]) -> Iterator[dict[str, Any]]:
    """One dict per case, in id order; timeline events and petition facts are left in `sink`."""
    rng = random.Random(2026)  # noqa: S311 - invented data
    span = (LAST_DAY - FIRST_DAY).days
    serial: dict[int, int] = {}
    ids, weights = agencies
    chosen = rng.choices(ids, weights=weights, k=total)
    for number in range(1, total + 1):
        received_on = FIRST_DAY + dt.timedelta(days=span * number // total)
        minute = rng.randint(8 * 60, 18 * 60)
        received_at = dt.datetime(received_on.year, received_on.month, received_on.day, minute // 60, minute % 60,
                                  tzinfo=TAIPEI)
        year = received_on.year - 1911
        serial[year] = serial.get(year, 0) + 1
        story = _story(rng, received_on)
        if story == "merged" and number == 1:
            story = "closed"
        case: dict[str, Any] = {
            "id": number, "kind": "petition", "reference": f"P{year:03d}{serial[year]:07d}",
            "title": subjects(rng), "status": story, "received_at": received_at, "received_on": received_on,
            "updated_at": received_at, "version": 1,
        }
        events = [("open", "", "received", received_at, None)]
        if story not in UNASSIGNED:
            lead = chosen[number - 1]
            assigned_at = received_at + dt.timedelta(hours=2)
            case.update(lead_agency_id=lead, assigned_on=assigned_at.date(),
                        due_on=assigned_at.date() + dt.timedelta(days=8), version=2)
            events.append(("assign", "received", "assigned", assigned_at, lead))
            if story in ("answered", "closed"):
                late = rng.random() < 0.08
                answered_at = received_at + dt.timedelta(days=rng.randint(9, 20) if late else rng.randint(1, 8),
                                                         minutes=rng.randint(0, 300))
                case.update(answered_at=answered_at, outcome="late" if late else "on_time", version=3)
                events.append(("answer", "in_progress", "answered", answered_at, lead))
                if story == "closed":
                    case.update(closed_at=answered_at + dt.timedelta(days=1), version=4)
            elif story in ("declined", "merged"):
                case.update(closed_at=received_at + dt.timedelta(days=3), version=3)
                if story == "declined":
                    case["decline_reason"] = "no_content"
                else:
                    case["merged_into_id"] = number - 1
                events.append((story[:-1] if story == "declined" else "merge", "assigned", story,
                               received_at + dt.timedelta(days=3), lead))
        sink["events"] = events
        sink["answered"] = story in ("answered", "closed") and story not in UNASSIGNED
        yield case


def _copy_statement(table: Table) -> str:
    names = ", ".join(f'"{column}"' for column in table.columns)
    return f'COPY "{table.name}" ({names}) FROM STDIN'


def load(total: int) -> dict[str, int]:
    """COPY `total` petitions with their cases and timelines; returns the row counts.

    Three connections stream the three tables at once, so nothing is held in memory and the server
    works on all three in parallel."""
    import os
    from contextlib import ExitStack

    import psycopg
    from django.db import connection

    from secretariat.cases.models import Case, CaseEvent
    from secretariat.petitions.demo import texts as words
    from secretariat.petitions.models import Category, Petition

    all_subjects = [pattern for patterns in words.SUBJECTS.values() for pattern in patterns]

    def subject(rng: random.Random) -> str:
        pattern = rng.choice(all_subjects)
        return pattern.format(district=rng.choice(words.DISTRICTS), road=rng.choice(words.ROADS),
                              line=rng.choice(words.LINES), bus=rng.randint(200, 699))

    category = Category.objects.order_by("pk").values_list("pk", flat=True).first()
    cases, events, petitions = Table(Case), Table(CaseEvent), Table(Petition)
    sink: dict[str, Any] = {}
    counts = {"cases": 0, "events": 0}
    with ExitStack() as stack:
        copies = []
        for table in (cases, events, petitions):
            raw = stack.enter_context(psycopg.connect(os.environ["DATABASE_URL"]))
            raw.execute("SET session_replication_role = replica")
            copies.append(stack.enter_context(raw.cursor().copy(_copy_statement(table))))
        case_copy, event_copy, petition_copy = copies
        for case in _cases(total, _agency_weights(), subject, sink):
            case_copy.write_row(cases.row(case))
            counts["cases"] += 1
            for action, source, target, at, agency in sink["events"]:
                counts["events"] += 1
                event_copy.write_row(events.row({
                    "id": counts["events"], "case_id": case["id"], "occurred_at": at, "actor_label": BATCH_NOTE,
                    "action": action, "from_status": source, "to_status": target, "agency_id": agency}))
            petition_copy.write_row(petitions.row({
                "case_id": case["id"], "category_id": category, "channel": "letter", "subject": case["title"],
                "content": f"市長您好：想反映「{case['title']}」的問題，懇請市府儘速處理。",
                "petitioner_name": "王○明", "petitioner_phone": "0912-***-678", "password_hash": "!",
                "answer": "已派員處理。" if sink["answered"] else ""}))
    with connection.cursor() as cursor:
        for table in (cases.name, events.name):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")  # noqa: S608
        for table in (cases.name, events.name, petitions.name):
            cursor.execute(f'ANALYZE "{table}"')
    return counts


HAND_WRITTEN = """
WITH chosen AS (
    SELECT c.lead_agency_id, c.outcome, c.received_on, (c.answered_at AT TIME ZONE 'Asia/Taipei')::date AS answered_on
    FROM cases_case c
    WHERE c.kind = 'petition' AND c.received_on BETWEEN %(start)s AND %(end)s
), days AS (
    SELECT d::date AS day,
           CASE WHEN cd.kind = 'makeup' THEN 1 WHEN cd.kind IS NOT NULL THEN 0
                WHEN EXTRACT(ISODOW FROM d) < 6 THEN 1 ELSE 0 END AS working
    FROM generate_series(%(start)s::date, (SELECT GREATEST(MAX(answered_on), %(end)s::date) FROM chosen), '1 day') d
    LEFT JOIN core_calendarday cd ON cd.date = d::date
), numbered AS (
    SELECT day, SUM(working) OVER (ORDER BY day) AS n FROM days
)
SELECT COALESCE(a.parent_id, a.id) AS agency,
       COUNT(*) AS received,
       COUNT(*) FILTER (WHERE ch.outcome = 'on_time') AS on_time,
       COUNT(*) FILTER (WHERE ch.outcome = 'late') AS late,
       COALESCE(SUM(answered.n - received.n) FILTER (WHERE ch.outcome IN ('on_time', 'late')
                                                     AND ch.answered_on IS NOT NULL), 0) AS working_days
FROM chosen ch
LEFT JOIN accounts_agency a ON a.id = ch.lead_agency_id
LEFT JOIN numbered received ON received.day = ch.received_on
LEFT JOIN numbered answered ON answered.day = ch.answered_on
GROUP BY 1
ORDER BY received DESC
"""


def hand_written_statistics(connection: Any, period: Any) -> list[tuple[Any, ...]]:
    """The by-agency figures of `petitions.selectors.statistics.by_agency`, as one would write them by hand."""
    with connection.cursor() as cursor:
        cursor.execute(HAND_WRITTEN, {"start": period.start, "end": period.end})
        return [(agency, received, on_time, late, int(days)) for agency, received, on_time, late, days in cursor]
