"""The signed-in home page's cards: apps register what waits for the roles they serve; the page shows a user theirs.

A card is a number with a link to the list that shows exactly the rows counted, and a line saying what is
counted. Each app registers its cards from AppConfig.ready() (as with navigation.py), computes the number in
its own selectors with the same scope and confidentiality rules as the linked list, and so the kernel never
names a domain app. An app may also claim the landing page of some users (the councillor portal): they are
sent there instead of the home page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise

from secretariat.core.actors import Viewer, is_signed_in

URGENT = "urgent"  # a card whose non-zero count needs attention today (overdue, due today)


@dataclass(frozen=True)
class Part:
    """One line under a card's number, such as one agency's share of the overdue cases."""

    label: str
    count: int
    url: str


@dataclass(frozen=True)
class Figure:
    """A card's number when it is not a plain count: `text` is shown big (a rate, "92.3%"), `basis` says what it
    was computed from ("24 of 26"), `value` is the count the tone looks at, `parts` break it down."""

    value: int
    text: str = ""
    basis: str = ""
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class Card:
    key: str
    label: str | Promise
    order: int
    visible: Callable[[Any], bool]
    count: Callable[[Any], int | Figure]  # one database query: the page issues one per card
    url: Callable[[Any], str]
    help: str | Promise = ""  # what is counted, in a few words
    tone: str = ""  # URGENT: highlighted while the count is above zero


@dataclass(frozen=True)
class CardView:
    """A card as the page and the API show it to one user."""

    key: str
    label: str
    help: str
    count: int
    figure: str
    basis: str
    url: str
    tone: str
    parts: tuple[Part, ...] = field(default=())


_CARDS: dict[str, Card] = {}


def register(card: Card) -> None:
    _CARDS[card.key] = card


def registered() -> list[Card]:
    return sorted(_CARDS.values(), key=lambda card: (card.order, card.key))


def cards_for(user: Viewer | None) -> list[CardView]:
    """The cards of `user`'s role, in order, each counted now. A zero is shown, not hidden: "nothing waiting"
    is worth knowing."""
    if user is None or not is_signed_in(user):
        return []
    return [_view(card, user) for card in registered() if card.visible(user)]


def _view(card: Card, user: Viewer) -> CardView:
    counted = card.count(user)
    figure = counted if isinstance(counted, Figure) else Figure(value=counted)
    tone = card.tone if card.tone and figure.value > 0 else ""
    return CardView(key=card.key, label=str(card.label), help=str(card.help), count=figure.value,
                    figure=figure.text or str(figure.value), basis=figure.basis, url=card.url(user), tone=tone,
                    parts=figure.parts)


def link(url_name: str, query: str = "") -> str:
    """A card's link: the named list, filtered by `query` (already encoded)."""
    path = reverse(url_name)
    return f"{path}?{query}" if query else path


# --- Landing pages --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Landing:
    """Users for whom `applies(user)` start at `url_name` rather than at the home page."""

    key: str
    applies: Callable[[Any], bool]
    url_name: str


_LANDINGS: dict[str, Landing] = {}


def register_landing(landing: Landing) -> None:
    _LANDINGS[landing.key] = landing


def landing_for(user: Viewer | None) -> str | None:
    """The page `user` starts at instead of the home page, if an app claims them."""
    if user is None or not is_signed_in(user):
        return None
    for landing in _LANDINGS.values():
        if landing.applies(user):
            return reverse(landing.url_name)
    return None
