"""Opinion monitoring over JSON, under /api/v1/media/: items (record, ranked list, one item, severity,
CSV import), escalation, responses and the daily digest. Same services and scoping as the pages."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from ninja import File, Router, Status
from ninja.files import UploadedFile

from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import NotFound, ValidationFailed
from secretariat.media.access.opinion import can_read
from secretariat.media.api.schemas import (
    EscalateIn,
    ImportOut,
    ItemIn,
    ItemOut,
    ItemPage,
    ResponseIn,
    ResponseOut,
    SeverityIn,
)
from secretariat.media.constants import Medium, Sentiment
from secretariat.media.selectors.opinion import Cursor, ItemFilters, item_get_for, item_list, responses_of
from secretariat.media.services.digest_document import ODT_CONTENT_TYPE, digest_filename, digest_for, digest_pdf_for
from secretariat.media.services.opinion import (
    opinion_escalate,
    opinion_item_create,
    opinion_response_record,
    opinion_severity_adjust,
)
from secretariat.media.services.opinion_import import opinion_csv_import

if TYPE_CHECKING:
    from secretariat.media.models.opinion import OpinionItem, OpinionResponse

router = Router(tags=["media: public opinion"])


def _response_out(response: OpinionResponse) -> ResponseOut:
    return ResponseOut(id=response.pk, agency=response.agency.short_name, kind=response.kind,
                       responded_at=response.responded_at, link=response.link, text=response.text)


def _out(item: OpinionItem, *, detail: bool = False) -> ItemOut:
    case = item.case
    return ItemOut(
        id=item.pk, outlet=item.outlet, medium=item.medium, link=item.link, headline=item.headline,
        summary=item.summary, sentiment=item.sentiment, reach=item.reach, topics=item.topics,
        agencies=[agency.short_name for agency in item.agencies.all()], seen_at=item.seen_at,
        computed_score=item.computed_score, score_override=item.score_override,
        override_reason=item.override_reason, severity=item.severity,
        case_reference=case.reference if case else None, case_status=case.status if case else None,
        version=item.version, responses=[_response_out(r) for r in responses_of(item)] if detail else None)


def _fresh(request: HttpRequest, pk: int) -> ItemOut:
    return _out(item_get_for(user=request.user, pk=pk), detail=True)


@router.post("/opinion/items", response={201: ItemOut}, summary="Record an opinion item (monitors)")
def create_item(request: SignedInRequest, payload: ItemIn) -> Status[ItemOut]:
    item = opinion_item_create(actor=request.user, outlet=payload.outlet, medium=payload.medium,
                               headline=payload.headline, seen_at=payload.seen_at, link=payload.link,
                               summary=payload.summary, sentiment=payload.sentiment, reach=payload.reach,
                               topics=payload.topics, agency_ids=payload.agency_ids)
    return Status(201, _fresh(request, item.pk))


@router.get("/opinion/items", response=ItemPage, summary="Items you may see, most severe first (keyset pages)")
def list_items(request: HttpRequest, since: dt.date | None = None, until: dt.date | None = None,
               agency_id: int | None = None, medium: Medium | None = None, sentiment: Sentiment | None = None,
               after: str = "") -> ItemPage:
    if not can_read(request.user):
        raise NotFound()
    cursor = Cursor.decode(after) if after else None
    if after and cursor is None:
        raise ValidationFailed(code="invalid_cursor", field="after")
    rows, next_cursor = item_list(user=request.user, after=cursor, filters=ItemFilters(
        since=since, until=until, agency_id=agency_id, medium=medium or "", sentiment=sentiment or ""))
    return ItemPage(items=[_out(item) for item in rows], next_cursor=next_cursor.encode() if next_cursor else None)


@router.get("/opinion/items/{item_id}", response=ItemOut, summary="One item with its responses")
def read_item(request: HttpRequest, item_id: int) -> ItemOut:
    return _fresh(request, item_id)


@router.post("/opinion/items/{item_id}/severity", response=ItemOut, summary="Adjust (or reset) the severity")
def adjust_severity(request: SignedInRequest, item_id: int, payload: SeverityIn) -> ItemOut:
    opinion_severity_adjust(actor=request.user, item_id=item_id, score=payload.score, reason=payload.reason,
                            version=payload.version)
    return _fresh(request, item_id)


@router.post("/opinion/items/{item_id}/escalate", response=ItemOut, summary="Escalate to an incident case")
def escalate_item(request: SignedInRequest, item_id: int, payload: EscalateIn) -> ItemOut:
    opinion_escalate(actor=request.user, item_id=item_id, agency_id=payload.agency_id, note=payload.note)
    return _fresh(request, item_id)


@router.post("/opinion/items/{item_id}/responses", response={201: ResponseOut}, summary="Record a response")
def record_response(request: SignedInRequest, item_id: int, payload: ResponseIn) -> Status[ResponseOut]:
    response = opinion_response_record(actor=request.user, item_id=item_id, kind=payload.kind, text=payload.text,
                                       link=payload.link, agency_id=payload.agency_id,
                                       responded_at=payload.responded_at)
    return Status(201, _response_out(response))


@router.post("/opinion/import", response={201: ImportOut}, summary="Import a CSV file (all rows or none)")
def import_csv(request: SignedInRequest, file: UploadedFile = File(...)) -> Any:  # type: ignore[type-arg]  # noqa: B008
    result = opinion_csv_import(actor=request.user, data=file.read())  # bad rows: 400 listing each line
    return Status(201, ImportOut(created=result.created, item_ids=result.item_ids))


@router.get("/opinion/digests/{day}", response={200: None}, summary="The day's digest as ODT (or ?format=pdf)")
def download_digest(request: HttpRequest, day: dt.date, format: str = "odt") -> HttpResponse:
    if not can_read(request.user):
        raise NotFound()
    if format == "pdf":
        response = HttpResponse(digest_pdf_for(user=request.user, day=day), content_type="application/pdf")
    else:
        response = HttpResponse(digest_for(user=request.user, day=day), content_type=ODT_CONTENT_TYPE)
    extension = "pdf" if format == "pdf" else "odt"
    response["Content-Disposition"] = f'attachment; filename="{digest_filename(day, extension)}"'
    return response
