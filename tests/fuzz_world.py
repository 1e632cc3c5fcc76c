"""A small demo-like world for the API fuzz (tests/test_api_fuzz.py): the reference data, the demo accounts and
a few records of every area, so that list and detail operations answer with real rows rather than empty pages.

The full demo (`demo_load`) takes about a minute and a half here; these parts of it, plus one record per area
written through the same services a clerk uses, take a few seconds.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import transaction

from secretariat.accounts.models import Agency, User
from secretariat.accounts.services import api_token_create
from secretariat.core.loading import run_loaders

TAIPEI = ZoneInfo("Asia/Taipei")

# The personas the fuzz acts as: a Secretariat administrator (sees and may do the most) and an agency
# liaison (sees one agency: the scoped selectors and the refusals). Usernames from accounts/demo.py.
PERSONAS = ("admin", "liaison")


def _demo_parts() -> None:
    from secretariat.accounts import demo as accounts
    from secretariat.council.demo import structure
    from secretariat.counters.demo import consultations, enquiries, volunteers
    from secretariat.media.demo import press
    from secretariat.petitions import demo as petitions

    for load in (accounts.load, petitions._load_waiting, structure.load, enquiries.load, consultations.load,
                 volunteers.load, press.load):
        with transaction.atomic():
            load()


def _one_of_each() -> None:
    """A council question, a data request and an opinion item: their demo parts are the slow ones."""
    from secretariat.council.models import Councillor, Session
    from secretariat.council.services.questions import question_record
    from secretariat.council.services.requests import request_file
    from secretariat.media.services.opinion import opinion_item_create

    admin = User.objects.get(username="admin")
    transport = Agency.objects.get(short_name="交通局")
    session = Session.objects.order_by("-starts_on").first()
    councillor = Councillor.objects.filter(is_active=True).order_by("pk").first()
    if session is not None and councillor is not None:
        question_record(actor=admin, session_id=session.pk, councillor=councillor, asked_on=session.starts_on,
                        kind="general", topic="捷運延伸線進度", content="請說明進度。", agencies=[transport])
        request_file(actor=admin, councillor_id=councillor.pk, subject="公車路線營運資料",
                     content="請提供本市公車路線營運資料")
    media = User.objects.get(username="media")
    opinion_item_create(actor=media, outlet="北市日報", medium="news", headline="捷運板南線號誌故障 通勤族受困",
                        seen_at=dt.datetime(2023, 9, 12, 9, tzinfo=TAIPEI), sentiment="negative", reach=12000,
                        agency_ids=[transport.pk])


def build() -> dict[str, str]:
    """Write the world and return a fresh API token per persona (`Authorization: Bearer …`)."""
    run_loaders("reference", lambda line: None)
    _demo_parts()
    _one_of_each()
    tokens = {}
    for username in PERSONAS:
        _token, raw = api_token_create(actor=User.objects.get(username=username), name="fuzz")
        tokens[username] = raw
    return tokens
