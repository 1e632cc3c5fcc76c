"""The counter's pages: the tally screen (htmx and plain posts), undo, statistics with downloads, and the
petition help form — for the Secretariat's clerks; agency staff get a 404."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from secretariat.accounts.models import User
from secretariat.counters.models import Enquiry, EnquiryCategory, PetitionHelp
from secretariat.counters.tests.enquiry_helpers import (
    SUNDAY,
    at,
    categories,
    clock,
    counter_clerk,
    on_working_day,
)

__all__ = ["categories", "clock", "counter_clerk", "on_working_day"]
pytestmark = pytest.mark.django_db
HTMX: dict[str, Any] = {"HTTP_HX_REQUEST": "true"}


def test_the_counter_screen_shows_a_button_per_category_with_its_key(
        client_for: Callable[..., Client], counter_clerk: User, categories: dict[str, EnquiryCategory],
        on_working_day: dt.date) -> None:
    page = client_for(counter_clerk).get("/counters/counter/")
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('class="tally-button"') == 6
    assert 'data-hotkey="1"' in html
    assert "民政" in html
    assert "counters/counter.js" in html
    assert 'hx-sync="this:queue all"' in html  # fast presses are queued, never dropped


def test_a_press_records_and_the_tally_area_comes_back_with_new_counts(
        client_for: Callable[..., Client], counter_clerk: User, categories: dict[str, EnquiryCategory],
        on_working_day: dt.date) -> None:
    client = client_for(counter_clerk)
    for _press in range(2):
        answer = client.post("/counters/counter/record/", {"category": categories["education"].pk,
                                                            "channel": "phone"}, **HTMX)
    assert answer.status_code == 200
    html = answer.content.decode()
    assert 'id="tally-board"' in html.split(">", 1)[0]
    assert "<html" not in html
    assert 'id="tally-today-total">2<' in html
    assert 'id="tally-recorded"' in html
    assert 'name="channel" value="phone"' in html  # undo keeps the channel chosen
    assert '<div id="undo-state" hx-swap-oob="true">' in html  # the undo button and the list, out of band
    assert '<ol class="recent" id="tally-recent" hx-swap-oob="true">' in html
    assert Enquiry.objects.filter(channel="phone").count() == 2


def test_without_htmx_a_press_redirects_back_to_the_screen(client_for: Callable[..., Client], counter_clerk: User,
                                                           categories: dict[str, EnquiryCategory],
                                                           on_working_day: dt.date) -> None:
    client = client_for(counter_clerk)
    answer = client.post("/counters/counter/record/", {"category": categories["civil"].pk, "channel": "counter"})
    assert answer.status_code == 302
    assert answer["Location"].startswith("/counters/counter/")
    assert Enquiry.objects.count() == 1


def test_a_refused_press_shows_the_reason_in_the_area(client_for: Callable[..., Client], counter_clerk: User,
                                                      categories: dict[str, EnquiryCategory],
                                                      clock: Callable[[dt.datetime], None]) -> None:
    clock(at(SUNDAY))
    client = client_for(counter_clerk)
    assert "flash warning" in client.get("/counters/counter/").content.decode()  # closed today
    answer = client.post("/counters/counter/record/", {"category": categories["civil"].pk}, **HTMX)
    assert answer.status_code == 400
    assert 'role="alert"' in answer.content.decode()
    tampered = client.post("/counters/counter/record/", {"category": "x"}, **HTMX)
    assert tampered.status_code == 400
    assert not Enquiry.objects.exists()


def test_undo_from_the_screen(client_for: Callable[..., Client], counter_clerk: User,
                              categories: dict[str, EnquiryCategory], on_working_day: dt.date) -> None:
    client = client_for(counter_clerk)
    client.post("/counters/counter/record/", {"category": categories["civil"].pk}, **HTMX)
    last = Enquiry.objects.get()
    answer = client.post("/counters/counter/undo/", {"enquiry": last.pk}, **HTMX)
    assert answer.status_code == 200
    assert 'id="tally-undone"' in answer.content.decode()
    assert 'id="tally-today-total">0<' in answer.content.decode()
    again = client.post("/counters/counter/undo/", {"enquiry": last.pk}, **HTMX)
    assert again.status_code == 404  # nothing left to undo, said in the area


@pytest.mark.parametrize("persona", ["liaison", "agency_head", "outsider", "councillor"])
def test_agency_staff_do_not_get_the_counter(client_for: Callable[..., Client], persona: str,
                                             categories: dict[str, EnquiryCategory], on_working_day: dt.date,
                                             request: pytest.FixtureRequest) -> None:
    client = client_for(request.getfixturevalue(persona))
    assert client.get("/counters/counter/").status_code == 404
    assert client.post("/counters/counter/record/", {"category": categories["civil"].pk}).status_code == 404
    assert client.get("/counters/counter/statistics/").status_code == 404
    assert client.get("/counters/counter/petition-help/").status_code == 404
    assert not Enquiry.objects.exists()


def test_statistics_page_shows_both_tables_the_chart_and_downloads(
        client_for: Callable[..., Client], counter_clerk: User, categories: dict[str, EnquiryCategory],
        on_working_day: dt.date) -> None:
    client = client_for(counter_clerk)
    client.post("/counters/counter/record/", {"category": categories["civil"].pk}, **HTMX)
    page = client.get("/counters/counter/statistics/?period=112H2")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="table-enquiries"' in html
    assert 'id="table-petition_help"' in html
    assert "<svg" in html
    assert "<polyline" in html
    assert "112年10月" in html
    download = client.get("/counters/counter/statistics/download.xlsx?period=112H2")
    assert download.status_code == 200
    assert download["Content-Disposition"].endswith('2023-07-2023-12.xlsx"')
    ranged = client.get("/counters/counter/statistics/?from=2023-09&to=2023-10")
    assert "112年9月至112年10月" in ranged.content.decode()
    assert client.get("/counters/counter/statistics/?period=nonsense").status_code == 400
    assert client.get("/counters/counter/statistics/download.doc").status_code == 400


def test_the_auditor_reads_the_statistics_only(client_for: Callable[..., Client], auditor: User,
                                               categories: dict[str, EnquiryCategory], on_working_day: dt.date) -> None:
    client = client_for(auditor)
    assert client.get("/counters/counter/statistics/").status_code == 200
    assert client.get("/counters/counter/").status_code == 404


def test_petition_help_form_records_and_shows_errors_on_the_field(
        client_for: Callable[..., Client], counter_clerk: User, on_working_day: dt.date) -> None:
    client = client_for(counter_clerk)
    bad = client.post("/counters/counter/petition-help/", {"helped_on": "112/10/03", "kind": "individual",
                                                            "people_count": 3, "action_taken": "說明"})
    assert bad.status_code == 400
    assert 'class="field invalid"' in bad.content.decode()
    good = client.post("/counters/counter/petition-help/", {"helped_on": "112/10/03", "kind": "collective",
                                                             "people_count": 5, "action_taken": "協助遞交陳情書"})
    assert good.status_code == 302
    listing = client.get("/counters/counter/petition-help/").content.decode()
    assert "協助遞交陳情書" in listing
    assert "112/10/03" in listing
    assert PetitionHelp.objects.count() == 1


def test_an_administrator_adds_a_category_in_the_admin(client_for: Callable[..., Client], secretariat_admin: User,
                                                       categories: dict[str, EnquiryCategory]) -> None:
    from secretariat.audit.models import AuditEntry

    client = client_for(secretariat_admin)
    url = "/admin/counters/enquirycategory/add/"
    clash = client.post(url, {"code": "labour", "name": "勞動", "name_en": "", "hotkey": "1", "sort_order": 70,
                              "is_active": "on"})
    assert clash.status_code == 200  # the form again, with the clash on the key
    assert not EnquiryCategory.objects.filter(code="labour").exists()
    added = client.post(url, {"code": "labour", "name": "勞動", "name_en": "Labour", "hotkey": "7", "sort_order": 70,
                              "is_active": "on"})
    assert added.status_code == 302
    category = EnquiryCategory.objects.get(code="labour")
    assert AuditEntry.objects.filter(action="counters.enquiry_category_save", target_id=str(category.pk)).exists()


def test_statistics_open_on_the_current_half_year_and_offer_every_earlier_one_with_enquiries(
        client_for: Callable[..., Client], counter_clerk: User, categories: dict[str, EnquiryCategory],
        on_working_day: dt.date, clock: Callable[[dt.datetime], None]) -> None:
    client = client_for(counter_clerk)
    client.post("/counters/counter/record/", {"category": categories["civil"].pk}, **HTMX)
    clock(at(dt.date(2026, 3, 10)))  # two and a half years after the enquiry: 115年上半年
    client = client_for(counter_clerk)  # a new sign-in: the first session has long expired
    html = client.get("/counters/counter/statistics/").content.decode()
    assert "115年1月" in html
    assert "112年10月" not in html
    assert '<option value="115H1" selected>' in html
    assert '<option value="112H2" >' in html
    assert '<option value="112H1"' not in html  # nothing before the first enquiry, once four are offered
    body = client.get("/api/v1/counters/enquiries/statistics").json()
    assert body["first_month"] == "2026-01"
