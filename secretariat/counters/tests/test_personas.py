"""The counters' permissions as the people concerned would tell them: the Secretariat's clerks keep the
consultations, the volunteers and the tally; the auditor reads every record and changes none; a partner
association's account publishes its own slots and never sees who booked them; agency people and councillors
find no counters page at all; a citizen books and cancels with their own link only; someone switched off can
do nothing any more."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from secretariat.accounts.constants import Role
from secretariat.accounts.models import User
from secretariat.counters.models import Association, Booking, BookingStatus, Enquiry, Post, Slot, Volunteer
from secretariat.counters.services import enquiries as tally
from secretariat.counters.services import volunteer_roster, volunteer_shifts
from secretariat.counters.services.consultation_records import walk_in_record
from secretariat.counters.services.consultation_slots import slot_publish
from secretariat.counters.tests.consultation_helpers import CITIZEN, associations, book, make_slot, posts
from secretariat.counters.tests.enquiry_helpers import categories, clock, counter_clerk, on_working_day
from secretariat.counters.tests.refusal_helpers import nothing_written
from tests.fixtures import client_for, in_english

pytestmark = pytest.mark.django_db
__all__ = ["associations", "categories", "clock", "counter_clerk", "on_working_day", "posts"]
API = "/api/v1/counters"
TODAY = timezone.localdate()
TOMORROW = TODAY + dt.timedelta(days=1)


def post(client: Client, path: str, data: Any = None) -> Any:
    return client.post(f"{API}{path}", json.dumps(data or {}), content_type="application/json")


def moment(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.fixture
def desks(associations: dict[str, Association], posts: dict[str, Post], secretariat_clerk: User) -> dict[str, Any]:
    """The desks on an ordinary day: a booked legal slot and an open land slot, a walk-in, a volunteer with a
    shift yesterday (attended) and one tomorrow."""
    booked = book(make_slot(associations["legal"], days=2))
    land = slot_publish(actor=secretariat_clerk, association_id=associations["land"].pk, date=TOMORROW,
                        starts_at=dt.time(14), ends_at=dt.time(14, 30))
    walk_in = walk_in_record(actor=secretariat_clerk, served_on=TODAY, field="legal", citizen_name="林大同",
                             citizen_phone="0988777666")
    volunteer = volunteer_roster.volunteer_create(actor=secretariat_clerk, name="張志明", phone="0933123456",
                                                  email="chang@example.com")
    yesterday = TODAY - dt.timedelta(days=1)
    done = volunteer_shifts.shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk,
                                       post_id=posts["east-gate"].pk, starts_at=moment(yesterday, 9),
                                       ends_at=moment(yesterday, 12))
    volunteer_shifts.shift_attendance_record(actor=secretariat_clerk, shift_id=done.pk, attended=True)
    ahead = volunteer_shifts.shift_plan(actor=secretariat_clerk, volunteer_id=volunteer.pk,
                                        post_id=posts["east-gate"].pk, starts_at=moment(TOMORROW, 9),
                                        ends_at=moment(TOMORROW, 12))
    return {"booking": booked.booking, "token": booked.token, "land": land, "walk_in": walk_in,
            "volunteer": volunteer, "done": done, "ahead": ahead, "post": posts["east-gate"]}


def staff_pages(desks: dict[str, Any]) -> list[str]:
    volunteer = desks["volunteer"].pk
    return ["/counters/counter/", "/counters/counter/petition-help/", "/counters/counter/statistics/",
            "/counters/consultations/", "/counters/consultations/records/", "/counters/consultations/walk-in/",
            "/counters/consultations/stats/", f"/counters/consultations/bookings/{desks['booking'].pk}/reveal/",
            "/counters/volunteers/", "/counters/volunteers/new/", "/counters/volunteers/week/",
            "/counters/volunteers/counts/", "/counters/volunteers/trainings/",
            f"/counters/volunteers/{volunteer}/edit/", f"/counters/volunteers/{volunteer}/reveal/",
            f"/counters/volunteers/{volunteer}/certificate/"]


READS = ["/enquiries/today", "/enquiries/statistics", "/enquiry-categories", "/petition-help",
         "/consultations/slots", "/consultations/bookings", "/consultations/table", "/volunteers",
         "/volunteer-posts", "/volunteer-shifts", "/volunteer-counts?start=2023-01-01&end=2030-01-01",
         "/volunteer-trainings", "/volunteer-hours"]

PERSONAL = ["陳小華", "0912345678", "林大同", "0988777666", "0933123456", "chang@example.com"]


# --- Agency people and councillors ---------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["liaison", "agency_head", "civil_affairs_liaison", "councillor"])
def test_agency_people_and_councillors_find_no_counters_page_and_no_record(request, desks: dict[str, Any],
                                                                           who: str) -> None:
    client = client_for(request.getfixturevalue(who))
    for page in staff_pages(desks):
        response = client.get(page)
        assert response.status_code == 404, page
        assert not any(value in response.content.decode() for value in PERSONAL), page
    for path in READS:
        response = client.get(f"{API}{path}")
        assert response.status_code in (403, 404), path
        assert not any(value in response.content.decode() for value in PERSONAL), path


def test_an_agency_liaison_cannot_see_the_volunteer_roster_or_reveal_a_contact(liaison: User,
                                                                               desks: dict[str, Any]) -> None:
    client = client_for(liaison)
    with nothing_written():
        revealed = client.post(f"/counters/volunteers/{desks['volunteer'].pk}/reveal/", {"reason": "聯繫志工"})
        listed = client.get(f"{API}/volunteers")
    assert revealed.status_code == 404
    assert (listed.status_code, listed.json()["code"]) == (404, "not_found")
    assert "0933123456" not in revealed.content.decode()


@pytest.mark.parametrize("who", ["liaison", "outsider", "agency_head"])
def test_agency_people_change_nothing_at_the_counters(request, desks: dict[str, Any], categories,
                                                      on_working_day: dt.date, who: str) -> None:
    client = client_for(request.getfixturevalue(who))
    with nothing_written():
        answers = [
            post(client, "/enquiries", {"category_code": "civil"}),
            post(client, "/petition-help", {"helped_on": on_working_day.isoformat(), "kind": "individual",
                                            "action_taken": "協助"}),
            post(client, "/consultations/walk-ins", {"served_on": TODAY.isoformat(), "field": "legal"}),
            post(client, f"/consultations/bookings/{desks['booking'].pk}/no-show"),
            post(client, "/volunteers", {"name": "代填志工"}),
            post(client, f"/volunteer-shifts/{desks['ahead'].pk}/attendance", {"attended": False}),
            client.delete(f"{API}/volunteer-shifts/{desks['ahead'].pk}"),
        ]
        withdrawn = post(client, f"/consultations/slots/{desks['land'].pk}/withdraw")
    assert [answer.status_code for answer in answers] == [403] * len(answers)
    assert withdrawn.status_code == 404  # a slot they may not publish for is not theirs to see


# --- The auditor ----------------------------------------------------------------------------------------------

def test_the_auditor_reads_every_desk_with_the_citizens_and_volunteers_masked(auditor: User,
                                                                               desks: dict[str, Any]) -> None:
    client = client_for(auditor)
    for path in READS:
        response = client.get(f"{API}{path}")
        assert response.status_code == 200, path
        assert not any(value in response.content.decode() for value in PERSONAL), path
    [booking] = client.get(f"{API}/consultations/bookings").json()
    assert (booking["name"], booking["phone"]) == ("陳○華", "0912-***-678")
    [volunteer] = client.get(f"{API}/volunteers").json()
    assert volunteer["phone"] == "0933-***-456"


def test_the_auditor_changes_nothing_at_the_desks(auditor: User, desks: dict[str, Any]) -> None:
    client = client_for(auditor)
    shift, ahead, land = desks["done"], desks["ahead"], desks["land"]
    with nothing_written():
        writes = [
            post(client, "/consultations/slots", {"association_id": land.association_id,
                                                   "date": TOMORROW.isoformat(), "starts_at": "16:00",
                                                   "ends_at": "16:30"}),
            post(client, f"/consultations/bookings/{desks['booking'].pk}/served"),
            post(client, "/consultations/walk-ins", {"served_on": TODAY.isoformat(), "field": "legal"}),
            post(client, "/volunteers", {"name": "稽核志工"}),
            post(client, "/volunteer-shifts", {"volunteer_id": desks["volunteer"].pk, "post_id": desks["post"].pk,
                                               "starts_at": moment(TOMORROW, 14).isoformat(),
                                               "ends_at": moment(TOMORROW, 16).isoformat()}),
            post(client, f"/volunteer-shifts/{ahead.pk}/attendance", {"attended": True}),
            client.delete(f"{API}/volunteer-shifts/{ahead.pk}"),
            post(client, "/volunteer-counts", {"post_id": desks["post"].pk, "date": TODAY.isoformat(),
                                               "people_served": 1, "leaflets": 0}),
            post(client, "/volunteer-trainings", {"held_on": TODAY.isoformat(), "title": "稽核研習"}),
        ]
        withdrawn = post(client, f"/consultations/slots/{land.pk}/withdraw")
        pages = [client.post("/counters/consultations/walk-in/", {"served_on": TODAY.isoformat(), "field": "legal",
                                                                  "mode": "on_site"}),
                 client.post("/counters/volunteers/new/", {"name": "稽核志工"}),
                 client.post("/counters/volunteers/counts/", {"post": desks["post"].pk, "date": TODAY.isoformat(),
                                                              "people_served": "1", "leaflets": "0"}),
                 client.post(f"/counters/volunteers/{desks['volunteer'].pk}/reveal/", {"reason": "稽核抽查"}),
                 client.post(f"/counters/consultations/bookings/{desks['booking'].pk}/reveal/", {"reason": "稽核"})]
        stepped = client.post(f"/counters/volunteers/shifts/{shift.pk}/remove/")
    assert [(answer.status_code, answer.json()["code"]) for answer in writes] == [(403, "permission_denied")] * 9
    assert withdrawn.status_code == 404
    assert [page.status_code for page in pages] == [404] * len(pages)
    assert stepped.status_code == 302  # back to the week, with the refusal as a message


def test_the_auditor_reads_the_counters_statistics_but_not_the_tally_screen(auditor: User, categories,
                                                                            counter_clerk: User,
                                                                            on_working_day: dt.date) -> None:
    tally.enquiry_record(actor=counter_clerk, category_code="civil")
    client = client_for(auditor)
    assert client.get(f"{API}/enquiries/today").json()["today_total"] == 1
    assert client.get("/counters/counter/statistics/").status_code == 200
    assert client.get("/counters/counter/").status_code == 404
    with nothing_written():
        assert client.post("/counters/counter/record/", {"category": categories["civil"].pk}).status_code == 404
        assert post(client, "/enquiries/undo").status_code == 403


# --- A partner association's own account -------------------------------------------------------------------------

@pytest.fixture
def lawyer(associations: dict[str, Association], make_persona: Any) -> User:
    account = make_persona("lawyer", "律師公會窗口", Role.COUNCILLOR)
    associations["legal"].accounts.add(account)
    return account


def test_the_bar_association_publishes_its_own_slots_but_never_sees_who_booked(lawyer: User,
                                                                              associations: dict[str, Association],
                                                                              desks: dict[str, Any]) -> None:
    client = client_for(lawyer)
    made = post(client, "/consultations/slots", {"association_id": associations["legal"].pk,
                                                 "date": TOMORROW.isoformat(), "starts_at": "15:00",
                                                 "ends_at": "15:30"})
    assert made.status_code == 201
    listed = client.get(f"{API}/consultations/slots?end={(TODAY + dt.timedelta(days=5)).isoformat()}").json()
    assert {row["association"] for row in listed} == {associations["legal"].name}
    assert any(row["booked"] for row in listed)  # it knows its slot is taken, not by whom
    page = client.get("/counters/consultations/")
    assert page.status_code == 200
    assert not any(value in page.content.decode() for value in PERSONAL)
    with nothing_written():
        assert client.get(f"{API}/consultations/bookings").status_code == 404
        assert client.get(f"/counters/consultations/bookings/{desks['booking'].pk}/reveal/").status_code == 404
        other = post(client, "/consultations/slots", {"association_id": associations["land"].pk,
                                                      "date": TOMORROW.isoformat(), "starts_at": "15:00",
                                                      "ends_at": "15:30"})
        withdrawn = post(client, f"/consultations/slots/{desks['land'].pk}/withdraw")
    assert other.status_code == 403
    assert withdrawn.status_code == 404
    assert client.get("/counters/volunteers/").status_code == 404


def test_the_bar_association_withdraws_its_open_slot_but_not_a_booked_one(lawyer: User,
                                                                          associations: dict[str, Association],
                                                                          desks: dict[str, Any]) -> None:
    client = client_for(lawyer)
    open_slot = make_slot(associations["legal"], days=4)
    assert post(client, f"/consultations/slots/{open_slot.pk}/withdraw").json()["withdrawn"] is True
    with nothing_written():
        taken = post(client, f"/consultations/slots/{desks['booking'].slot_id}/withdraw")
    assert (taken.status_code, taken.json()["code"]) == (409, "slot_booked")


# --- Citizens -----------------------------------------------------------------------------------------------------

def test_a_citizen_cancels_their_own_booking_with_the_link_but_not_someone_elses(associations) -> None:
    mine = book(make_slot(associations["legal"], days=3))
    theirs = book(make_slot(associations["land"], days=3), name="李大同", phone="0922000111", ip="198.51.100.7")
    citizen = Client()
    own_page = citizen.get(f"/counters/consultations/book/cancel/{mine.token}/").content.decode()
    assert "李大同" not in own_page
    assert "0922000111" not in own_page
    with nothing_written():
        altered = citizen.post(f"/counters/consultations/book/cancel/{mine.token[:-1]}x/")
        guessed = post(citizen, "/consultations/bookings/cancel", {"token": theirs.token[:20]})
    assert altered.status_code == 404
    assert guessed.status_code == 404
    assert citizen.post(f"/counters/consultations/book/cancel/{mine.token}/").status_code == 200
    statuses = dict(Booking.objects.values_list("name", "status"))
    assert statuses == {"陳小華": BookingStatus.CANCELLED, "李大同": BookingStatus.BOOKED}


def test_a_cancelled_booking_frees_the_slot_for_the_next_citizen(associations) -> None:
    slot = make_slot(associations["legal"], days=3)
    first = book(slot)
    assert post(Client(), "/consultations/bookings", {"slot_id": slot.pk, **CITIZEN}).status_code == 409
    post(Client(), "/consultations/bookings/cancel", {"token": first.token})
    second = post(Client(), "/consultations/bookings", {"slot_id": slot.pk, **CITIZEN, "name": "李大同"})
    assert second.status_code == 201
    assert post(Client(), "/consultations/bookings/cancel", {"token": first.token}).json()["status"] == "cancelled"
    assert Booking.objects.get(name="李大同").status == BookingStatus.BOOKED  # the old link frees nothing


def test_an_anonymous_citizen_sees_open_slots_but_is_sent_to_sign_in_from_every_staff_page(
        desks: dict[str, Any]) -> None:
    citizen = Client()
    assert citizen.get("/counters/consultations/book/").status_code == 200
    open_ids = [row["id"] for row in citizen.get(f"{API}/consultations/open-slots").json()]
    assert open_ids == [desks["land"].pk]  # the booked slot is not offered again
    for page in staff_pages(desks):
        response = citizen.get(page)
        assert response.status_code == 302, page
        assert "login" in response["Location"], page


def test_a_citizen_cannot_book_a_withdrawn_slot_by_its_address(associations, secretariat_clerk: User) -> None:
    slot = make_slot(associations["legal"], days=3)
    Slot.objects.filter(pk=slot.pk).update(is_withdrawn=True)
    with nothing_written():
        page = Client().post(f"/counters/consultations/book/{slot.pk}/", {**CITIZEN, "field": "legal"})
        api = post(Client(), "/consultations/bookings", {"slot_id": slot.pk, **CITIZEN})
    assert page.status_code == 404
    assert (api.status_code, api.json()["code"]) == (404, "slot_unknown")


# --- The Secretariat's own clerks -----------------------------------------------------------------------------------

def test_a_clerk_cannot_undo_a_colleagues_entry_from_the_counter_screen(counter_clerk: User, secretariat_clerk: User,
                                                                        categories, on_working_day: dt.date) -> None:
    tally.enquiry_record(actor=counter_clerk, category_code="civil")
    colleague = in_english(client_for(secretariat_clerk))
    with nothing_written():
        screen = colleague.post("/counters/counter/undo/", HTTP_HX_REQUEST="true")
        api = post(colleague, "/enquiries/undo")
    assert "You have no entry of today left to undo." in screen.content.decode()
    assert (api.status_code, api.json()["code"]) == (404, "nothing_to_undo")
    assert Enquiry.objects.get().cancelled_at is None


def test_a_counter_clerk_tallies_but_edits_no_category_in_the_admin(counter_clerk: User, secretariat_admin: User,
                                                                    categories) -> None:
    clerk = client_for(counter_clerk)
    with nothing_written():
        added = clerk.post("/admin/counters/enquirycategory/add/", {"code": "tourism", "name": "觀光",
                                                                    "hotkey": "t", "sort_order": "90",
                                                                    "is_active": "on"})
    assert added.status_code in (302, 403)
    assert added.status_code == 403 or "/admin/login/" in added["Location"]
    assert client_for(secretariat_admin).get("/admin/counters/enquirycategory/").status_code == 200


def test_the_clerk_reveals_a_volunteers_contact_for_a_reason_and_it_is_logged(secretariat_clerk: User,
                                                                             desks: dict[str, Any]) -> None:
    from secretariat.audit.models import PersonalDataAccess

    client = client_for(secretariat_clerk)
    url = f"/counters/volunteers/{desks['volunteer'].pk}/reveal/"
    with nothing_written():
        assert client.post(url, {"reason": ""}).status_code == 400
    shown = client.post(url, {"reason": "排班聯繫"})
    assert "0933123456" in shown.content.decode()
    assert shown["Cache-Control"] == "no-store"
    assert PersonalDataAccess.objects.get().actor == secretariat_clerk


def test_a_switched_off_clerk_can_do_nothing_any_more(secretariat_clerk: User, desks: dict[str, Any]) -> None:
    client = client_for(secretariat_clerk)
    secretariat_clerk.is_active = False
    secretariat_clerk.save(update_fields=["is_active"])
    with nothing_written():
        api = post(client, f"/volunteer-shifts/{desks['ahead'].pk}/attendance", {"attended": False})
        page = client.post("/counters/volunteers/new/", {"name": "離職前新增"})
    assert api.status_code == 401
    assert page.status_code == 302
    assert "login" in page["Location"]
    assert not Volunteer.objects.filter(name="離職前新增").exists()
