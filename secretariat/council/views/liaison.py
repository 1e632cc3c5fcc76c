"""Liaison pages: the officers' roster by agency (edited by the agency head or the Secretariat), and the
caucus briefings and trainings the Secretariat records."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from secretariat.accounts.constants import Role
from secretariat.core.actors import Person, SignedInRequest
from secretariat.core.errors import ApplicationError, NotFound
from secretariat.core.forms import add_service_error
from secretariat.council.access import structure as access
from secretariat.council.forms.liaison import BriefingForm, OfficerForm, TrainingForm
from secretariat.council.selectors import liaison as selectors
from secretariat.council.services import liaison as services
from secretariat.council.views.structure import nav_context


def _editable_agencies(user: Person) -> Any:
    agencies = selectors.officer_agencies()
    if access.can_edit_officers_of(user, None):  # the Secretariat: every agency
        return agencies
    if user.role == Role.AGENCY_HEAD and user.agency_id:
        return agencies.filter(pk=user.agency_id)
    return agencies.none()


@login_required
@require_GET
def roster(request: SignedInRequest) -> HttpResponse:
    if not access.can_view_liaison(request.user):
        raise Http404
    show_all = request.GET.get("inactive") == "1"
    officers = selectors.officer_list(user=request.user, active_only=not show_all)
    groups = [(agency, list(rows)) for agency, rows in groupby(officers, key=lambda officer: officer.agency)]
    return render(request, "council/liaison_roster.html", {**nav_context(request.user),
        "groups": groups, "show_all": show_all,
        "editable_ids": {officer.pk for _agency, rows in groups for officer in rows
                         if access.can_edit_officers_of(request.user, officer.agency_id)},
        "can_add": _editable_agencies(request.user).exists(),
        "can_record": access.can_record_liaison(request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def officer_create(request: SignedInRequest) -> HttpResponse:
    agencies = _editable_agencies(request.user)
    if not agencies.exists():
        raise Http404
    form = OfficerForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.officer_create(actor=request.user, agency=data["agency"], name=data["name"], title=data["title"],
                                    phone=data["phone"], mobile=data["mobile"], email=data["email"],
                                    user=data["user"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The liaison officer was added."))
            return redirect("council:liaison_roster")
    return render(request, "council/liaison_officer_form.html", {"form": form, "officer": None},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def officer_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    try:
        officer = selectors.officer_get_for(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None
    if not access.can_edit_officers_of(request.user, officer.agency_id):
        raise Http404
    initial = {"agency": officer.agency, "name": officer.name, "title": officer.title, "phone": officer.phone,
               "mobile": officer.mobile, "email": officer.email, "user": officer.user, "is_active": officer.is_active}
    form = OfficerForm(request.POST or None, initial=initial, agencies=selectors.officer_agency_fixed(officer),
                       fixed_agency=officer.agency)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.officer_update(actor=request.user, officer_id=officer.pk, name=data["name"], title=data["title"],
                                    phone=data["phone"], mobile=data["mobile"], email=data["email"],
                                    user=data["user"], is_active=data["is_active"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The liaison officer was saved."))
            return redirect("council:liaison_roster")
    return render(request, "council/liaison_officer_form.html", {"form": form, "officer": officer},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_GET
def briefing_list(request: HttpRequest) -> HttpResponse:
    if not access.can_view_records(request.user):
        raise Http404
    return render(request, "council/liaison_briefings.html", {**nav_context(request.user),
        "briefings": selectors.briefing_list(user=request.user)[:200],
        "can_record": access.can_record_liaison(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def briefing_create(request: SignedInRequest) -> HttpResponse:
    if not access.can_record_liaison(request.user):
        raise Http404
    form = BriefingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.briefing_record(actor=request.user, held_on=data["held_on"], caucus=data["caucus"],
                                     topics=data["topics"], attending_users=list(data["attending_users"]),
                                     attending_agencies=list(data["attending_agencies"]),
                                     attendees_note=data["attendees_note"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The caucus briefing was recorded."))
            return redirect("council:briefings")
    return render(request, "council/liaison_briefing_form.html", {"form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_GET
def training_list(request: HttpRequest) -> HttpResponse:
    if not access.can_view_records(request.user):
        raise Http404
    return render(request, "council/liaison_trainings.html", {**nav_context(request.user),
        "trainings": selectors.training_list(user=request.user)[:200],
        "can_record": access.can_record_liaison(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def training_create(request: SignedInRequest) -> HttpResponse:
    if not access.can_record_liaison(request.user):
        raise Http404
    form = TrainingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.training_record(actor=request.user, held_on=data["held_on"], title=data["title"],
                                     venue=data["venue"], attendees=list(data["attendees"]))
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The training was recorded."))
            return redirect("council:trainings")
    return render(request, "council/liaison_training_form.html", {"form": form},
                  status=400 if request.method == "POST" else 200)
