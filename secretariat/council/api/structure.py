"""The council's structure over JSON: terms' sessions, caucuses and councillors (read-only; edits are
made in the administration site or by the roster import)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from ninja import Router

from secretariat.council.api.schemas import CaucusOut, CouncillorOut, SessionOut
from secretariat.council.selectors import structure as selectors

if TYPE_CHECKING:
    from secretariat.council.models import Caucus, Councillor, Session

router = Router(tags=["council"])


def _session(session: Session) -> SessionOut:
    return SessionOut(id=session.pk, term=session.term.number, kind=session.kind, number=session.number,
                      name=str(session), starts_on=session.starts_on, ends_on=session.ends_on,
                      answer_days=session.answer_days)


def _caucus(caucus: Caucus) -> CaucusOut:
    return CaucusOut(id=caucus.pk, term=caucus.term.number, name=caucus.name, short_name=caucus.short_name,
                     members=getattr(caucus, "member_count", 0))


def _councillor(councillor: Councillor) -> CouncillorOut:
    return CouncillorOut(id=councillor.pk, term=councillor.term.number, name=councillor.name,
                         caucus_id=councillor.caucus_id, caucus=councillor.caucus.name if councillor.caucus else None,
                         district=councillor.district, phone=councillor.phone, email=councillor.email,
                         in_office=councillor.is_active)


@router.get("/sessions", response=list[SessionOut])
def sessions(request: HttpRequest, term: int | None = None) -> list[SessionOut]:
    """Sessions, latest first; `term` is the term's id."""
    return [_session(item) for item in selectors.session_list(user=request.user, term_id=term)]


@router.get("/sessions/{session_id}", response=SessionOut)
def session(request: HttpRequest, session_id: int) -> SessionOut:
    return _session(selectors.session_get_for(user=request.user, pk=session_id))


@router.get("/caucuses", response=list[CaucusOut])
def caucuses(request: HttpRequest, term: int | None = None) -> list[CaucusOut]:
    return [_caucus(item) for item in selectors.caucus_list(user=request.user, term_id=term)]


@router.get("/councillors", response=list[CouncillorOut])
def councillors(request: HttpRequest, term: int | None = None, caucus: int | None = None,
                independent: bool = False, q: str = "") -> list[CouncillorOut]:
    """Councillors by name; filter by `caucus` id, or `independent=true` for those in no caucus."""
    rows = selectors.councillor_list(user=request.user, term_id=term, caucus_id=caucus, independent=independent,
                                     text=q[:40])
    return [_councillor(item) for item in rows]
