"""The citizen's pages, no account needed: send a petition, confirm it, read the answer and rate it.

Pages that show a case password are never cached. Confirming is a button (POST) on the page the
mailed link opens, not the link itself: mail gateways and virus scanners open links in mails, and a
GET that filed the petition would file it for them and show the password to nobody.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods

from secretariat.cases.constants import CaseStatus
from secretariat.core.attachments import download_response
from secretariat.core.errors import ApplicationError
from secretariat.core.forms import add_service_error
from secretariat.core.request_context import client_address
from secretariat.core.site_settings import setting_get
from secretariat.petitions import services
from secretariat.petitions.access.personal_data import mask_email
from secretariat.petitions.constants import RATING_CHANGE_DAYS, rule
from secretariat.petitions.forms import LookupForm, PublicForm, RatingForm
from secretariat.petitions.kinds import DECLINE_REASONS
from secretariat.petitions.selectors.answer_files import (
    ANSWER_LINK_MINUTES,
    petition_answer_file_open,
    petition_answer_files,
)
from secretariat.petitions.services.errors import TooManyAttempts

if TYPE_CHECKING:
    from secretariat.petitions.models import Petition


def _problem(request: HttpRequest, error: ApplicationError) -> HttpResponse:
    return render(request, "petitions/public_problem.html", {"status": error.status, "message": error.render()},
                  status=error.status)


@require_http_methods(["GET", "POST"])
def petition_new(request: HttpRequest) -> HttpResponse:
    form = PublicForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if request.POST.get("website"):
            # A robot filled the hidden field: answer as if all went well, file nothing.
            return render(request, "petitions/public_sent.html", {"email": ""})
        if form.is_valid():
            data = form.petition_data()
            try:
                services.petition_submit(
                    subject=data["subject"], content=data["content"], petitioner_name=data["petitioner_name"],
                    petitioner_email=data["petitioner_email"], petitioner_phone=data["petitioner_phone"],
                    petitioner_address=data["petitioner_address"], is_collective=data["is_collective"],
                    people_count=data["people_count"], location=data["location"], category=data["category"],
                    attachments=data["attachments"], client_ip=client_address(request),
                )
            except ApplicationError as error:
                add_service_error(form, error)
                status = error.status
            else:
                return render(request, "petitions/public_sent.html",
                              {"email": mask_email(data["petitioner_email"])})
    return render(request, "petitions/public_form.html",
                  {"form": form, "answer_days": setting_get("petitions.answer_days")}, status=status)


@require_http_methods(["GET", "POST"])
def petition_confirm(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "GET":
        try:
            submission = services.pending_submission_check(token=token)
        except ApplicationError as error:
            return _problem(request, error)
        return render(request, "petitions/public_confirm.html", {"subject": submission.payload.get("subject", ""),
                                                                  "expires_at": submission.expires_at})
    try:
        registered = services.petition_confirm(token=token)
    except ApplicationError as error:
        return _problem(request, error)
    response = render(request, "petitions/public_confirmed.html", {
        "reference": registered.petition.case.reference, "password": registered.password,
        "subject": registered.petition.subject,
    }, status=201)
    add_never_cache_headers(response)
    return response


def _answer_context(petition: Petition) -> dict[str, Any]:
    """What the petitioner may read: status, lead agency, due date; the answer once the case is closed."""
    case = petition.case
    closed = case.status == CaseStatus.CLOSED
    return {
        "petition": petition, "case": case, "status_label": CaseStatus(case.status).label,
        "agency": case.lead_agency.short_name if case.lead_agency else "",
        "answer": petition.answer if closed else "", "closed": closed,
        "answer_files": petition_answer_files(petition=petition) if closed else [], "link_minutes": ANSWER_LINK_MINUTES,
        "decline_reason": DECLINE_REASONS.get(case.decline_reason, "") if case.status == CaseStatus.DECLINED else "",
        "merged_into": case.merged_into.reference if case.merged_into_id and case.merged_into else "",
        "may_rate": services.may_rate(petition), "rating_days": rule(RATING_CHANGE_DAYS),
    }


@require_http_methods(["GET", "POST"])
def petition_answer(request: HttpRequest) -> HttpResponse:
    """Case number and password → the case's state and answer; then the rating form (which carries
    the same number and password, checked again)."""
    rating = request.method == "POST" and "rating" in request.POST
    form: LookupForm = (RatingForm if rating else LookupForm)(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                if rating:
                    petition = services.petition_rate(case_reference=data["reference"], password=data["password"],
                                                      rating=data["rating"], comment=data["comment"],
                                                      client_ip=client_address(request))
                else:
                    petition = services.petition_lookup(reference=data["reference"], password=data["password"],
                                                        client_ip=client_address(request))
            except TooManyAttempts as error:
                return render(request, "petitions/public_answer.html",
                              {"form": LookupForm(), "locked": error.render()}, status=429)
            except ApplicationError as error:
                if not rating:
                    add_service_error(form, error)
                    return render(request, "petitions/public_answer.html", {"form": form}, status=error.status)
                return _problem(request, error)
            context = _answer_context(petition)
            context["rating_form"] = RatingForm(initial={"reference": petition.case.reference,
                                                         "password": data["password"],
                                                         "rating": petition.rating, "comment": petition.rating_comment})
            context["rated_now"] = rating
            response = render(request, "petitions/public_answer.html", context)
            add_never_cache_headers(response)
            return response
    return render(request, "petitions/public_answer.html", {"form": form if not rating else LookupForm()},
                  status=status)


@require_GET
def petition_answer_file(request: HttpRequest, token: str) -> HttpResponseBase:
    """A file of the released answer, by the signed link the answer page gave (no account, no session)."""
    try:
        opened = petition_answer_file_open(token=token[:500])
    except ApplicationError as error:
        return _problem(request, error)
    return download_response(opened)
