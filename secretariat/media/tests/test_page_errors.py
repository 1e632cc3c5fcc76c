"""Addresses a person may type or a crawler may follow on the media pages, at the edges of the calendar and
with nonsense in them: each answers a page (or 404), never a server error."""

from __future__ import annotations

import pytest
from django.test import Client

from secretariat.media.tests.opinion_helpers import record
from tests.fixtures import client_for

pytestmark = pytest.mark.django_db
EDGE_DAYS = ["0001-01-01", "9999-12-31", "2023-02-30", "tomorrow", "20230912"]


@pytest.mark.parametrize("day", EDGE_DAYS)
def test_a_citizen_asking_for_the_schedule_of_any_day_gets_a_page_or_404(reference_data, day) -> None:
    response = Client().get(f"/press/schedule/{day}/")
    assert response.status_code in {200, 404}, day


@pytest.mark.parametrize("day", EDGE_DAYS)
def test_the_public_schedule_api_answers_any_day_without_a_server_error(reference_data, day) -> None:
    response = Client().get(f"/api/v1/media/public/mayor-schedule/{day}")
    assert response.status_code in {200, 422}, day


@pytest.mark.parametrize("query", [
    {"agency": "x"}, {"agency": "99999999999999999999999"}, {"after": "garbage"}, {"after": "99999999999999999999-1"},
    {"q": "\u0000"}, {"q": "長" * 500},
])
def test_the_public_release_list_shrugs_off_nonsense_in_its_address(reference_data, query) -> None:
    response = Client().get("/press/", query)
    assert response.status_code in {200, 400, 404}, query


@pytest.mark.parametrize("query", [
    {"year": "9999", "month": "12"}, {"year": "1", "month": "1"}, {"year": "2023", "month": "13"},
    {"year": "x", "month": "y"}, {"year": "99999999999999999999", "month": "1"},
])
def test_the_post_calendar_page_answers_any_month_without_a_server_error(media_officer, query) -> None:
    response = client_for(media_officer).get("/media/social-posts/calendar/", query)
    assert response.status_code in {200, 400, 404}, query


@pytest.mark.parametrize("day", EDGE_DAYS)
def test_a_digest_for_any_day_downloads_or_is_404(monitor, day) -> None:
    record(monitor)
    response = client_for(monitor).get(f"/media/opinion/digests/{day}/")
    assert response.status_code in {200, 400, 404}, day


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_the_digest_api_answers_the_calendars_edges_without_a_server_error(monitor, day) -> None:
    response = client_for(monitor).get(f"/api/v1/media/opinion/digests/{day}")
    assert response.status_code in {200, 400, 404, 422}, day


@pytest.mark.parametrize("query", [{"since": "0001-01-01"}, {"until": "9999-12-31"}, {"medium": "paper"},
                                   {"since": "x"}])
def test_the_opinion_list_page_answers_any_filter_without_a_server_error(monitor, query) -> None:
    record(monitor)
    response = client_for(monitor).get("/media/opinion/", query)
    assert response.status_code in {200, 400}, query


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_the_first_and_last_day_of_the_calendar_have_no_schedule_page(reference_data, day) -> None:
    assert Client().get(f"/press/schedule/{day}/").status_code == 404  # was a server error: no day before/after


@pytest.mark.parametrize("query", [{"year": "9999", "month": "12"}, {"year": "1", "month": "1"}])
def test_a_month_outside_2000_to_2100_shows_this_months_calendar(media_officer, query) -> None:
    from django.utils import timezone

    response = client_for(media_officer).get("/media/social-posts/calendar/", query)
    assert response.status_code == 200  # was a server error past the calendar's last month
    assert response.context["year"] == timezone.localdate().year


def test_a_digest_for_a_day_before_the_roc_calendar_is_refused_with_the_reason(monitor) -> None:
    response = client_for(monitor).get("/media/opinion/digests/1900-01-01/")
    assert response.status_code == 400  # was a server error: the document cannot date the day
    assert "1912" in response.content.decode()


@pytest.mark.parametrize("day", ["0001-01-02", "1911-12-31"])
def test_a_schedule_day_before_the_roc_calendar_is_refused_with_the_reason(reference_data, day) -> None:
    response = Client().get(f"/press/schedule/{day}/")
    assert response.status_code == 400  # was a server error: the page writes its days in ROC years
    assert "1912" in response.content.decode()


def test_the_first_roc_day_has_no_link_to_the_day_before(reference_data) -> None:
    response = Client().get("/press/schedule/1912-01-01/")
    assert response.status_code == 200
    assert "/press/schedule/1911-12-31/" not in response.content.decode()
    assert "/press/schedule/1912-01-02/" in response.content.decode()
