"""Opinion monitoring pages: the ranked list with filters, recording an item, importing a CSV file, and
an item's page (severity, escalation, responses). Thin: every write is a service call."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from secretariat.accounts.access import agency_scope_ids
from secretariat.core.actors import Actor, SignedInRequest, Viewer
from secretariat.core.errors import ApplicationError
from secretariat.core.forms import add_service_error
from secretariat.core.htmx import HtmxRequest
from secretariat.media.access.opinion import can_read, is_agency_responder, is_monitor
from secretariat.media.forms.opinion import (
    EscalateForm,
    FilterForm,
    ImportForm,
    ItemForm,
    ResponseForm,
    SeverityForm,
)
from secretariat.media.selectors.opinion import (
    Cursor,
    ItemFilters,
    feeds_active,
    item_get_for,
    item_list,
    responses_of,
)
from secretariat.media.services.opinion import opinion_item_create
from secretariat.media.services.opinion_import import CsvRejected, opinion_csv_import

if TYPE_CHECKING:
    from secretariat.media.models.opinion import OpinionItem


def require_reader(request: HttpRequest) -> None:
    if not can_read(request.user):
        raise Http404


def require_monitor(request: HttpRequest) -> None:
    if not is_monitor(request.user):
        raise Http404


@login_required
@require_GET
def item_list_page(request: HtmxRequest) -> HttpResponse:
    require_reader(request)
    form = FilterForm(request.GET or None)
    filters = ItemFilters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = ItemFilters(since=data["since"], until=data["until"],
                              agency_id=data["agency"].pk if data["agency"] else None,
                              medium=data["medium"], sentiment=data["sentiment"])
    cursor = Cursor.decode(request.GET.get("after", ""))
    rows, next_cursor = item_list(user=request.user, filters=filters, after=cursor)
    query = request.GET.copy()
    query.pop("after", None)
    if next_cursor:
        query["after"] = next_cursor.encode()
    template = "media/opinion/list.html#results" if request.htmx else "media/opinion/list.html"
    return render(request, template, {
        "form": form, "rows": rows, "next_query": query.urlencode() if next_cursor else "",
        "monitor": is_monitor(request.user),
    }, status=400 if form.is_bound and not form.is_valid() else 200)


@login_required
@require_http_methods(["GET", "POST"])
def item_new(request: SignedInRequest) -> HttpResponse:
    require_monitor(request)
    form = ItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = opinion_item_create(
                actor=request.user, outlet=data["outlet"], medium=data["medium"], headline=data["headline"],
                seen_at=data["seen_at"], link=data["link"], summary=data["summary"], sentiment=data["sentiment"],
                reach=data["reach"], topics=data["topics"], agency_ids=[agency.pk for agency in data["agencies"]])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Item #%(pk)s recorded, severity %(severity)s.") % {
                "pk": item.pk, "severity": item.severity})
            return redirect("media:opinion_item", item.pk)
    return render(request, "media/opinion/item_form.html", {"form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def item_import(request: SignedInRequest) -> HttpResponse:
    require_monitor(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    bad_rows: list[tuple[int, str]] = []
    if request.method == "POST" and form.is_valid():
        try:
            result = opinion_csv_import(actor=request.user, data=form.cleaned_data["file"].read())
        except CsvRejected as error:
            form.add_error("file", _("%(count)s rows are not valid, so nothing was imported.") % {
                "count": len(error.errors)})
            bad_rows = error.errors
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("%(count)s items imported.") % {"count": result.created})
            return redirect("media:opinion")
    feeds = feeds_active()
    return render(request, "media/opinion/import.html", {"form": form, "bad_rows": bad_rows, "feeds": feeds},
                  status=400 if request.method == "POST" else 200)


def item_context(request: HttpRequest, item: OpinionItem, **forms: Any) -> dict[str, Any]:
    """Everything the item page shows; `forms` replaces a blank form with a bound one that has errors."""
    user: Actor | Viewer = request.user
    monitor = is_monitor(user)
    concerned = item.agencies.order_by("sort_order", "short_name")
    responder_agencies = None
    if monitor:
        responder_agencies = concerned
    elif is_agency_responder(user):
        responder_agencies = concerned.filter(pk__in=agency_scope_ids(user) or set())
    can_respond = responder_agencies is not None and responder_agencies.exists()
    return {
        "item": item, "agencies": list(concerned), "responses": responses_of(item), "monitor": monitor,
        "severity_form": forms.get("severity_form") or (SeverityForm(initial={
            "score": item.score_override, "reason": item.override_reason, "version": item.version})
            if monitor else None),
        "escalate_form": forms.get("escalate_form") or (EscalateForm() if monitor and not item.case_id else None),
        "response_form": forms.get("response_form") or (ResponseForm(agencies=responder_agencies)
                                                         if can_respond else None),
    }


@login_required
@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        item = item_get_for(user=request.user, pk=pk)
    except ApplicationError:
        raise Http404 from None
    return render(request, "media/opinion/detail.html", item_context(request, item))
