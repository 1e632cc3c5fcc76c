"""Consultations over HTTP (JSON API and pages), with the personas: the public booking and cancel without an
account, refusals as 4xx with the shared error body, masked citizens for staff, nothing for agencies."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone

from secretariat.accounts.models import User
from secretariat.audit.models import PersonalDataAccess
from secretariat.counters.models import Booking, Consultation, Slot
from secretariat.counters.tests.consultation_helpers import CITIZEN, associations, book, legal_slot, make_slot
from tests.fixtures import client_for

pytestmark = pytest.mark.django_db
__all__ = ["associations", "legal_slot"]
API = "/api/v1/counters/consultations"


def post_json(client: Client, url: str, data: dict[str, object]) -> Any:
    return client.post(url, json.dumps(data), content_type="application/json")


def test_anyone_sees_open_slots_and_books_one_over_the_api(legal_slot: Slot) -> None:
    citizen = Client()
    listed = citizen.get(f"{API}/open-slots?field=legal")
    assert listed.status_code == 200
    assert [slot["id"] for slot in listed.json()] == [legal_slot.pk]
    answer = post_json(citizen, f"{API}/bookings", {"slot_id": legal_slot.pk, **CITIZEN})
    assert answer.status_code == 201
    token = answer.json()["cancel_token"]
    again = post_json(Client(), f"{API}/bookings", {"slot_id": legal_slot.pk, **CITIZEN, "name": "李大同"})
    assert again.status_code == 409
    assert again.json()["code"] == "slot_taken"
    assert citizen.get(f"{API}/open-slots").json() == []
    cancelled = post_json(citizen, f"{API}/bookings/cancel", {"token": token})
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["name"] == "陳○華"


def test_bad_bookings_are_4xx_and_write_nothing(associations) -> None:
    past = make_slot(associations["legal"], days=-2)
    citizen = Client()
    assert post_json(citizen, f"{API}/bookings", {"slot_id": past.pk, **CITIZEN}).status_code == 400
    assert post_json(citizen, f"{API}/bookings", {"slot_id": 999_999, **CITIZEN}).status_code == 404
    assert post_json(citizen, f"{API}/bookings", {"slot_id": past.pk}).status_code == 422
    assert post_json(citizen, f"{API}/bookings/cancel", {"token": "nope"}).status_code == 404
    assert not Booking.objects.exists()


def test_staff_publish_list_and_serve_over_the_api(associations, secretariat_clerk: User) -> None:
    clerk = client_for(secretariat_clerk)
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    made = post_json(clerk, f"{API}/slots", {"association_id": associations["land"].pk, "date": tomorrow,
                                             "starts_at": "10:00", "ends_at": "10:30", "mode": "remote"})
    assert made.status_code == 201
    assert made.json()["field"] == "land"
    bad = post_json(clerk, f"{API}/slots", {"association_id": associations["land"].pk, "date": tomorrow,
                                            "starts_at": "10:00", "ends_at": "09:00"})
    assert bad.status_code == 400
    # Booked while the slot is still ahead, then its day comes (whatever the hour this test runs at).
    slot = make_slot(associations["legal"], days=1, hour=9, minute=0)
    booking = book(slot).booking
    Slot.objects.filter(pk=slot.pk).update(date=timezone.localdate())
    listed = clerk.get(f"{API}/bookings").json()
    assert [(row["id"], row["name"], row["phone"]) for row in listed] == [(booking.pk, "陳○華", "0912-***-678")]
    served = post_json(clerk, f"{API}/bookings/{booking.pk}/served", {"note": ""})
    assert served.status_code == 201
    assert post_json(clerk, f"{API}/bookings/{booking.pk}/served", {}).status_code == 409
    walk_in = post_json(clerk, f"{API}/walk-ins", {"served_on": timezone.localdate().isoformat(), "field": "legal"})
    assert walk_in.status_code == 201
    assert Consultation.objects.count() == 2
    table = clerk.get(f"{API}/table").json()
    assert table["rows"][0]["total"] == 2


@pytest.mark.parametrize("persona", ["liaison", "agency_head", "outsider", "councillor"])
def test_agency_people_see_and_do_nothing(associations, persona: str, request: pytest.FixtureRequest) -> None:
    client = client_for(request.getfixturevalue(persona))
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    assert client.get(f"{API}/bookings").status_code == 404
    assert client.get(f"{API}/slots").status_code == 404
    assert post_json(client, f"{API}/slots", {"association_id": associations["land"].pk, "date": tomorrow,
                                              "starts_at": "10:00", "ends_at": "10:30"}).status_code == 403
    assert client.get("/counters/consultations/").status_code == 404
    assert client.get("/counters/volunteers/").status_code == 404


def test_the_auditor_reads_masked_but_may_not_reveal(legal_slot: Slot, auditor: User) -> None:
    booking = book(legal_slot).booking
    client = client_for(auditor)
    assert client.get(f"{API}/bookings").status_code == 200
    assert client.get(f"/counters/consultations/bookings/{booking.pk}/reveal/").status_code == 404
    assert client.get("/api/v1/counters/volunteers").status_code == 200


def test_anonymous_staff_calls_are_refused(legal_slot: Slot) -> None:
    assert Client().get(f"{API}/bookings").status_code == 401
    assert Client().get("/counters/consultations/").status_code == 302  # to the sign-in page


def test_the_public_pages_book_and_cancel(legal_slot: Slot, django_capture_on_commit_callbacks) -> None:
    citizen = Client()
    page = citizen.get("/counters/consultations/book/")
    assert page.status_code == 200
    assert f"/counters/consultations/book/{legal_slot.pk}/" in page.content.decode()
    form = {"field": "legal", "name": CITIZEN["name"], "phone": CITIZEN["phone"], "email": CITIZEN["email"],
            "question": CITIZEN["question"]}
    with django_capture_on_commit_callbacks(execute=True):
        done = citizen.post(f"/counters/consultations/book/{legal_slot.pk}/", form)
    assert done.status_code == 201
    assert "/counters/consultations/book/cancel/" in done.content.decode()
    taken = Client().post(f"/counters/consultations/book/{legal_slot.pk}/", {**form, "name": "李大同"})
    assert taken.status_code == 409
    booking = Booking.objects.get()
    link = urlsplit(done.context["cancel_url"]).path
    assert citizen.get(link).status_code == 200
    booking.refresh_from_db()
    assert booking.status == "booked"  # opening the link cancels nothing
    assert citizen.post(link).status_code == 200
    booking.refresh_from_db()
    assert booking.status == "cancelled"


def test_staff_pages_mask_and_reveal_with_a_logged_reason(legal_slot: Slot, secretariat_clerk: User) -> None:
    booking = book(legal_slot).booking
    clerk = client_for(secretariat_clerk)
    page = clerk.get(f"/counters/consultations/?start={legal_slot.date.isoformat()}")
    assert page.status_code == 200
    html = page.content.decode()
    assert "陳○華" in html
    assert CITIZEN["phone"] not in html
    reveal_url = f"/counters/consultations/bookings/{booking.pk}/reveal/"
    assert clerk.post(reveal_url, {"reason": ""}).status_code == 400
    shown = clerk.post(reveal_url, {"reason": "聯繫改期"})
    assert shown.status_code == 200
    assert CITIZEN["phone"] in shown.content.decode()
    assert PersonalDataAccess.objects.count() == 1


def test_the_statistics_page_downloads_the_table(secretariat_clerk: User, associations) -> None:
    clerk = client_for(secretariat_clerk)
    assert clerk.get("/counters/consultations/stats/?period=112H2").status_code == 200
    for file_format in ("ods", "xlsx", "csv"):
        download = clerk.get(f"/counters/consultations/stats/?period=112H2&format={file_format}")
        assert download.status_code == 200
        assert download["Content-Disposition"].endswith(f'.{file_format}"')
    assert clerk.get("/counters/consultations/stats/?period=112H2&format=pdf").status_code == 400
    assert clerk.get("/counters/consultations/stats/?period=nonsense").status_code == 400


def test_the_administrator_edits_associations_and_posts_in_the_admin_audited(
        associations, secretariat_admin: User, auditor: User) -> None:
    from secretariat.audit.models import AuditEntry
    from secretariat.counters.models import Association, Post

    admin = client_for(secretariat_admin)
    added = admin.post("/admin/counters/association/add/", {"name": "臺北市不動產估價師公會", "field": "land",
                                                           "is_active": "on", "sort_order": "40"})
    assert added.status_code == 302
    assert Association.objects.filter(name="臺北市不動產估價師公會", field="land").exists()
    assert AuditEntry.objects.filter(action="counters.association_save").exists()
    assert admin.post("/admin/counters/post/add/", {"code": "plaza", "name": "市民廣場", "sort_order": "60",
                                                    "is_active": "on"}).status_code == 302
    assert Post.objects.filter(code="plaza").exists()
    reader = client_for(auditor)
    assert reader.get("/admin/counters/association/").status_code == 200
    assert reader.get("/admin/counters/booking/").status_code == 200
