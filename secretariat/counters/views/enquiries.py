"""The counter screen (綜合諮詢櫃檯): big category buttons for the tablet at the desk, each on a key, so
one click or one key press tallies an enquiry; undo of the clerk's own last entry; the day's and the
month's counts beside the buttons, refreshed after every press.

With htmx the buttons post in the background and the tally area comes back; without it the forms post
normally and the page reloads (post/redirect/get). Thin: the services decide and write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from secretariat.core.actors import SignedInRequest
from secretariat.core.calendar import CalendarOutOfRange
from secretariat.core.errors import ApplicationError
from secretariat.core.htmx import HtmxRequest
from secretariat.counters.constants import EnquiryChannel
from secretariat.counters.selectors import enquiries as selectors
from secretariat.counters.selectors.statistics import category_label_ui
from secretariat.counters.services import enquiries as services

if TYPE_CHECKING:
    from secretariat.counters.models import Enquiry

TEMPLATE = "counters/enquiries/counter.html"


def _require_clerk(request: HttpRequest) -> None:
    if not selectors.may_record(request.user):
        raise Http404


def _open_today(day: Any) -> bool | None:
    """Whether the counter is open today; None when the office calendar has no data for the year."""
    try:
        return selectors.counter_open_on(day)
    except CalendarOutOfRange:
        return None


def _context(request: HttpRequest, *, channel: str, recorded: Enquiry | None = None, undone: Enquiry | None = None,
             error: str = "") -> dict[str, Any]:
    day = timezone.localdate()
    board = selectors.tally_board(day=day)
    return {
        "day": day, "open": _open_today(day), "board": board, "channel": channel,
        "channels": EnquiryChannel.choices, "buttons": [(row.category, category_label_ui(row.category))
                                                        for row in board.rows],
        "count_rows": [(row, category_label_ui(row.category)) for row in board.rows],
        "labels": {row.category.pk: category_label_ui(row.category) for row in board.rows},
        "recent": selectors.recent_entries_of(user=request.user, day=day),
        "last": selectors.last_entry_of(user=request.user, day=day),
        "recorded": recorded, "undone": undone, "error": error,
    }


def _channel(request: HttpRequest) -> str:
    chosen = request.POST.get("channel") or request.GET.get("channel") or EnquiryChannel.COUNTER
    return chosen if chosen in EnquiryChannel.values else EnquiryChannel.COUNTER


def _answer(request: HtmxRequest, context: dict[str, Any], *, status: int = 200) -> HttpResponse:
    if request.htmx:
        return render(request, "counters/enquiries/counter_update.html", context, status=status)
    if context["error"]:
        messages.error(request, context["error"])
    elif context["recorded"]:
        messages.success(request, _("Recorded: %(category)s.") % {
            "category": context["labels"].get(context["recorded"].category_id, "")})
    elif context["undone"]:
        messages.success(request, _("Your last entry was undone."))
    return redirect(f"{reverse('counters:counter')}?channel={context['channel']}")


@login_required
@require_GET
def counter(request: HttpRequest) -> HttpResponse:
    _require_clerk(request)
    return render(request, TEMPLATE, _context(request, channel=_channel(request)))


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@login_required
@require_POST
def record(request: SignedInRequest) -> HttpResponse:
    _require_clerk(request)
    channel = request.POST.get("channel", EnquiryChannel.COUNTER)
    category_id = _int_or_none(request.POST.get("category"))
    try:  # a tampered or empty button (no category id) gets the service's refusal of an unknown category
        enquiry = services.enquiry_record(actor=request.user, category_id=category_id, channel=channel,
                                          note=request.POST.get("note", ""))
    except ApplicationError as error:
        return _answer(request, _context(request, channel=_channel(request), error=error.render()),
                       status=error.status)
    return _answer(request, _context(request, channel=_channel(request), recorded=enquiry))


@login_required
@require_POST
def undo(request: SignedInRequest) -> HttpResponse:
    _require_clerk(request)
    try:
        enquiry = services.enquiry_undo(actor=request.user, enquiry_id=_int_or_none(request.POST.get("enquiry")))
    except ApplicationError as error:
        return _answer(request, _context(request, channel=_channel(request), error=error.render()),
                       status=error.status)
    return _answer(request, _context(request, channel=_channel(request), undone=enquiry))

