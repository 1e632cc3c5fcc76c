"""Every operation of /api/v1/counters/ refuses with the one error body (docs/api.md): unknown ids are 404
`not_found`, bodies and parameters the schema refuses are 422 `invalid_input` naming the field, a service's
refusal is its 400, 409 or 429 with the service's code and field, no sign-in is 401. Every refusal leaves the
records as they were."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from secretariat.accounts.models import User
from secretariat.counters.models import Association, Post, Slot, Volunteer
from secretariat.counters.services import volunteer_roster, volunteer_shifts
from secretariat.counters.services.consultation_bookings import booking_cancel
from secretariat.counters.services.consultation_slots import slot_publish
from secretariat.counters.tests.consultation_helpers import CITIZEN, associations, book, legal_slot, make_slot, posts
from secretariat.counters.tests.enquiry_helpers import categories, clock, counter_clerk, on_working_day
from secretariat.counters.tests.refusal_helpers import nothing_written
from tests.fixtures import client_for, in_english
from tests.refusals import api_call, api_refusal

pytestmark = pytest.mark.django_db
__all__ = ["associations", "categories", "clock", "counter_clerk", "legal_slot", "on_working_day", "posts"]
API = "/api/v1/counters"
UNKNOWN = 987654
TODAY = timezone.localdate()
TOMORROW = TODAY + dt.timedelta(days=1)
YESTERDAY = TODAY - dt.timedelta(days=1)


def call(client: Client, method: str, path: str, data: Any = None) -> Any:
    return api_call(client, method, f"{API}{path}", data)


refusal = api_refusal


def local(day: dt.date, hour: int) -> str:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour))).isoformat()


@pytest.fixture
def desk(associations: dict[str, Association], posts: dict[str, Post], secretariat_clerk: User) -> dict[str, Any]:
    """One of each record the counters' operations take an id of: a volunteer, a shift yesterday, an open slot."""
    volunteer = volunteer_roster.volunteer_create(actor=secretariat_clerk, name="張志明", phone="0933123456")
    shift = volunteer_shifts.shift_plan(
        actor=secretariat_clerk, volunteer_id=volunteer.pk, post_id=posts["east-gate"].pk,
        starts_at=timezone.make_aware(dt.datetime.combine(YESTERDAY, dt.time(9))),
        ends_at=timezone.make_aware(dt.datetime.combine(YESTERDAY, dt.time(12))))
    slot = slot_publish(actor=secretariat_clerk, association_id=associations["legal"].pk, date=TOMORROW,
                        starts_at=dt.time(10), ends_at=dt.time(10, 30))
    return {"volunteer": volunteer, "shift": shift, "slot": slot, "post": posts["east-gate"],
            "association": associations["legal"]}


# --- Unknown ids: 404 -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("method", "path", "data"), [
    ("post", "/consultations/slots/{id}/withdraw", None),
    ("post", "/consultations/bookings/{id}/served", {"note": ""}),
    ("post", "/consultations/bookings/{id}/no-show", None),
    ("post", "/volunteer-shifts/{id}/attendance", {"attended": True}),
    ("delete", "/volunteer-shifts/{id}", None),
])
def test_every_operation_on_an_unknown_id_is_404(desk: dict[str, Any], secretariat_clerk: User, method: str,
                                                 path: str, data: Any) -> None:
    client = client_for(secretariat_clerk)
    with nothing_written():
        refusal(call(client, method, path.format(id=UNKNOWN), data), 404, "not_found", None)


def test_a_booking_for_an_unknown_slot_is_404_on_the_slot(reference_data: None) -> None:
    with nothing_written():
        refusal(call(Client(), "post", "/consultations/bookings", {"slot_id": UNKNOWN, **CITIZEN}), 404,
                "slot_unknown", "slot")


def test_cancelling_with_a_link_that_finds_nothing_is_404(legal_slot: Slot) -> None:
    token = book(legal_slot).token
    with nothing_written():
        for wrong in (token[:-2], "x" * 43):
            refusal(call(Client(), "post", "/consultations/bookings/cancel", {"token": wrong}), 404, "token_unknown")


