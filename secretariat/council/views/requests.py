"""Staff pages for data requests: the scoped list, a clerk filing for a councillor, contributed parts and
the per-agency metrics. Steps (assign, answer, release …) are taken on the generic case page, where the
data request panel (`panel_context`) shows the request and its parts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secretariat.accounts.constants import Role
from secretariat.cases.constants import RUNNING_STATUSES
from secretariat.core.actors import Actor, SignedInRequest, Viewer
from secretariat.core.errors import ApplicationError, NotFound
from secretariat.core.forms import add_service_error
from secretariat.core.roc import Period
from secretariat.council.forms.requests import ClerkRequestForm, PartForm
from secretariat.council.selectors.requests import is_staff_reader, metrics_by_agency, request_for_panel, request_queue
from secretariat.council.services.requests import FILING_ROLES, request_file, request_part_submit

if TYPE_CHECKING:
    from secretariat.cases.models import Case
    from secretariat.council.models.requests import DataRequest

LIST_SIZE = 50


def _require_staff(request: HttpRequest) -> None:
    if not is_staff_reader(request.user):
        raise Http404


@login_required
@require_GET
def request_list(request: SignedInRequest) -> HttpResponse:
    _require_staff(request)
    user = request.user
    before = request.GET.get("before", "")
    rows = request_queue(user, before=int(before) if before.isdigit() else None, size=LIST_SIZE + 1)
    return render(request, "council/request_list.html", {
        "rows": rows[:LIST_SIZE], "can_file": user.role in FILING_ROLES,
        "older": rows[LIST_SIZE - 1].pk if len(rows) > LIST_SIZE else None, "paged": bool(before),
    })


@login_required
@require_http_methods(["GET", "POST"])
def request_new(request: SignedInRequest) -> HttpResponse:
    user = request.user
    if user.role not in FILING_ROLES:
        raise Http404
    form = ClerkRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        filed = file_from_form(request, form, councillor_id=form.cleaned_data["councillor"].pk)
        if filed is not None:
            return redirect("cases:detail", filed.pk)
    return render(request, "council/request_form.html", {"form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def part_submit(request: SignedInRequest, pk: int) -> HttpResponse:
    form = PartForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write your agency's part."))
        return redirect("cases:detail", pk)
    try:
        request_part_submit(actor=request.user, case_id=pk, text=form.cleaned_data["text"])
    except NotFound:
        raise Http404 from None
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your agency's part was sent to the Secretariat."))
    return redirect(reverse("cases:detail", args=[pk]))


@login_required
@require_GET
def request_metrics(request: HttpRequest) -> HttpResponse:
    _require_staff(request)
    status = 200
    try:
        period = Period.parse(request.GET["period"]) if request.GET.get("period") else \
            Period.containing(timezone.localdate())
    except ApplicationError as error:
        messages.error(request, str(error))
        period, status = Period.containing(timezone.localdate()), 400
    return render(request, "council/request_metrics.html", {
        "period": period, "rows": metrics_by_agency(request.user, period),
    }, status=status)


def file_from_form(request: SignedInRequest, form: Any, *, councillor_id: int) -> DataRequest | None:
    """File a valid request form for the councillor (portal and clerk alike); a refusal lands on the form."""
    data = form.cleaned_data
    try:
        filed = request_file(actor=request.user, councillor_id=councillor_id, subject=data["subject"],
                             content=data["content"], urgency=data["urgency"], requested_due=data["requested_due"],
                             marked_urgent=data["marked_urgent"], urgent_reason=data["urgent_reason"])
    except ApplicationError as error:
        add_service_error(form, error)
        return None
    messages.success(request, _("Data request %(ref)s filed.") % {"ref": filed.case.reference})
    return filed


def panel_context(case: Case, user: Actor | Viewer) -> dict[str, Any] | None:
    """The data request panel on the generic case page (registered in the app's ready())."""
    item = request_for_panel(case.pk)
    if item is None:
        return None
    agency_id = getattr(user, "agency_id", None)
    contributing = bool(agency_id and getattr(user, "role", "") in {Role.AGENCY_LIAISON, Role.AGENCY_HEAD}
                        and case.lead_agency and case.lead_agency.is_secretariat
                        and case.status in RUNNING_STATUSES and case.co_agencies.filter(pk=agency_id).exists())
    return {"item": item, "parts": list(item.parts.select_related("agency", "submitted_by")),
            "part_form": PartForm() if contributing else None}
