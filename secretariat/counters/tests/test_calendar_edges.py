"""Days at the ends of the calendar on the counters' staff lists: a list that would run past 9999-12-31 (or
begin before 0001-01-01 in UTC, or before 1912 on a page written in ROC years) is refused with the reason,
`date_out_of_range` on the field asked, as /calendar/add is; the last list there is shows without a link to
a next one. Nothing is written."""

from __future__ import annotations

import pytest

from secretariat.accounts.models import User
from secretariat.core.dates import AFTER_LAST, BEFORE_FIRST
from secretariat.counters.tests.refusal_helpers import nothing_written
from tests.fixtures import client_for, english, in_english
from tests.refusals import api_refusal

pytestmark = pytest.mark.django_db
API = "/api/v1/counters"


@pytest.mark.parametrize(("path", "field", "message"), [
    ("/consultations/slots?start=9999-12-31", "start", AFTER_LAST),
    ("/consultations/slots?start=9999-12-02", "start", AFTER_LAST),
    ("/volunteer-shifts?week=9999-12-31", "week", AFTER_LAST),
    ("/volunteer-shifts?week=0001-01-01", "week", BEFORE_FIRST),
    ("/volunteer-shifts?week=0001-01-07", "week", BEFORE_FIRST),
])
def test_a_list_past_the_calendars_end_is_400_on_the_day_asked(auditor: User, path: str, field: str,
                                                               message: object) -> None:
    with nothing_written():
        body = api_refusal(client_for(auditor).get(f"{API}{path}"), 400, "date_out_of_range", field)
    assert body["messages"]["en"] == english(message)
    assert body["messages"]["zh-hant"] != body["messages"]["en"]


@pytest.mark.parametrize("path", ["/consultations/slots?start=9999-12-31&end=9999-12-31",
                                  "/consultations/slots?start=9999-12-01", "/volunteer-shifts?week=9999-12-26",
                                  "/volunteer-shifts?week=0001-01-08"])
def test_the_last_and_first_lists_there_are_answer(auditor: User, path: str) -> None:
    assert client_for(auditor).get(f"{API}{path}").status_code == 200


@pytest.mark.parametrize(("page", "message"), [
    ("/counters/consultations/?start=9999-12-31", AFTER_LAST),
    ("/counters/volunteers/week/?week=9999-12-31", AFTER_LAST),
    ("/counters/consultations/?start=1911-12-31", "Dates before 1912 have no ROC year."),
    ("/counters/volunteers/week/?week=1911-12-31", "Dates before 1912 have no ROC year."),
    ("/counters/volunteers/week/?week=0001-01-01", BEFORE_FIRST),
])
def test_a_page_past_the_calendars_end_is_400_with_the_reason(secretariat_clerk: User, page: str,
                                                              message: object) -> None:
    with nothing_written():
        response = in_english(client_for(secretariat_clerk)).get(page)
    assert response.status_code == 400
    assert english(message) in response.content.decode()


def test_the_reason_is_in_chinese_by_default(secretariat_clerk: User) -> None:
    response = client_for(secretariat_clerk).get("/counters/consultations/?start=9999-12-31")
    assert response.status_code == 400
    assert english(AFTER_LAST) not in response.content.decode()
    assert "9999-12-31" in response.content.decode()


def test_a_shift_posted_to_a_week_past_the_end_is_refused_and_nothing_is_written(secretariat_clerk: User) -> None:
    with nothing_written():
        response = client_for(secretariat_clerk).post("/counters/volunteers/week/?week=9999-12-31", {
            "date": "9999-12-31", "starts_at": "09:00", "ends_at": "12:00"})
    assert response.status_code == 400


@pytest.mark.parametrize(("page", "pager"), [
    ("/counters/consultations/?start=9999-12-18", ("?start=9999-12-04", "?start=10000")),
    ("/counters/volunteers/week/?week=9999-12-20", ("?week=9999-12-13", "?week=9999-12-27")),
    ("/counters/consultations/?start=1912-01-01", ("?start=1912-01-15", "?start=1911")),
    ("/counters/volunteers/week/?week=1912-01-01", ("?week=1912-01-08", "?week=1911")),
])
def test_the_last_and_first_pages_show_without_a_link_past_the_end(secretariat_clerk: User, page: str,
                                                                   pager: tuple[str, str]) -> None:
    linked, unlinked = pager
    response = client_for(secretariat_clerk).get(page)
    assert response.status_code == 200
    content = response.content.decode()
    assert linked in content
    assert unlinked not in content