def test_undo_with_nothing_left_to_undo_is_404(categories, counter_clerk: User, on_working_day: dt.date) -> None:
    with nothing_written():
        refusal(call(client_for(counter_clerk), "post", "/enquiries/undo", {}), 404, "nothing_to_undo")


# --- Bodies the schema refuses: 422 invalid_input naming the field -------------------------------------------

BODIES = [
    ("/enquiries", {"category_code": "civil", "chanel": "phone"}, "chanel"),
    ("/enquiries", {"category_id": "civil"}, "category_id"),
    ("/enquiries", {"category_code": "civil", "channel": "fax"}, "channel"),
    ("/enquiries/undo", {"enquiry_id": "the last one"}, "enquiry_id"),
    ("/petition-help", {"kind": "individual", "action_taken": "協助"}, "helped_on"),
    ("/petition-help", {"helped_on": "2023-10-03", "kind": "group", "action_taken": "協助"}, "kind"),
    ("/petition-help", {"helped_on": "112/10/03", "kind": "individual", "action_taken": "協助"}, "helped_on"),
    ("/petition-help", {"helped_on": "2023-10-03", "kind": "collective", "people_count": "many",
                        "action_taken": "協助"}, "people_count"),
    ("/petition-help", {"helped_on": "2023-10-03", "kind": "individual"}, "action_taken"),
    ("/consultations/slots", {"date": "2030-01-02", "starts_at": "10:00", "ends_at": "10:30"}, "association_id"),
    ("/consultations/slots", {"association_id": 1, "date": "2030-01-02", "starts_at": "2pm", "ends_at": "10:30"},
     "starts_at"),
    ("/consultations/slots", {"association_id": 1, "date": "next week", "starts_at": "10:00", "ends_at": "10:30"},
     "date"),
    ("/consultations/bookings/{slot}/served", {"notes": "x"}, "notes"),
    ("/consultations/walk-ins", {"field": "legal"}, "served_on"),
    ("/consultations/walk-ins", {"served_on": "2023-10-03"}, "field"),
    ("/consultations/walk-ins", {"served_on": "2023-10-03", "field": "legal", "association_id": "律師公會"},
     "association_id"),
    ("/volunteers", {"phone": "0933123456"}, "name"),
    ("/volunteers", {"name": "李春嬌", "joined_on": "last spring"}, "joined_on"),
    ("/volunteers", {"name": "李春嬌", "mobile": "0933"}, "mobile"),
    ("/volunteer-shifts", {"post_id": 1, "starts_at": "2030-01-02T09:00:00+08:00",
                           "ends_at": "2030-01-02T12:00:00+08:00"}, "volunteer_id"),
    ("/volunteer-shifts", {"volunteer_id": 1, "post_id": 1, "starts_at": "soon",
                           "ends_at": "2030-01-02T12:00:00+08:00"}, "starts_at"),
    ("/volunteer-shifts/{shift}/attendance", {}, "attended"),
    ("/volunteer-shifts/{shift}/attendance", {"attended": "perhaps"}, "attended"),
    ("/volunteer-shifts/{shift}/attendance", {"attended": True, "minutes": "all morning"}, "minutes"),
    ("/volunteer-counts", {"post_id": 1, "date": "2023-10-03", "people_served": 3}, "leaflets"),
    ("/volunteer-counts", {"post_id": 1, "date": "2023-10-03", "people_served": "many", "leaflets": 0},
     "people_served"),
    ("/volunteer-trainings", {"held_on": "2023-10-03"}, "title"),
    ("/volunteer-trainings", {"held_on": "2023-10-03", "title": "研習", "attendee_ids": "all"}, "attendee_ids"),
]


@pytest.mark.parametrize(("path", "data", "field"), BODIES)
def test_a_body_the_schema_refuses_is_422_naming_the_field(desk: dict[str, Any], secretariat_clerk: User,
                                                           path: str, data: dict[str, Any], field: str) -> None:
    client = in_english(client_for(secretariat_clerk))
    target = path.format(slot=desk["slot"].pk, shift=desk["shift"].pk)
    with nothing_written():
        body = refusal(call(client, "post", target, data), 422, "invalid_input", field)
    assert body["message"] == "Some of the values are missing or not valid."
    assert body["details"][0]["loc"][0] == "body"


