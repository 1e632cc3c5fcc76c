"""The case inbox as a work queue: tabs with counts, filters, sortable columns, keyset pages, and routing the
selected cases at once. Thin adapters over cases.selectors.inbox and cases.services.bulk."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from secretariat.cases.access import routes_cases
from secretariat.cases.forms import BulkAssignForm, InboxFilterForm
from secretariat.cases.kinds import all_kinds
from secretariat.cases.selectors import case_title_for
from secretariat.cases.selectors.inbox import (
    InboxFilter,
    InboxPage,
    TabCount,
    case_inbox_page,
    case_inbox_tab_counts,
    inbox_cursor_parse,
    inbox_filter_checked,
    sort_parse,
)
from secretariat.cases.services.bulk import case_bulk_assign
from secretariat.core.actors import Actor, SignedInRequest, Viewer
from secretariat.core.errors import ApplicationError
from secretariat.core.forms import add_service_error

PAGE_SIZE = 50  # inbox rows per page
# The columns a header click sorts by, in the table's order (kind and subject are not sorted: the subject of a
# confidential case must not be findable by its place in an alphabetical list).
SORTABLE = ("reference", "agency", "status", "received", "due")


def inbox_filter_from(form: InboxFilterForm, user: Actor | Viewer) -> InboxFilter:
    """The selector's filter from a valid form; an unknown tab, order or damaged cursor raises ApplicationError."""
    data = form.cleaned_data
    agency = data.get("agency")
    filters = InboxFilter(kind=data["kind"], status=data["status"], due=data["due"], text=data["text"],
                          agency_id=agency.pk if agency else None, answered=data["answered"],
                          led=bool(data.get("led")), due_from=data.get("due_from"), due_to=data.get("due_to"),
                          tab=data["tab"], sort=sort_parse(data["sort"]), after=inbox_cursor_parse(data["after"]))
    return inbox_filter_checked(user, filters)


def read_inbox_filter(request: HttpRequest) -> tuple[InboxFilterForm, InboxFilter | None]:
    """The form and the filter it asks for; None when the form is refused (its errors say why)."""
    form = InboxFilterForm(request.GET or None, user=request.user)
    if not form.is_bound:
        return form, InboxFilter()
    if not form.is_valid():
        return form, None
    try:
        return form, inbox_filter_from(form, request.user)
    except ApplicationError as error:
        add_service_error(form, error)
        return form, None


def _query(request: HttpRequest, **changes: str | None) -> str:
    """The page's query with `changes` applied (None removes a key), always back to the first page."""
    query: QueryDict = request.GET.copy()
    query.pop("after", None)
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


def _tabs(request: HttpRequest, counts: list[TabCount], current: str) -> list[dict[str, Any]]:
    return [{"code": entry.tab.code if entry.tab else "", "label": entry.tab.label if entry.tab else _("All open"),
             "help": entry.tab.help if entry.tab else _("Every case still waiting for someone."),
             "count": entry.count, "current": (entry.tab.code if entry.tab else "") == current,
             # A tab brings its own order: a sort chosen on another tab does not follow it.
             "query": _query(request, tab=entry.tab.code if entry.tab else None, sort=None)} for entry in counts]


def _columns(request: HttpRequest, sort: str) -> dict[str, dict[str, str]]:
    """Each sortable column's link (a second click reverses it) and its aria-sort state."""
    columns = {}
    for name in SORTABLE:
        state = "ascending" if sort == name else "descending" if sort == f"-{name}" else "none"
        columns[name] = {"query": _query(request, sort=f"-{name}" if state == "ascending" else name),
                         "state": state}
    return columns


def _rows(user: Actor | Viewer, page: InboxPage) -> list[dict[str, Any]]:
    kind_labels = {kind.code: kind.label for kind in all_kinds()}
    return [{"case": case, "kind_label": kind_labels.get(case.kind, case.kind), "title": case_title_for(user, case)}
            for case in page.rows]


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    form, filters = read_inbox_filter(request)
    if filters is None:
        page, counts, status = InboxPage([], None), [], 400
    else:
        page = case_inbox_page(user=request.user, filters=filters, limit=PAGE_SIZE)
        counts, status = case_inbox_tab_counts(user=request.user, filters=filters), 200
    current_tab = filters.tab if filters else request.GET.get("tab", "")
    can_route = routes_cases(request.user)
    return render(request, "cases/inbox.html", {
        "form": form, "rows": _rows(request.user, page), "tabs": _tabs(request, counts, current_tab),
        "columns": _columns(request, page.sort), "can_route": can_route,
        "bulk": BulkAssignForm() if can_route else None, "back": request.get_full_path(),
        "next_query": _query(request, after=page.next_cursor) if page.next_cursor else None,
        "first_query": _query(request) if filters and filters.after else None,
        "export_query": _query(request),
    }, status=status)


def _back(request: HttpRequest, back: str) -> str:
    """Where the person came from (their tab, filters and order), if it is a page of this site."""
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()},
                                                require_https=request.is_secure()):
        return back
    return reverse("cases:inbox")


@login_required
@require_POST
def inbox_assign(request: SignedInRequest) -> HttpResponse:
    """Assign the selected cases; the messages say how many were assigned and, case by case, what was refused."""
    if not routes_cases(request.user):
        raise PermissionDenied
    form = BulkAssignForm(request.POST)
    back = _back(request, str(request.POST.get("back", "")))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(back)
    agency = form.cleaned_data["agency"]
    try:
        result = case_bulk_assign(actor=request.user, case_ids=form.cleaned_data["ids"], agency_id=agency.pk,
                                  versions=form.versions())
    except ApplicationError as error:
        messages.error(request, error.render())
        return redirect(back)
    if result.assigned:
        messages.success(request, ngettext("%(count)s case assigned to %(agency)s: %(references)s",
                                           "%(count)s cases assigned to %(agency)s: %(references)s",
                                           len(result.assigned)) % {
            "count": len(result.assigned), "agency": agency.short_name,
            "references": "、".join(case.reference for case in result.assigned)})
    for refusal in result.refused:
        messages.error(request, _("Not assigned: %(reference)s — %(reason)s") % {
            "reference": refusal.reference or f"#{refusal.case_id}", "reason": refusal.message})
    return redirect(back)
