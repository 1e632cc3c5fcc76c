"""The council's structure for staff: sessions (list and detail), councillors (by caucus) and caucuses.
Editing is done in the administration site, by Secretariat administrators."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from secretariat.core.actors import Actor, Viewer
from secretariat.core.errors import NotFound
from secretariat.core.forms import query_text
from secretariat.council.access import structure as access
from secretariat.council.access.questions import can_see_review_list
from secretariat.council.selectors import structure as selectors


def nav_context(user: Actor | Viewer) -> dict[str, Any]:
    """What the council pages' shared sub-menu needs."""
    return {"show_records": access.can_view_records(user)}


def _term_id(request: HttpRequest) -> int | None:
    value = request.GET.get("term", "")
    if value.isdigit():
        return int(value)
    current = selectors.term_current()
    return current.pk if current else None


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    """The sessions of a term (the latest by default)."""
    if not access.can_view_structure(request.user):
        raise Http404
    term_id = _term_id(request)
    return render(request, "council/structure_sessions.html", {**nav_context(request.user),
        "terms": selectors.term_list(user=request.user), "term_id": term_id,
        "sessions": selectors.session_list(user=request.user, term_id=term_id),
        "can_edit": access.can_edit_structure(request.user),
    })


@login_required
@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        session = selectors.session_get_for(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None
    return render(request, "council/structure_session.html", {
        **nav_context(request.user), "session": session, "can_edit": access.can_edit_structure(request.user),
        "can_book": can_see_review_list(request.user)})


@login_required
@require_GET
def councillor_list(request: HttpRequest) -> HttpResponse:
    if not access.can_view_structure(request.user):
        raise Http404
    term_id = _term_id(request)
    caucus = request.GET.get("caucus", "")
    text = query_text(request.GET.get("q"), limit=40)
    councillors = selectors.councillor_list(
        user=request.user, term_id=term_id, caucus_id=int(caucus) if caucus.isdigit() else None,
        independent=caucus == "none", text=text)
    return render(request, "council/structure_councillors.html", {**nav_context(request.user),
        "councillors": councillors, "caucuses": selectors.caucus_list(user=request.user, term_id=term_id),
        "terms": selectors.term_list(user=request.user), "term_id": term_id, "caucus": caucus, "q": text,
        "can_edit": access.can_edit_structure(request.user),
    })


@login_required
@require_GET
def caucus_list(request: HttpRequest) -> HttpResponse:
    if not access.can_view_structure(request.user):
        raise Http404
    term_id = _term_id(request)
    return render(request, "council/structure_caucuses.html", {**nav_context(request.user),
        "caucuses": selectors.caucus_list(user=request.user, term_id=term_id),
        "terms": selectors.term_list(user=request.user), "term_id": term_id,
    })
