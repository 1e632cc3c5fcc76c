"""The counter over JSON (/api/v1/counters/): tally an enquiry, undo the last one, today's counts, the
statistics tables, petition help (record and list), the categories. The same services and selectors as
the pages, so the same checks and refusals (the error body comes from ApplicationError centrally)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Status

from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.counters.api.schemas import (
    CategoryCountOut,
    EnquiryCategoryOut,
    EnquiryOut,
    EnquiryTableOut,
    HelpIn,
    HelpOut,
    RowOut,
    StatisticsOut,
    TallyIn,
    TallyOut,
    UndoIn,
)
from secretariat.counters.selectors import enquiries as selectors
from secretariat.counters.selectors.statistics import (
    MonthRange,
    MonthTable,
    TableRow,
    current_period,
    enquiry_table,
    help_table,
    parse_month,
)
from secretariat.counters.services import enquiries as services
from secretariat.counters.services.petition_help import petition_help_record

if TYPE_CHECKING:
    from secretariat.counters.models import Enquiry, PetitionHelp

router = Router(tags=["counters"])


def _enquiry_out(item: Enquiry) -> EnquiryOut:
    return EnquiryOut(id=item.pk, category=item.category.name, category_code=item.category.code, channel=item.channel,
                      note=item.note, recorded_at=item.recorded_at, recorded_on=item.recorded_on,
                      undone=item.cancelled_at is not None)


def _help_out(item: PetitionHelp) -> HelpOut:
    return HelpOut(id=item.pk, helped_on=item.helped_on, kind=item.kind, people_count=item.people_count,
                   action_taken=item.action_taken, petition_case_id=item.petition_case_id,
                   petition_reference=item.petition_reference, recorded_at=item.recorded_at)


def _table_out(table: MonthTable) -> EnquiryTableOut:
    def row(item: TableRow) -> RowOut:
        return RowOut(key=item.key, label=item.label, cells=list(item.cells), total=item.total)

    return EnquiryTableOut(key=table.key, title=table.title, months=table.month_labels, summary=row(table.summary),
                    rows=[row(item) for item in table.rows])


def _require_viewer(request: HttpRequest) -> None:
    if not selectors.may_view_statistics(request.user):
        raise PermissionRefused()


@router.post("/enquiries", response={201: EnquiryOut}, summary="Tally one enquiry at the counter")
def record_enquiry(request: SignedInRequest, payload: TallyIn) -> Status[EnquiryOut]:
    item = services.enquiry_record(actor=request.user, category_id=payload.category_id,
                                   category_code=payload.category_code, channel=payload.channel, note=payload.note)
    return Status(201, _enquiry_out(item))


@router.post("/enquiries/undo", response=EnquiryOut, summary="Undo your own last entry of today")
def undo_enquiry(request: SignedInRequest, payload: UndoIn) -> EnquiryOut:
    return _enquiry_out(services.enquiry_undo(actor=request.user, enquiry_id=payload.enquiry_id))


@router.get("/enquiries/today", response=TallyOut, summary="Today's and this month's counts per category")
def today_counts(request: HttpRequest) -> TallyOut:
    _require_viewer(request)
    day = timezone.localdate()
    board = selectors.tally_board(day=day)
    try:
        is_open = selectors.counter_open_on(day)
    except ValidationFailed:
        is_open = False
    return TallyOut(day=day, open=is_open, today_total=board.today_total, month_total=board.month_total,
                    categories=[CategoryCountOut(category_id=row.category.pk, code=row.category.code,
                                                 name=row.category.name, hotkey=row.category.hotkey,
                                                 today=row.today, month=row.month) for row in board.rows])


@router.get("/enquiries/statistics", response=StatisticsOut,
            summary="The counter's tables for a half-year (period=112H2) or a month range (from=112/07&to=112/12)")
def statistics(request: HttpRequest, period: str = "",
               first: str = Query("", alias="from"),  # type: ignore[type-arg]
               last: str = Query("", alias="to")) -> StatisticsOut:  # type: ignore[type-arg]
    _require_viewer(request)
    months = MonthRange.parse(period=period, first=first, last=last, default=current_period())
    return StatisticsOut(label=months.label, first_month=months.first_text, last_month=months.last_text,
                         tables=[_table_out(enquiry_table(months)), _table_out(help_table(months))])


@router.get("/enquiry-categories", response=list[EnquiryCategoryOut], summary="The enquiry categories and their keys")
def categories(request: HttpRequest, include_inactive: bool = False) -> list[EnquiryCategoryOut]:
    _require_viewer(request)
    return [EnquiryCategoryOut(id=item.pk, code=item.code, name=item.name, name_en=item.name_en, hotkey=item.hotkey,
                        is_active=item.is_active)
            for item in selectors.category_list(include_inactive=include_inactive)]


@router.post("/petition-help", response={201: HelpOut}, summary="Record petition help given at the counter")
def record_help(request: SignedInRequest, payload: HelpIn) -> Status[HelpOut]:
    item = petition_help_record(actor=request.user, helped_on=payload.helped_on, kind=payload.kind,
                                people_count=payload.people_count, action_taken=payload.action_taken,
                                petition_reference=payload.petition_reference)
    return Status(201, _help_out(item))


@router.get("/petition-help", response=list[HelpOut], summary="Petition help records, newest first")
def list_help(request: HttpRequest, before: int | None = None, since: str = "", until: str = "",
              kind: str = "", limit: int = 50) -> list[HelpOut]:
    """`before`: the last id of the previous page (keyset); `since`/`until`: months such as 112/07."""
    _require_viewer(request)
    start = MonthRange(parse_month(since), parse_month(since)).start if since else None
    end = MonthRange(parse_month(until), parse_month(until)).end if until else None
    return [_help_out(item) for item in selectors.petition_help_list(start=start, end=end, kind=kind, before=before,
                                                                      limit=limit)]
