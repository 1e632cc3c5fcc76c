"""The counters' staff pages refuse what they cannot do as a user would expect: an unknown record is 404, a
step the page does not know is 404, a day the calendar cannot hold is not a server error; nothing is written."""

from __future__ import annotations

import pytest

from secretariat.accounts.models import User
from secretariat.counters.tests.refusal_helpers import nothing_written
from tests.fixtures import client_for

pytestmark = pytest.mark.django_db
UNKNOWN = 987654


@pytest.mark.parametrize(("method", "page"), [
    ("get", f"/counters/volunteers/{UNKNOWN}/edit/"),
    ("post", f"/counters/volunteers/{UNKNOWN}/edit/"),
    ("get", f"/counters/volunteers/{UNKNOWN}/reveal/"),
    ("post", f"/counters/volunteers/{UNKNOWN}/reveal/"),
    ("get", f"/counters/volunteers/{UNKNOWN}/certificate/"),
    ("get", f"/counters/consultations/bookings/{UNKNOWN}/reveal/"),
    ("post", f"/counters/consultations/bookings/{UNKNOWN}/reveal/"),
    ("post", f"/counters/consultations/bookings/{UNKNOWN}/cancel/"),
    ("post", f"/counters/volunteers/shifts/{UNKNOWN}/swap/"),
    ("get", f"/counters/consultations/book/{UNKNOWN}/"),
])
def test_an_unknown_record_or_step_is_404_and_nothing_is_written(secretariat_clerk: User, method: str,
                                                                page: str) -> None:
    client = client_for(secretariat_clerk)
    with nothing_written():
        response = getattr(client, method)(page, {"reason": "聯繫", "name": "某人"} if method == "post" else {})
    assert response.status_code == 404


@pytest.mark.parametrize("page", [f"/counters/consultations/bookings/{UNKNOWN}/served/",
                                  f"/counters/volunteers/shifts/{UNKNOWN}/remove/"])
def test_a_step_on_an_unknown_record_goes_back_with_the_reason(secretariat_clerk: User, page: str) -> None:
    client = client_for(secretariat_clerk)
    with nothing_written():
        response = client.post(page, follow=True)
    assert response.status_code == 200
    assert [message.level_tag for message in response.context["messages"]] == ["error"]


@pytest.mark.parametrize("page", ["/counters/consultations/?start=9999-12-31",
                                  "/counters/volunteers/week/?week=9999-12-31"])
def test_a_day_at_the_calendars_end_does_not_break_the_page(secretariat_clerk: User, page: str) -> None:
    assert client_for(secretariat_clerk).get(page).status_code < 500
