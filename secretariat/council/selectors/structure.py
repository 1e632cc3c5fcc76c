"""Reads of the council's structure. Everyone who may see it sees all of it: it is public information."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from secretariat.core.actors import Actor, Viewer
from secretariat.core.errors import NotFound
from secretariat.council.access import structure as access
from secretariat.council.models import Caucus, Councillor, Session, Term


def _require(user: Actor | Viewer) -> None:
    if not access.can_view_structure(user):
        raise NotFound()


def term_current(*, on: Any = None) -> Term | None:
    """The term in office on `on` (default: the latest term)."""
    terms = Term.objects.all()
    if on is not None:
        terms = terms.filter(starts_on__lte=on, ends_on__gte=on)
    return terms.order_by("-number").first()


def term_list(*, user: Actor | Viewer) -> QuerySet[Term]:
    _require(user)
    return Term.objects.order_by("-number")


def session_list(*, user: Actor | Viewer, term_id: int | None = None) -> QuerySet[Session]:
    _require(user)
    sessions = Session.objects.select_related("term")
    if term_id is not None:
        sessions = sessions.filter(term_id=term_id)
    return sessions.order_by("-starts_on")


def session_get_for(*, user: Actor | Viewer, pk: int) -> Session:
    _require(user)
    session = Session.objects.select_related("term").filter(pk=pk).first()
    if session is None:
        raise NotFound()
    return session


def caucus_list(*, user: Actor | Viewer, term_id: int | None = None) -> QuerySet[Caucus]:
    _require(user)
    caucuses = Caucus.objects.select_related("term").annotate(
        member_count=Count("members", filter=Q(members__is_active=True)))
    if term_id is not None:
        caucuses = caucuses.filter(term_id=term_id)
    return caucuses.order_by("-term__number", "name")


def councillor_list(*, user: Actor | Viewer, term_id: int | None = None, caucus_id: int | None = None,
                    independent: bool = False, text: str = "") -> QuerySet[Councillor]:
    """Councillors, by name; `independent` keeps those in no caucus."""
    _require(user)
    councillors = Councillor.objects.select_related("term", "caucus")
    if term_id is not None:
        councillors = councillors.filter(term_id=term_id)
    if independent:
        councillors = councillors.filter(caucus__isnull=True)
    elif caucus_id is not None:
        councillors = councillors.filter(caucus_id=caucus_id)
    if text:
        councillors = councillors.filter(Q(name__icontains=text) | Q(district__icontains=text))
    return councillors.order_by("-term__number", "name")
