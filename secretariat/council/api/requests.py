"""Councillors' data requests over JSON: file, list and read (scoped like the pages: a councillor sees only
their own), contributed parts, and the per-agency metrics. Steps go through /api/v1/cases/{id}/steps/{name}."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from secretariat.accounts.constants import Role
from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import NotFound
from secretariat.core.roc import Period
from secretariat.council.api.schemas import MetricsOut, PartIn, PartOut, RequestIn, RequestOut
from secretariat.council.selectors.requests import councillor_of, metrics_by_agency, request_get, requests_visible
from secretariat.council.services.requests import request_file, request_part_submit

if TYPE_CHECKING:
    from secretariat.council.models.requests import DataRequest

router = Router(tags=["council"])
LIST_LIMIT = 200


def _out(item: DataRequest, *, parts: bool = False) -> RequestOut:
    case = item.case
    released = item.released_at is not None and case.status == "closed"
    return RequestOut(
        case_id=item.pk, reference=case.reference, councillor_id=item.councillor_id, councillor=item.councillor.name,
        subject=item.subject, content=item.content, urgency=item.urgency, marked_urgent=item.marked_urgent,
        date_to_be_confirmed=item.awaiting_date, status=case.status,
        lead_agency=case.lead_agency.short_name if case.lead_agency else None, due_on=case.due_on,
        answer=item.answer if released else None, released_at=item.released_at, reopened=case.reopen_count > 0,
        parts=[PartOut(agency=p.agency.short_name, text=p.text, submitted_at=p.submitted_at)
               for p in item.parts.select_related("agency")] if parts else None,
    )


@router.post("/data-requests", response={201: RequestOut}, summary="File a data request")
def file_request(request: SignedInRequest, payload: RequestIn) -> Status[RequestOut]:
    user = request.user
    councillor_id = payload.councillor_id
    if councillor_id is None and user.role == Role.COUNCILLOR:
        own = councillor_of(user)
        councillor_id = own.pk if own else None
    if councillor_id is None:
        raise NotFound()
    item = request_file(actor=request.user, councillor_id=councillor_id, subject=payload.subject,
                        content=payload.content, urgency=payload.urgency, requested_due=payload.requested_due,
                        marked_urgent=payload.marked_urgent, urgent_reason=payload.urgent_reason)
    return Status(201, _out(request_get(request.user, item.pk)))


@router.get("/data-requests", response=list[RequestOut], summary="The data requests you may see, newest first")
def list_requests(request: HttpRequest) -> list[RequestOut]:
    rows = requests_visible(request.user).order_by("-case__received_at", "-pk")[:LIST_LIMIT]
    return [_out(item) for item in rows]


@router.get("/data-requests/metrics", response=list[MetricsOut], summary="Per lead agency, for a half-year")
def metrics(request: HttpRequest, period: str = "") -> list[MetricsOut]:
    if getattr(request.user, "role", "") == Role.COUNCILLOR:
        raise NotFound()
    chosen = Period.parse(period) if period else Period.containing(timezone.localdate())
    return [MetricsOut(agency=row.agency.short_name, requests=row.requests, released=row.released,
                       on_time=row.on_time, reopened=row.reopened, average_days=row.average_days)
            for row in metrics_by_agency(request.user, chosen)]


@router.get("/data-requests/{case_id}", response=RequestOut, summary="One data request")
def read_request(request: HttpRequest, case_id: int) -> RequestOut:
    return _out(request_get(request.user, case_id), parts=True)


@router.post("/data-requests/{case_id}/parts", response={201: PartOut}, summary="Submit your agency's part")
def submit_part(request: SignedInRequest, case_id: int, payload: PartIn) -> Status[PartOut]:
    part = request_part_submit(actor=request.user, case_id=case_id, text=payload.text)
    return Status(201, PartOut(agency=part.agency.short_name, text=part.text, submitted_at=part.submitted_at))
