"""Reference data: the 14th Taipei City Council (第14屆), its first sessions and its caucuses.

The term's dates are the councillors' four-year term (就職 2022-12-25, ending 2026-12-24). The session
dates below are NOT an official record: we could not find the council's own calendar, so they are the
platform's defaults, chosen within 地方制度法 §34 (a regular session every six months, at most 70 days
long) and so that the 2nd regular session falls in 112年下半年, the half-year whose work report counts
its 577 questions. An administrator corrects them in the administration site; loading again never
overwrites an edit. No councillor is shipped: the roster is imported (`council_import_councillors`).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from secretariat.core.changes import SYSTEM, record_change, snapshot
from secretariat.council.models import Caucus, Session, SessionKind, Term

TERM_NUMBER = 14
TERM_STARTS_ON = dt.date(2022, 12, 25)
TERM_ENDS_ON = dt.date(2026, 12, 24)

# (number, opens on, closes on): the platform's editable defaults, see the module docstring.
REGULAR_SESSIONS: list[tuple[int, dt.date, dt.date]] = [
    (1, dt.date(2023, 3, 1), dt.date(2023, 5, 9)),
    (2, dt.date(2023, 9, 5), dt.date(2023, 11, 13)),
]

# (name, short name): the caucuses formed in the 14th council, and the independents' alliance.
CAUCUSES: list[tuple[str, str]] = [
    ("中國國民黨黨團", "國民黨"),
    ("民主進步黨黨團", "民進黨"),
    ("台灣民眾黨黨團", "民眾黨"),
    ("無黨團結聯盟", "無盟"),
]


def load() -> list[str]:
    """Add what is missing; leave what exists (and an administrator's edits) alone."""
    added: list[str] = []
    with transaction.atomic():
        term = Term.objects.filter(number=TERM_NUMBER).first()
        if term is None:
            term = Term.objects.create(number=TERM_NUMBER, starts_on=TERM_STARTS_ON, ends_on=TERM_ENDS_ON)
            record_change(actor=SYSTEM, action="council.term_create", target=term,
                          after=snapshot(term, ["number", "starts_on", "ends_on"]))
            added.append("1 council term")
        sessions = 0
        for number, opens, closes in REGULAR_SESSIONS:
            if not Session.objects.filter(term=term, kind=SessionKind.REGULAR, number=number).exists():
                session = Session.objects.create(term=term, kind=SessionKind.REGULAR, number=number,
                                                 starts_on=opens, ends_on=closes)
                record_change(actor=SYSTEM, action="council.session_create", target=session,
                              after=snapshot(session, ["term", "kind", "number", "starts_on", "ends_on"]))
                sessions += 1
        caucuses = 0
        for name, short_name in CAUCUSES:
            if not Caucus.objects.filter(term=term, name=name).exists():
                caucus = Caucus.objects.create(term=term, name=name, short_name=short_name)
                record_change(actor=SYSTEM, action="council.caucus_create", target=caucus,
                              after=snapshot(caucus, ["term", "name", "short_name"]))
                caucuses += 1
    if sessions:
        added.append(f"{sessions} council sessions")
    if caucuses:
        added.append(f"{caucuses} caucuses")
    return added
