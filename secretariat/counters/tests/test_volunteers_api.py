"""Volunteers over HTTP: the JSON API and the pages, with the personas; overlapping shifts and negative
counts refused with a clear 4xx and nothing written; the week grid; the certificate download."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from secretariat.accounts.models import User
from secretariat.audit.models import PersonalDataAccess
from secretariat.core import roc
from secretariat.counters.models import (
    Association,
    ConsultationField,
    DailyCount,
    Post,
    Shift,
    Volunteer,
    VolunteerTraining,
)
from secretariat.counters.services.consultation_records import walk_in_record
from secretariat.counters.services.volunteer_roster import daily_count_record, training_record, volunteer_create
from secretariat.counters.services.volunteer_shifts import shift_attendance_record, shift_plan
from secretariat.counters.tests.consultation_helpers import associations, book, make_slot, posts
from tests.fixtures import client_for

pytestmark = pytest.mark.django_db
__all__ = ["associations", "posts"]
API = "/api/v1/counters"


def post_json(client: Client, url: str, data: dict[str, object]) -> Any:
    return client.post(url, json.dumps(data), content_type="application/json")


def at(day: dt.date, hour: int) -> str:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour))).isoformat()


@pytest.fixture
def volunteer(secretariat_clerk: User) -> Volunteer:
    return volunteer_create(actor=secretariat_clerk, name="張志明", phone="0933123456", email="chang@example.com")


def test_the_roster_api_masks_contacts(volunteer: Volunteer, secretariat_clerk: User) -> None:
    clerk = client_for(secretariat_clerk)
    [row] = clerk.get(f"{API}/volunteers").json()
    assert row["phone"] == "0933-***-456"
    added = post_json(clerk, f"{API}/volunteers", {"name": "李春嬌", "email": "bad"})
    assert added.status_code == 400
    assert added.json()["field"] == "email"
    assert post_json(clerk, f"{API}/volunteers", {"name": "李春嬌"}).status_code == 201


def test_shifts_over_the_api_refuse_overlaps(volunteer: Volunteer, posts: dict[str, Post],
                                             secretariat_clerk: User) -> None:
    clerk = client_for(secretariat_clerk)
    day = timezone.localdate() + dt.timedelta(days=3)
    first = post_json(clerk, f"{API}/volunteer-shifts", {"volunteer_id": volunteer.pk, "post_id": posts["east-gate"].pk,
                                                         "starts_at": at(day, 9), "ends_at": at(day, 12)})
    assert first.status_code == 201
    clash = post_json(clerk, f"{API}/volunteer-shifts", {"volunteer_id": volunteer.pk, "post_id": posts["west-gate"].pk,
                                                         "starts_at": at(day, 11), "ends_at": at(day, 14)})
    assert clash.status_code == 409
    assert clash.json()["code"] == "shift_overlap"
    assert Shift.objects.count() == 1
    listed = clerk.get(f"{API}/volunteer-shifts?week={day.isoformat()}").json()
    assert [row["id"] for row in listed] == [first.json()["id"]]
    assert clerk.delete(f"{API}/volunteer-shifts/{first.json()['id']}").status_code == 204


def test_counts_and_trainings_over_the_api(volunteer: Volunteer, posts: dict[str, Post],
                                           secretariat_clerk: User) -> None:
    clerk = client_for(secretariat_clerk)
    day = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    post = posts["service-centre"].pk
    negative = post_json(clerk, f"{API}/volunteer-counts", {"post_id": post, "date": day, "people_served": -3,
                                                            "leaflets": 10})
    assert negative.status_code == 400
    assert negative.json()["code"] == "negative_count"
    assert not DailyCount.objects.exists()
    assert post_json(clerk, f"{API}/volunteer-counts", {"post_id": post, "date": day, "people_served": 300,
                                                        "leaflets": 90}).status_code == 201
    assert clerk.get(f"{API}/volunteer-counts?start={day}&end={day}").json()[0]["people_served"] == 300
    training = post_json(clerk, f"{API}/volunteer-trainings", {"held_on": "2023-09-15", "title": "志工教育訓練",
                                                               "attendee_ids": [volunteer.pk]})
    assert training.status_code == 201
    assert clerk.get(f"{API}/volunteer-trainings").json()[0]["attendees"] == 1


@pytest.mark.parametrize("persona", ["liaison", "outsider", "councillor"])
def test_agency_people_cannot_reach_the_volunteers(persona: str, request: pytest.FixtureRequest,
                                                  posts: dict[str, Post]) -> None:
    client = client_for(request.getfixturevalue(persona))
    assert client.get(f"{API}/volunteers").status_code == 404
    assert post_json(client, f"{API}/volunteers", {"name": "某人"}).status_code == 403
    assert client.get("/counters/volunteers/week/").status_code == 404


def test_the_auditor_reads_but_does_not_plan(auditor: User, volunteer: Volunteer, posts: dict[str, Post]) -> None:
    client = client_for(auditor)
    assert client.get("/counters/volunteers/week/").status_code == 200
    day = timezone.localdate() + dt.timedelta(days=3)
    assert client.post("/counters/volunteers/week/", {"volunteer": volunteer.pk, "post": posts["east-gate"].pk,
                                                      "date": day.isoformat(), "starts_at": "09:00",
                                                      "ends_at": "12:00"}).status_code == 404
    assert not VolunteerTraining.objects.exists()


def test_the_week_page_plans_a_shift_and_shows_an_overlap_in_the_form(
        volunteer: Volunteer, posts: dict[str, Post], secretariat_clerk: User) -> None:
    clerk = client_for(secretariat_clerk)
    day = timezone.localdate() + dt.timedelta(days=3)
    form = {"volunteer": volunteer.pk, "post": posts["east-gate"].pk, "date": day.isoformat(), "starts_at": "09:00",
            "ends_at": "12:00"}
    planned = clerk.post("/counters/volunteers/week/", form)
    assert planned.status_code == 302
    grid = clerk.get(planned["Location"])
    assert "張志明" in grid.content.decode()
    clash = clerk.post("/counters/volunteers/week/", {**form, "post": posts["west-gate"].pk, "starts_at": "10:00"})
    assert clash.status_code == 409
    assert "張志明" in clash.content.decode()
    assert Shift.objects.count() == 1


def test_pages_for_roster_counts_trainings_reveal_and_certificate(
        volunteer: Volunteer, posts: dict[str, Post], secretariat_clerk: User) -> None:
    clerk = client_for(secretariat_clerk)
    roster = clerk.get("/counters/volunteers/").content.decode()
    assert "0933-***-456" in roster
    assert "0933123456" not in roster
    assert clerk.post(f"/counters/volunteers/{volunteer.pk}/reveal/", {"reason": "排班聯繫"}).status_code == 200
    assert PersonalDataAccess.objects.count() == 1
    day = timezone.localdate() - dt.timedelta(days=1)
    negative = clerk.post("/counters/volunteers/counts/", {"post": posts["east-gate"].pk, "date": day.isoformat(),
                                                           "people_served": "-1", "leaflets": "3"})
    assert negative.status_code == 400
    assert clerk.post("/counters/volunteers/counts/", {"post": posts["east-gate"].pk, "date": day.isoformat(),
                                                       "people_served": "12", "leaflets": "3"}).status_code == 302
    assert clerk.post("/counters/volunteers/trainings/", {"held_on": "2023-11-11", "title": "研習",
                                                          "attendees": [volunteer.pk]}).status_code == 302
    assert clerk.post("/counters/volunteers/new/", {"name": "新志工"}).status_code == 302
    shift = shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk, post_id=posts["east-gate"].pk,
                       starts_at=timezone.make_aware(dt.datetime.combine(day, dt.time(9))),
                       ends_at=timezone.make_aware(dt.datetime.combine(day, dt.time(12))))
    shift_attendance_record(actor=secretariat_clerk, shift_id=shift.pk, attended=True)
    url = f"/counters/volunteers/{volunteer.pk}/certificate/"
    assert clerk.get(url).status_code == 200
    odt = clerk.get(url, {"start": day.isoformat(), "end": day.isoformat(), "format": "odt"})
    assert odt.status_code == 200
    assert odt["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert clerk.get(url, {"start": "2020-01-01", "end": "2020-01-31", "format": "odt"}).status_code == 400


@pytest.fixture
def counters_world(volunteer: Volunteer, posts: dict[str, Post], associations: dict[str, Association],
                   secretariat_clerk: User) -> dict[str, dt.date]:
    """One of everything the counters' pages list: a booking, a walk-in, a shift, a day's count, a training."""
    today = timezone.localdate()
    book(make_slot(associations[ConsultationField.LEGAL]))
    walk_in_record(actor=secretariat_clerk, served_on=today, field=ConsultationField.LEGAL, citizen_name="林大同")
    shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk, post_id=posts["east-gate"].pk,
               starts_at=timezone.make_aware(dt.datetime.combine(today, dt.time(9))),
               ends_at=timezone.make_aware(dt.datetime.combine(today, dt.time(12))))
    daily_count_record(actor=secretariat_clerk, post_id=posts["east-gate"].pk, date=today - dt.timedelta(days=1),
                       people_served=37, leaflets=5)
    training_record(actor=secretariat_clerk, held_on=today - dt.timedelta(days=2), title="防災研習",
                    attendee_ids=[volunteer.pk])
    return {"today": today}


def page_text(user: User, url: str) -> str:
    html = client_for(user).get(url).content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[html.find("<main"):]))


# What each page must show of the world above, masked where it is personal data.
PAGES: dict[str, list[str]] = {
    "/counters/consultations/": ["陳○華", "0912-***-678", "租屋押金糾紛如何處理？", "已預約"],
    "/counters/consultations/records/": ["林○同", "法律諮詢", "臨櫃"],
    "/counters/consultations/stats/": ["專業諮詢統計", "法律諮詢"],
    "/counters/volunteers/": ["張志明", "0933-***-456"],
    "/counters/volunteers/week/": ["市政大樓東門", "09:00–12:00 張志明"],
    "/counters/volunteers/counts/": ["市政大樓東門 37 5"],
    "/counters/volunteers/trainings/": ["防災研習 — 1"],
}


@pytest.mark.parametrize("url", PAGES)
def test_every_page_shows_its_records_to_the_clerk_and_the_auditor(
        url: str, counters_world: dict[str, dt.date], secretariat_clerk: User, auditor: User) -> None:
    for user in (secretariat_clerk, auditor):
        text = page_text(user, url)
        for expected in PAGES[url]:
            assert expected in text
        assert "0912345678" not in text
        assert "0933123456" not in text


def test_the_counts_and_trainings_carry_their_roc_dates(counters_world: dict[str, dt.date], auditor: User) -> None:
    today = counters_world["today"]
    assert roc.format_slash(today - dt.timedelta(days=1)) in page_text(auditor, "/counters/volunteers/counts/")
    assert roc.format_slash(today - dt.timedelta(days=2)) in page_text(auditor, "/counters/volunteers/trainings/")


def test_recording_pages_are_the_secretariats(secretariat_clerk: User, auditor: User) -> None:
    assert client_for(secretariat_clerk).get("/counters/consultations/walk-in/").status_code == 200
    assert client_for(secretariat_clerk).get("/counters/volunteers/new/").status_code == 200
    assert client_for(auditor).get("/counters/consultations/walk-in/").status_code == 404
    assert client_for(auditor).get("/counters/volunteers/new/").status_code == 404
