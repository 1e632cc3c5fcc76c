"""Working-day calendar, attachments and the signed-in user's dashboard cards over JSON."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from django.http import FileResponse, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile

from secretariat.core import roc
from secretariat.core.actors import SignedInRequest
from secretariat.core.attachments import attachment_get_for, attachment_open_for, attachment_upload, download_response
from secretariat.core.calendar import work_calendar
from secretariat.core.dashboards import cards_for
from secretariat.core.dates import out_of_range
from secretariat.core.errors import ValidationFailed
from secretariat.core.schemas import (
    AttachmentOut,
    CalendarDayOut,
    CardOut,
    ClosureIn,
    DeadlineOut,
    WorkingDayCountOut,
    WorkingDayOut,
)
from secretariat.core.selectors import calendar_day_list
from secretariat.core.services import closure_declare, closure_withdraw

if TYPE_CHECKING:
    from secretariat.core.models import Attachment, CalendarDay

router = Router(tags=["calendar and files"])
dashboard_router = Router(tags=["dashboard"])

MAX_SPAN_DAYS = 36_525


def _day_out(day: CalendarDay) -> dict[str, Any]:
    return {"date": day.date, "kind": day.kind, "note": day.note, "roc_date": roc.format_slash(day.date)}


@router.get("/calendar/days", response=list[CalendarDayOut], summary="Holidays, make-up workdays and closures")
def calendar_days(
    request: HttpRequest, year: int = Query(..., ge=1912, le=9999),  # type: ignore[type-arg]
) -> list[dict[str, Any]]:
    return [_day_out(day) for day in calendar_day_list(year=year)]


@router.get("/calendar/working-day", response=WorkingDayOut, summary="Is this date a working day?")
def calendar_working_day(request: HttpRequest, date: dt.date) -> dict[str, Any]:
    return {"date": date, "roc_date": roc.format_slash(date), "is_working_day": work_calendar().is_working_day(date)}


@router.get("/calendar/add", response=DeadlineOut, summary="The N-th working day after a date")
def calendar_add(
    request: HttpRequest, start: dt.date, days: int = Query(..., ge=0, le=366),  # type: ignore[type-arg]
) -> dict[str, Any]:
    try:
        due = work_calendar().add_working_days(start, days)
    except OverflowError:  # past 9999-12-31, the last date there is
        raise out_of_range(later=True, field="days") from None
    return {"start": start, "working_days": days, "due": due, "roc_due": roc.format_slash(due)}


@router.get("/calendar/between", response=WorkingDayCountOut, summary="Working days in (start, end]")
def calendar_between(request: HttpRequest, start: dt.date, end: dt.date) -> dict[str, Any]:
    if abs((end - start).days) > MAX_SPAN_DAYS:  # the count walks day by day
        raise ValidationFailed(_("Count working days over at most 100 years at a time."), code="span_too_long",
                               field="end")
    return {"start": start, "end": end, "working_days": work_calendar().working_days_between(start, end)}


@router.post("/calendar/closures", response={201: CalendarDayOut}, summary="Declare an office closure")
def calendar_closure_declare(request: SignedInRequest, payload: ClosureIn) -> Status[dict[str, Any]]:
    return Status(201, _day_out(closure_declare(actor=request.user, date=payload.date, note=payload.note)))


@router.delete("/calendar/closures/{date}", response={204: None}, summary="Withdraw a closure declared in error")
def calendar_closure_withdraw(request: SignedInRequest, date: dt.date) -> Status[None]:
    closure_withdraw(actor=request.user, date=date)
    return Status(204, None)


def _attachment_out(attachment: Attachment) -> dict[str, Any]:
    return {
        "id": attachment.id, "original_name": attachment.original_name, "content_type": attachment.content_type,
        "size": attachment.size, "sha256": attachment.sha256, "uploaded_at": attachment.uploaded_at,
        "download_url": reverse("api:attachment_download", args=[str(attachment.id)]),
    }


@router.post("/attachments", response={201: AttachmentOut}, summary="Upload a file")
def attachment_create(
    request: SignedInRequest, file: UploadedFile = File(...),  # type: ignore[type-arg]  # noqa: B008
) -> Status[dict[str, Any]]:
    return Status(201, _attachment_out(attachment_upload(actor=request.user, upload=file)))


@router.get("/attachments/{attachment_id}", response=AttachmentOut)
def attachment_detail(request: HttpRequest, attachment_id: str) -> dict[str, Any]:
    return _attachment_out(attachment_get_for(user=request.user, pk=_uuid_or_none(attachment_id)))


@router.get("/attachments/{attachment_id}/download", response={200: None}, summary="Download a file",
            url_name="attachment_download")
def attachment_download(request: HttpRequest, attachment_id: str) -> FileResponse:
    """403 `approval_required` for a file holding personal data you hold no approval to see; such a
    download is written to the personal-data access log and sent with `Cache-Control: no-store`."""
    return download_response(attachment_open_for(user=request.user, pk=_uuid_or_none(attachment_id)))


def _uuid_or_none(text: str) -> Any:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


@dashboard_router.get("/dashboard", response=list[CardOut], summary="The home page's cards for the signed-in user")
def dashboard(request: SignedInRequest) -> list[dict[str, Any]]:
    """The same cards as the home page, in its order: each a count (or a rate with its basis) and the address of
    the list that shows exactly the rows counted. A zero is returned, not left out."""
    return [{"key": card.key, "label": card.label, "help": card.help, "count": card.count, "figure": card.figure,
             "basis": card.basis, "url": card.url, "tone": card.tone,
             "parts": [{"label": part.label, "count": part.count, "url": part.url} for part in card.parts]}
            for card in cards_for(request.user)]


router.add_router("/", dashboard_router)  # its own tag in the API's documentation, under the kernel's router