@pytest.mark.parametrize(("data", "field"), [
    ({"name": "陳小華", "phone": "0912345678", "question": "押金"}, "slot_id"),
    ({"slot_id": "the first", **CITIZEN}, "slot_id"),
    ({"slot_id": 1, "name": "陳小華", "phone": "0912345678"}, "question"),
    ({"slot_id": 1, **CITIZEN, "website": "http://spam.example"}, "website"),
])
def test_a_citizens_booking_the_schema_refuses_is_422_and_books_nothing(legal_slot: Slot, data: dict[str, Any],
                                                                         field: str) -> None:
    with nothing_written():
        refusal(call(Client(), "post", "/consultations/bookings", data), 422, "invalid_input", field)


def test_a_cancel_without_its_token_is_422(reference_data: None) -> None:
    refusal(call(Client(), "post", "/consultations/bookings/cancel", {}), 422, "invalid_input", "token")


@pytest.mark.parametrize(("path", "query", "field"), [
    ("/volunteer-counts", {"end": "2023-10-03"}, "start"),
    ("/volunteer-counts", {"start": "112/10/01", "end": "2023-10-03"}, "start"),
    ("/volunteer-shifts", {"week": "this week"}, "week"),
    ("/volunteers", {"inactive": "perhaps"}, "inactive"),
    ("/consultations/slots", {"start": "tomorrow"}, "start"),
    ("/consultations/bookings", {"after": "the last"}, "after"),
    ("/consultations/bookings", {"end": "2023-02-30"}, "end"),
    ("/petition-help", {"limit": "all"}, "limit"),
    ("/petition-help", {"before": "x"}, "before"),
    ("/enquiry-categories", {"include_inactive": "perhaps"}, "include_inactive"),
])
def test_a_query_the_schema_refuses_is_422_naming_the_parameter(secretariat_clerk: User, path: str,
                                                                query: dict[str, str], field: str) -> None:
    body = refusal(call(client_for(secretariat_clerk), "get", path, query), 422, "invalid_input", field)
    assert body["details"][0]["loc"][0] == "query"


@pytest.mark.parametrize("path", ["/consultations/slots/one/withdraw", "/volunteer-shifts/first/attendance"])
def test_an_id_that_is_not_a_number_is_422_on_the_path(secretariat_clerk: User, path: str) -> None:
    body = refusal(call(client_for(secretariat_clerk), "post", path, {"attended": True}), 422, "invalid_input")
    assert body["details"][0]["loc"][0] == "path"


# --- Service refusals through HTTP: 400, 409, 429 with the service's code and field -----------------------------

@pytest.mark.parametrize(("path", "query", "code"), [
    ("/enquiries/statistics", {"period": "last year"}, "invalid_period"),
    ("/enquiries/statistics", {"from": "112/07"}, "invalid_range"),
    ("/enquiries/statistics", {"from": "112/12", "to": "112/07"}, "invalid_range"),
    ("/enquiries/statistics", {"from": "100/01", "to": "112/12"}, "range_too_long"),
    ("/consultations/table", {"period": "112H3"}, "invalid_period"),
    ("/consultations/table", {"first": "112/07", "last": "112/13"}, "invalid_month"),
    ("/volunteer-hours", {"period": "spring"}, "invalid_period"),
    ("/petition-help", {"since": "July"}, "invalid_month"),
    ("/petition-help", {"until": "112/00"}, "invalid_month"),
])
def test_a_period_or_month_the_service_cannot_read_is_400(counter_clerk: User, auditor: User, path: str,
                                                          query: dict[str, str], code: str) -> None:
    reader = auditor if path.startswith(("/consultations", "/volunteer")) else counter_clerk
    refusal(call(client_for(reader), "get", path, query), 400, code)


