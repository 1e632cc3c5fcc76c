"""Staff pages: register a petition, list petitions, and the personal-data requests (ask, decide, view)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secretariat.cases.constants import CaseStatus
from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import ApplicationError, NotFound
from secretariat.core.forms import add_service_error, query_text
from secretariat.core.htmx import HtmxRequest
from secretariat.petitions import selectors, services
from secretariat.petitions.constants import Channel
from secretariat.petitions.forms import DecisionForm, DisclosureForm, RegisterForm
from secretariat.petitions.views.panels import PANEL_TEMPLATE, panel_context

if TYPE_CHECKING:
    from secretariat.petitions.models import Petition

PAGE_SIZE = 50


def _case_url(case_id: int) -> str:
    return reverse("cases:detail", args=[case_id])


@login_required
@require_GET
def petition_list(request: HttpRequest) -> HttpResponse:
    """The petitions the user may see, newest first, with the usual filters and keyset paging."""
    after = request.GET.get("after", "")
    filters = selectors.PetitionFilter(
        status=request.GET.get("status", "") if request.GET.get("status", "") in CaseStatus.values else "",
        channel=request.GET.get("channel", "") if request.GET.get("channel", "") in Channel.values else "",
        text=query_text(request.GET.get("q"), limit=100), after=int(after) if after.isdigit() else None,
    )
    rows = selectors.petition_list(user=request.user, filters=filters, limit=PAGE_SIZE + 1)
    query = request.GET.copy()
    query.pop("after", None)
    return render(request, "petitions/list.html", {
        "petitions": rows[:PAGE_SIZE], "next_after": rows[PAGE_SIZE - 1].pk if len(rows) > PAGE_SIZE else None,
        "filters": filters, "statuses": CaseStatus.choices, "channels": Channel.choices,
        "query": query.urlencode(), "can_register": request.user.has_perm(services.ADD_PERMISSION),
    })


@login_required
@require_http_methods(["GET", "POST"])
def petition_register(request: SignedInRequest) -> HttpResponse:
    """A clerk registers a letter, e-mail, call or visit. The case password is shown once, here."""
    if not request.user.has_perm(services.ADD_PERMISSION):
        raise PermissionDenied
    form = RegisterForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.petition_data()
        try:
            registered = services.petition_register(
                actor=request.user, channel=data["channel"], subject=data["subject"], content=data["content"],
                petitioner_name=data["petitioner_name"], petitioner_email=data["petitioner_email"],
                petitioner_phone=data["petitioner_phone"], petitioner_address=data["petitioner_address"],
                is_collective=data["is_collective"], people_count=data["people_count"], location=data["location"],
                category=data["category"], attachments=data["attachments"], received_at=form.received_at(),
                is_confidential=data["is_confidential"],
            )
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            response = render(request, "petitions/registered.html", {
                "petition": registered.petition, "case": registered.petition.case, "password": registered.password,
                "case_url": _case_url(registered.petition.pk),
                "answer_url": settings.PUBLIC_BASE_URL.rstrip("/") + reverse("petitions_public:answer"),
            }, status=201)
            add_never_cache_headers(response)  # the password must not stay in any cache
            return response
    return render(request, "petitions/register.html", {"form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_GET
def disclosure_list(request: SignedInRequest) -> HttpResponse:
    """Requests waiting for this user's decision, and the user's own requests."""
    return render(request, "petitions/disclosures.html", {
        "to_decide": list(selectors.disclosures_to_decide(user=request.user)[:100]),
        "mine": selectors.disclosures_of(user=request.user), "decision_form": DecisionForm(),
    })


def _petition(request: HttpRequest, case_id: int) -> Petition:
    try:
        return selectors.petition_get_for(user=request.user, case_id=case_id)
    except NotFound:
        raise Http404 from None


def _panel_response(request: HtmxRequest, petition: Petition, *, status: int = 200, error: str = "",
                    revealed: dict[str, str] | None = None, form: DisclosureForm | None = None) -> HttpResponse:
    """The panel again (htmx swaps it in place), or back to the case page for a plain form post."""
    if not request.htmx:
        if error:
            messages.error(request, error)
        return redirect(_case_url(petition.pk))
    context = panel_context(petition.case, request.user, revealed=revealed)
    if context is None:
        raise Http404
    context.update({"panel_error": error, "disclosure_form": form})
    response = render(request, PANEL_TEMPLATE, context, status=status)
    if revealed is not None:
        add_never_cache_headers(response)
    return response


@login_required
@require_POST
def disclosure_ask(request: SignedInRequest, case_id: int) -> HttpResponse:
    petition = _petition(request, case_id)
    form = DisclosureForm(request.POST)
    if not form.is_valid():
        return _panel_response(request, petition, status=400, form=form,
                               error=_("State why you need to see this person's data."))
    try:
        services.disclosure_request(actor=request.user, petition=petition, reason=form.cleaned_data["reason"])
    except ApplicationError as error:
        return _panel_response(request, petition, status=error.status, error=error.render(), form=form)
    if not request.htmx:
        messages.success(request, _("Your request was sent to your supervisor."))
    return _panel_response(request, petition)


@login_required
@require_POST
def disclosure_decide(request: SignedInRequest, pk: int) -> HttpResponse:
    """Approve or refuse; from the panel (htmx) or from the list of requests."""
    form = DecisionForm(request.POST)
    approve = form.is_valid() and bool(form.cleaned_data["approve"])
    note = form.cleaned_data.get("note", "") if form.is_valid() else ""
    try:
        request_row = selectors.disclosure_get_for(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None
    error = ""
    status = 200
    try:
        services.disclosure_decide(actor=request.user, request_id=pk, approve=approve, note=note)
    except ApplicationError as refusal:
        error, status = refusal.render(), refusal.status
    if request.POST.get("from") == "list":
        if error:
            messages.error(request, error)
        else:
            messages.success(request, _("Approved.") if approve else _("Refused."))
        return redirect("petitions:disclosures")
    return _panel_response(request, request_row.petition, status=status, error=error)


@login_required
@require_POST
def personal_data(request: SignedInRequest, case_id: int) -> HttpResponse:
    """Show the unmasked petitioner to a caseworker with an approved request. Each call is logged, so
    this is a POST (a prefetch or a reload without asking does not count as a view)."""
    petition = _petition(request, case_id)
    try:
        revealed = services.petition_personal_data_reveal(actor=request.user, petition=petition)
    except ApplicationError as error:
        return _panel_response(request, petition, status=error.status, error=error.render())
    if not request.htmx:
        response = render(request, "petitions/personal_data.html", {"petition": petition, "case": petition.case,
                                                                     "revealed": revealed,
                                                                     "case_url": _case_url(petition.pk)})
        add_never_cache_headers(response)
        return response
    return _panel_response(request, petition, revealed=revealed)
