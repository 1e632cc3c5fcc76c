"""The work report over JSON, mounted at /api/v1/reports/: the composed report with provenance, its prose
(read and write, with the version check), the comparison with the previous period, and every download."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router

from secretariat.core.actors import Actor, SignedInRequest, Viewer
from secretariat.core.errors import NotFound, PermissionRefused
from secretariat.core.roc import Period
from secretariat.reporting import access
from secretariat.reporting.report.compare import report_compare
from secretariat.reporting.report.composer import report_compose
from secretariat.reporting.report.exports import filename, format_get
from secretariat.reporting.report.prose import prose_place
from secretariat.reporting.report.render.text import report_data
from secretariat.reporting.schemas import ChangeOut, ProseIn, ProseOut
from secretariat.reporting.selectors.prose import ProseDraft, prose_draft, prose_drafts
from secretariat.reporting.services import prose_save

router = Router(tags=["reports"])


def _readable(user: Actor | Viewer, code: str) -> Period:
    if not access.can_view_report(user):
        raise NotFound()  # the report is not shown to whom it is not for, not even that it exists
    return Period.parse(code)  # ValidationFailed (400) for 112H3 or abc


def _prose_out(draft: ProseDraft) -> ProseOut:
    return ProseOut(place=draft.place.slug, outline=list(draft.place.key), heading=draft.place.heading,
                    text=draft.text, version=draft.version, suggested_from=draft.suggested_from,
                    updated_by=draft.updated_by, updated_at=draft.updated_at)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


@router.get("/{code}", response=dict[str, Any])
def report_get(request: HttpRequest, code: str) -> dict[str, Any]:
    """The whole report for a half-year (`112H2`): every section, every figure with its provenance (period,
    the query in words, the record count, a link to the records), and the coverage list."""
    return report_data(report_compose(period=_readable(request.user, code)))


@router.get("/{code}/prose", response=list[ProseOut])
def prose_list(request: HttpRequest, code: str) -> list[ProseOut]:
    """The written places; where nothing is stored yet, `text` is the previous period's (see
    `suggested_from`) and `version` is 0."""
    return [_prose_out(draft) for draft in prose_drafts(_readable(request.user, code))]


@router.get("/{code}/prose/{place}", response=ProseOut)
def prose_get(request: HttpRequest, code: str, place: str) -> ProseOut:
    return _prose_out(prose_draft(period=_readable(request.user, code), place=prose_place(place)))


@router.put("/{code}/prose/{place}", response=ProseOut)
def prose_put(request: SignedInRequest, code: str, place: str, payload: ProseIn) -> ProseOut:
    """Store a place's text. Send the `version` you read (0 for a first save); someone else's save in
    between is a 409."""
    period = _readable(request.user, code)
    if not access.can_edit_prose(request.user):
        raise PermissionRefused()
    where = prose_place(place)
    prose_save(actor=request.user, period=period, place=where, text=payload.text, version=payload.version)
    return _prose_out(prose_draft(period=period, place=where))


@router.get("/{code}/compare", response=list[ChangeOut])
def compare_get(request: HttpRequest, code: str) -> list[ChangeOut]:
    """Each figure of the period next to the previous period's, with the change."""
    period = _readable(request.user, code)
    changes = report_compare(report_compose(period=period, prose={}),
                             report_compose(period=period.previous(), prose={}))
    return [ChangeOut(place=item.place, label=item.label, current=_text(item.current), previous=_text(item.previous),
                      difference=_text(item.difference), percent=item.percent) for item in changes]


@router.get("/{code}/download/{fmt}")
def download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """The report as odt, pdf, docx, html, txt or json."""
    period = _readable(request.user, code)
    chosen = format_get(fmt)
    response = HttpResponse(chosen.render(report_compose(period=period)), content_type=chosen.content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(period, chosen)}"'
    return response