# (Was a 500: `9999-12` passed parse_month and MonthRange.end computed 1 January 10000. Fixed in parse_month.)
@pytest.mark.parametrize(("path", "query"), [
    ("/petition-help", {"until": "9999-12"}),
    ("/enquiries/statistics", {"from": "9999-12", "to": "9999-12"}),
])
def test_a_month_at_the_calendars_end_is_400(counter_clerk: User, path: str, query: dict[str, str]) -> None:
    refusal(call(client_for(counter_clerk), "get", path, query), 400, "invalid_month")


@pytest.mark.parametrize("path", ["/consultations/slots?start=9999-12-31", "/volunteer-shifts?week=9999-12-31"])
def test_a_day_at_the_calendars_end_is_refused_not_a_500(auditor: User, path: str) -> None:
    response = client_for(auditor).get(f"{API}{path}")
    assert 400 <= response.status_code < 500


def test_a_slot_the_service_refuses_is_400_or_409_on_its_field(desk: dict[str, Any], secretariat_clerk: User) -> None:
    client = client_for(secretariat_clerk)
    slot = {"association_id": desk["association"].pk, "date": TOMORROW.isoformat(), "starts_at": "10:00",
            "ends_at": "10:30"}
    with nothing_written():
        refusal(call(client, "post", "/consultations/slots", {**slot, "mode": "pigeon"}), 400, "invalid_mode", "mode")
        refusal(call(client, "post", "/consultations/slots", {**slot, "date": YESTERDAY.isoformat()}), 400,
                "past_date", "date")
        refusal(call(client, "post", "/consultations/slots", {**slot, "association_id": UNKNOWN}), 400, "invalid",
                "association")
        refusal(call(client, "post", "/consultations/slots", slot), 409, "slot_exists", "starts_at")


def test_a_booked_slot_cannot_be_withdrawn_over_the_api(desk: dict[str, Any], secretariat_clerk: User) -> None:
    book(desk["slot"])
    with nothing_written():
        refusal(call(client_for(secretariat_clerk), "post", f"/consultations/slots/{desk['slot'].pk}/withdraw"), 409,
                "slot_booked")


def test_a_booking_the_citizen_must_correct_is_400_on_its_field(legal_slot: Slot) -> None:
    citizen = in_english(Client())
    with nothing_written():
        for change, code, field in (({"phone": "12"}, "invalid", "phone"), ({"field": "land"}, "field_mismatch",
                                                                             "field"),
                                    ({"question": "字" * 501}, "invalid", "question")):
            body = refusal(call(citizen, "post", "/consultations/bookings",
                                {"slot_id": legal_slot.pk, **CITIZEN, **change}), 400, code, field)
    assert body["message"] == "Keep the question under 500 characters."


def test_the_sixth_booking_from_one_address_in_an_hour_is_429(associations) -> None:
    citizen = Client()
    for hour in range(9, 14):
        slot = make_slot(associations["legal"], hour=hour)
        assert call(citizen, "post", "/consultations/bookings", {"slot_id": slot.pk, **CITIZEN}).status_code == 201
    sixth = make_slot(associations["legal"], hour=15)
    with nothing_written():
        refusal(call(citizen, "post", "/consultations/bookings", {"slot_id": sixth.pk, **CITIZEN}), 429,
                "too_many_requests")


def test_cancelling_a_settled_booking_is_409(associations, secretariat_clerk: User) -> None:
    slot = make_slot(associations["legal"], days=1, hour=9)
    booked = book(slot)
    Slot.objects.filter(pk=slot.pk).update(date=TODAY, starts_at=dt.time(0), ends_at=dt.time(0, 30))
    client = client_for(secretariat_clerk)
    assert call(client, "post", f"/consultations/bookings/{booked.booking.pk}/no-show").status_code == 200
    with nothing_written():
        refusal(call(Client(), "post", "/consultations/bookings/cancel", {"token": booked.token}), 409,
                "not_cancellable")
        refusal(call(client, "post", f"/consultations/bookings/{booked.booking.pk}/served", {}), 409, "not_booked")


