"""The home page's card registry, and the home page itself as each persona finds it."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from secretariat.core import dashboards
from secretariat.core.dashboards import URGENT, Card, Figure, Landing, cards_for, landing_for

pytestmark = pytest.mark.django_db

CALENDAR_WARNING = "尚未匯入"


class Person:
    is_authenticated = True
    is_active = True

    def __init__(self, role: str) -> None:
        self.role = role


def someone(role: str) -> Any:
    """A signed-in person of `role`, enough for the registry (which reads nothing else of them)."""
    return Person(role)


def _card(key: str, order: int, count: int | Figure, *, role: str = "clerk", tone: str = "") -> Card:
    return Card(key=key, label=key.title(), order=order, visible=lambda user: user.role == role,
                count=lambda user: count, url=lambda user: f"/{key}/", help=f"what {key} counts", tone=tone)


@pytest.fixture
def only(monkeypatch):
    """Replace the registered cards (and landing pages) with the ones a test registers."""
    monkeypatch.setattr(dashboards, "_CARDS", {})
    monkeypatch.setattr(dashboards, "_LANDINGS", {})
    return dashboards.register


def test_cards_are_shown_to_their_role_in_order(only):
    only(_card("late", 20, 3, tone=URGENT))
    only(_card("early", 10, 0, tone=URGENT))
    only(_card("other", 5, 9, role="head"))

    shown = cards_for(someone("clerk"))

    assert [(card.key, card.count, card.figure, card.url) for card in shown] == [
        ("early", 0, "0", "/early/"), ("late", 3, "3", "/late/")]
    assert [card.tone for card in shown] == ["", "urgent"]  # urgent only while something waits


def test_a_figure_shows_its_text_and_basis(only):
    only(_card("rate", 1, Figure(value=26, text="92.3%", basis="24 of 26")))

    (rate,) = cards_for(someone("clerk"))

    assert (rate.figure, rate.count, rate.basis) == ("92.3%", 26, "24 of 26")


def test_an_anonymous_visitor_has_no_cards_and_no_landing_page(only):
    from django.contrib.auth.models import AnonymousUser

    only(_card("any", 1, 1))
    dashboards.register_landing(Landing("portal", applies=lambda user: True, url_name="core:calendar"))

    assert cards_for(AnonymousUser()) == []
    assert landing_for(AnonymousUser()) is None
    assert landing_for(someone("councillor")) == "/calendar/"


# --- The home page as each persona finds it ---------------------------------------------------------

def _near_year_end(monkeypatch) -> None:
    """Mid-November 2026: the 2027 office calendar (not shipped) is due within 60 days."""
    moment = dt.datetime(2026, 11, 16, 10, tzinfo=ZoneInfo("Asia/Taipei"))
    monkeypatch.setattr(timezone, "now", lambda: moment)


@pytest.mark.parametrize("persona", ["secretariat_admin", "auditor"])
def test_administrators_are_warned_of_a_missing_calendar(persona, request, client_for, monkeypatch):
    _near_year_end(monkeypatch)
    user = request.getfixturevalue(persona)

    assert CALENDAR_WARNING in client_for(user).get("/").content.decode()


def test_the_clerk_is_not_warned_of_the_calendar_but_sees_the_routing_cards(secretariat_clerk, client_for,
                                                                           monkeypatch):
    _near_year_end(monkeypatch)

    response = client_for(secretariat_clerk).get("/")
    page = response.content.decode()

    assert CALENDAR_WARNING not in page
    assert 'id="card-casesto_route"' in page
    assert "待分文" in page
    assert "目前沒有待辦" in page
    assert "業務項目" not in page  # the menu is in the header, not copied onto the page


def test_a_councillor_without_a_seat_sees_the_home_page_without_cards(councillor, client_for):
    # One with a seat lands on the portal instead: council/tests/test_dashboard.py.
    response = client_for(councillor).get("/")

    assert response.status_code == 200
    assert response.context["cards"] == []


# --- The API ------------------------------------------------------------------------------------------

def test_the_api_returns_the_home_pages_cards(liaison, client_for):
    response = client_for(liaison).get("/api/v1/dashboard")

    assert response.status_code == 200
    body = response.json()
    assert [card["key"] for card in body] == [card.key for card in cards_for(liaison)]
    new = next(card for card in body if card["key"] == "cases.new_for_agency")
    assert new["count"] == 0
    assert new["url"].startswith("/cases/?")
    assert set(new) == {"key", "label", "help", "count", "figure", "basis", "url", "tone", "parts"}


def test_the_api_refuses_an_anonymous_caller(db, client_for):
    response = client_for(None).get("/api/v1/dashboard")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
