"""The councillor portal: a councillor files data requests, follows them, reads released answers and may
reopen an answer once. A councillor sees only their own requests; anyone else's is "not found"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secretariat.accounts.constants import Role
from secretariat.cases.constants import CaseStatus
from secretariat.cases.selectors.files import case_released_answer_files
from secretariat.cases.services import case_transition
from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import ApplicationError, NotFound
from secretariat.core.forms import add_service_error
from secretariat.council.forms.requests import ReopenForm, RequestForm
from secretariat.council.selectors.requests import councillor_of, request_get, requests_visible
from secretariat.council.views.requests import file_from_form
from secretariat.notifications.selectors import notification_page, notification_text

if TYPE_CHECKING:
    from secretariat.council.models import Councillor
    from secretariat.council.models.requests import DataRequest


def _councillor(request: SignedInRequest) -> Councillor:
    user = request.user
    councillor = (councillor_of(user, active_only=True)
                  if getattr(user, "role", "") == Role.COUNCILLOR else None)
    if councillor is None:
        raise Http404
    return councillor


def _own(request: SignedInRequest, pk: int) -> DataRequest:
    _councillor(request)
    try:
        return request_get(request.user, pk)
    except NotFound:
        raise Http404 from None


@login_required
@require_GET
def portal_home(request: SignedInRequest) -> HttpResponse:
    councillor = _councillor(request)
    return render(request, "council/portal_home.html", {
        "councillor": councillor, "rows": list(requests_visible(request.user).order_by("-case__received_at")[:200]),
        "notifications": [{"note": note, "text": notification_text(note)}
                          for note in notification_page(user=request.user, unread_only=True, size=10).rows],
    })


@login_required
@require_http_methods(["GET", "POST"])
def portal_new(request: SignedInRequest) -> HttpResponse:
    councillor = _councillor(request)
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        filed = file_from_form(request, form, councillor_id=councillor.pk)
        if filed is not None:
            return redirect("council:portal_detail", filed.pk)
    return render(request, "council/portal_form.html", {"form": form, "councillor": councillor},
                  status=400 if request.method == "POST" else 200)


def _detail(request: HttpRequest, item: DataRequest, form: ReopenForm, status: int = 200) -> HttpResponse:
    case = item.case
    released = case.status == CaseStatus.CLOSED and item.released_at
    return render(request, "council/portal_detail.html", {
        "item": item, "case": case, "released": released,
        "answer_files": case_released_answer_files(case=case) if released else [],
        "can_reopen": case.status == CaseStatus.CLOSED and case.reopen_count == 0, "form": form,
        "status_label": CaseStatus(case.status).label,
    }, status=status)


@login_required
@require_GET
def portal_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    return _detail(request, _own(request, pk), ReopenForm())


@login_required
@require_POST
def portal_reopen(request: SignedInRequest, pk: int) -> HttpResponse:
    item = _own(request, pk)
    form = ReopenForm(request.POST)
    if form.is_valid():
        try:
            case_transition(actor=request.user, case_id=item.pk, name="reopen",
                            data={"reason": form.cleaned_data["reason"]})
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The request was reopened; the agency will answer again."))
            return redirect("council:portal_detail", item.pk)
    return _detail(request, _own(request, pk), form, status=400)