def test_serving_a_cancelled_or_future_booking_is_refused(legal_slot: Slot, secretariat_clerk: User) -> None:
    booked = book(legal_slot)
    client = client_for(secretariat_clerk)
    with nothing_written():
        refusal(call(client, "post", f"/consultations/bookings/{booked.booking.pk}/served", {}), 400, "not_yet")
        refusal(call(client, "post", f"/consultations/bookings/{booked.booking.pk}/no-show"), 400, "not_yet")
    booking_cancel(token=booked.token)
    with nothing_written():
        refusal(call(client, "post", f"/consultations/bookings/{booked.booking.pk}/no-show"), 409, "not_booked")


def test_a_walk_in_the_service_refuses_is_400_on_its_field(associations, secretariat_clerk: User) -> None:
    client = client_for(secretariat_clerk)
    walk_in = {"served_on": TODAY.isoformat(), "field": "legal"}
    with nothing_written():
        refusal(call(client, "post", "/consultations/walk-ins", {**walk_in, "field": "astrology"}), 400, "invalid",
                "field")
        refusal(call(client, "post", "/consultations/walk-ins", {**walk_in, "served_on": TOMORROW.isoformat()}), 400,
                "future_date", "served_on")
        refusal(call(client, "post", "/consultations/walk-ins",
                     {**walk_in, "association_id": associations["architecture"].pk}), 400, "invalid", "association")


def test_volunteer_writes_the_service_refuses_are_4xx_on_their_field(desk: dict[str, Any],
                                                                     secretariat_clerk: User) -> None:
    client = client_for(secretariat_clerk)
    volunteer, post, shift = desk["volunteer"], desk["post"], desk["shift"]
    plan = {"volunteer_id": volunteer.pk, "post_id": post.pk, "starts_at": local(YESTERDAY, 10),
            "ends_at": local(YESTERDAY, 11)}
    with nothing_written():
        refusal(call(client, "post", "/volunteers", {"name": "  "}), 400, "missing_fields", "name")
        refusal(call(client, "post", "/volunteer-shifts", plan), 409, "shift_overlap", "starts_at")
        refusal(call(client, "post", "/volunteer-shifts", {**plan, "ends_at": local(YESTERDAY, 10)}), 400,
                "invalid_times", "ends_at")
        refusal(call(client, "post", "/volunteer-shifts", {**plan, "volunteer_id": UNKNOWN}), 400, "invalid",
                "volunteer")
        refusal(call(client, "post", "/volunteer-shifts", {**plan, "post_id": UNKNOWN}), 400, "invalid", "post")
        refusal(call(client, "post", f"/volunteer-shifts/{shift.pk}/attendance", {"attended": True, "minutes": 0}),
                400, "invalid", "minutes")
        refusal(call(client, "post", "/volunteer-counts", {"post_id": post.pk, "date": TOMORROW.isoformat(),
                                                           "people_served": 1, "leaflets": 0}), 400, "future_date",
                "date")
        refusal(call(client, "post", "/volunteer-counts", {"post_id": UNKNOWN, "date": TODAY.isoformat(),
                                                           "people_served": 1, "leaflets": 0}), 400, "invalid", "post")
        refusal(call(client, "post", "/volunteer-trainings", {"held_on": TODAY.isoformat(), "title": "研習",
                                                              "attendee_ids": [volunteer.pk, UNKNOWN]}), 400,
                "invalid", "attendees")


def test_attendance_before_the_shift_and_removal_after_it_are_refused(desk: dict[str, Any],
                                                                      secretariat_clerk: User) -> None:
    client = client_for(secretariat_clerk)
    ahead = volunteer_shifts.shift_plan(
        actor=secretariat_clerk, volunteer_id=desk["volunteer"].pk, post_id=desk["post"].pk,
        starts_at=timezone.make_aware(dt.datetime.combine(TOMORROW, dt.time(9))),
        ends_at=timezone.make_aware(dt.datetime.combine(TOMORROW, dt.time(12))))
    with nothing_written():
        refusal(call(client, "post", f"/volunteer-shifts/{ahead.pk}/attendance", {"attended": True}), 400, "not_yet")
    assert call(client, "post", f"/volunteer-shifts/{desk['shift'].pk}/attendance",
                {"attended": False}).status_code == 200
    with nothing_written():
        refusal(client.delete(f"{API}/volunteer-shifts/{desk['shift'].pk}"), 409, "shift_attended")


def test_a_counter_refusal_is_explained_in_both_languages(categories, counter_clerk: User,
                                                          on_working_day: dt.date) -> None:
    client = in_english(client_for(counter_clerk))
    with nothing_written():
        body = refusal(call(client, "post", "/enquiries", {"category_code": "civil", "note": "字" * 301}), 400,
                       "note_too_long", "note")
    assert body["message"] == body["messages"]["en"] == "The note may have at most 300 characters."
    assert body["messages"]["zh-hant"] != body["messages"]["en"]


# --- No sign-in: 401 on every staff operation ---------------------------------------------------------------------

STAFF_OPERATIONS = [
    ("post", "/enquiries", {"category_code": "civil"}),
    ("post", "/enquiries/undo", {}),
    ("get", "/enquiries/today", None),
    ("get", "/enquiries/statistics", None),
    ("get", "/enquiry-categories", None),
    ("post", "/petition-help", {"helped_on": "2023-10-03", "kind": "individual", "action_taken": "協助"}),
    ("get", "/petition-help", None),
    ("get", "/consultations/slots", None),
    ("post", "/consultations/slots", {"association_id": 1, "date": "2030-01-02", "starts_at": "10:00",
                                      "ends_at": "10:30"}),
    ("post", "/consultations/slots/{slot}/withdraw", None),
    ("get", "/consultations/bookings", None),
    ("post", "/consultations/bookings/1/served", {}),
    ("post", "/consultations/bookings/1/no-show", None),
    ("post", "/consultations/walk-ins", {"served_on": "2023-10-03", "field": "legal"}),
    ("get", "/consultations/table", None),
    ("get", "/volunteers", None),
    ("post", "/volunteers", {"name": "某人"}),
    ("get", "/volunteer-posts", None),
    ("get", "/volunteer-shifts", None),
    ("post", "/volunteer-shifts", {"volunteer_id": 1, "post_id": 1, "starts_at": "2030-01-02T09:00:00+08:00",
                                   "ends_at": "2030-01-02T12:00:00+08:00"}),
    ("post", "/volunteer-shifts/{shift}/attendance", {"attended": True}),
    ("delete", "/volunteer-shifts/{shift}", None),
    ("get", "/volunteer-counts", {"start": "2023-10-01", "end": "2023-10-31"}),
    ("post", "/volunteer-counts", {"post_id": 1, "date": "2023-10-03", "people_served": 1, "leaflets": 0}),
    ("get", "/volunteer-trainings", None),
    ("post", "/volunteer-trainings", {"held_on": "2023-10-03", "title": "研習"}),
    ("get", "/volunteer-hours", None),
]


def test_every_staff_operation_without_a_sign_in_is_401_and_changes_nothing(desk: dict[str, Any]) -> None:
    anonymous = Client()
    with nothing_written():
        for method, path, data in STAFF_OPERATIONS:
            target = path.format(slot=desk["slot"].pk, shift=desk["shift"].pk)
            refusal(call(anonymous, method, target, data), 401, "not_authenticated")


def test_the_public_operations_need_no_sign_in(legal_slot: Slot) -> None:
    anonymous = Client()
    assert [row["id"] for row in call(anonymous, "get", "/consultations/open-slots").json()] == [legal_slot.pk]
    booked = call(anonymous, "post", "/consultations/bookings", {"slot_id": legal_slot.pk, **CITIZEN})
    assert booked.status_code == 201
    cancelled = call(anonymous, "post", "/consultations/bookings/cancel", {"token": booked.json()["cancel_token"]})
    assert cancelled.json()["status"] == "cancelled"


def test_a_volunteer_added_over_the_api_is_on_the_roster_once(secretariat_clerk: User) -> None:
    client = client_for(secretariat_clerk)
    assert call(client, "post", "/volunteers", {"name": "李春嬌", "email": "li@"}).status_code == 400
    assert call(client, "post", "/volunteers", {"name": "李春嬌"}).status_code == 201
    assert list(Volunteer.objects.values_list("name", flat=True)) == ["李春嬌"]
