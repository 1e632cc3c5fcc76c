"""Volunteer pages: the roster (contacts masked; reveal with a logged reason), adding and editing a
volunteer, and a volunteer's hours with the certificate download."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import ApplicationError
from secretariat.core.forms import add_service_error
from secretariat.core.roc import Period
from secretariat.counters.access import desks as desk_access
from secretariat.counters.forms.consultations import RevealForm
from secretariat.counters.forms.volunteers import CertificateForm, VolunteerForm
from secretariat.counters.selectors import volunteers as selectors
from secretariat.counters.services import volunteer_roster as services
from secretariat.counters.views import certificates

if TYPE_CHECKING:
    from secretariat.counters.models import Volunteer


def _volunteer(pk: int) -> Volunteer:
    volunteer = selectors.volunteer_find(pk=pk)
    if volunteer is None:
        raise Http404
    return volunteer


@login_required
@require_GET
def roster(request: HttpRequest) -> HttpResponse:
    if not desk_access.can_view(request.user):
        raise Http404
    show_all = request.GET.get("inactive") == "1"
    period = Period.containing(timezone.localdate())
    hours = {row.volunteer_id: row for row in selectors.hours_by_volunteer(start=period.start, end=period.end)}
    volunteers = selectors.volunteer_list(active_only=not show_all)
    return render(request, "counters/volunteers/roster.html", {
        "rows": [(volunteer, selectors.masked_contacts(volunteer), hours.get(volunteer.pk))
                 for volunteer in volunteers],
        "period": period, "show_all": show_all, "can_record": desk_access.can_record(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def volunteer_edit(request: SignedInRequest, pk: int | None = None) -> HttpResponse:
    if not desk_access.can_record(request.user):
        raise Http404
    volunteer = _volunteer(pk) if pk is not None else None
    initial = {} if volunteer is None else {
        "name": volunteer.name, "skills": volunteer.skills, "availability": volunteer.availability,
        "joined_on": volunteer.joined_on}
    form = VolunteerForm(request.POST or None, initial=initial)
    if volunteer is not None:
        # Contacts are personal data: the edit form starts them empty and keeps them when left empty.
        form.fields["phone"].help_text = _("Leave empty to keep the recorded phone.")
        form.fields["email"].help_text = _("Leave empty to keep the recorded e-mail.")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if volunteer is None:
                services.volunteer_create(actor=request.user, name=data["name"], phone=data["phone"],
                                          email=data["email"], skills=data["skills"],
                                          availability=data["availability"], joined_on=data["joined_on"])
            else:
                services.volunteer_update(actor=request.user, volunteer_id=volunteer.pk, name=data["name"],
                                          phone=data["phone"] or volunteer.phone,
                                          email=data["email"] or volunteer.email,
                                          skills=data["skills"], availability=data["availability"],
                                          is_active=volunteer.is_active)
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The volunteer was saved."))
            return redirect("counters:volunteers")
    return render(request, "counters/volunteers/volunteer_form.html", {"form": form, "volunteer": volunteer},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def volunteer_reveal(request: SignedInRequest, pk: int) -> HttpResponse:
    if not desk_access.can_record(request.user):
        raise Http404
    volunteer = _volunteer(pk)
    form = RevealForm(request.POST or None)
    revealed = None
    if request.method == "POST" and form.is_valid():
        try:
            revealed = services.volunteer_personal_data_reveal(actor=request.user, volunteer_id=pk,
                                                               reason=form.cleaned_data["reason"])
        except ApplicationError as error:
            add_service_error(form, error)
    response = render(request, "counters/volunteers/reveal.html", {
        "volunteer": volunteer, "masked": selectors.masked_contacts(volunteer), "form": form, "revealed": revealed},
        status=400 if request.method == "POST" and revealed is None else 200)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    """The hours page of one volunteer; with from, to and format filled, the certificate download."""
    if not desk_access.can_view(request.user):
        raise Http404
    volunteer = _volunteer(pk)
    period = Period.containing(timezone.localdate())
    form = CertificateForm(request.GET or None, initial={"start": period.start, "end": period.end, "format": "odt"})
    if request.GET and form.is_valid():
        data = form.cleaned_data
        try:
            document = certificates.certificate_build(volunteer_id=pk, start=data["start"], end=data["end"],
                                                      file_format=data["format"])
        except ApplicationError as error:
            add_service_error(form, error)
            return render(request, "counters/volunteers/certificate.html", {"form": form, "volunteer": volunteer},
                          status=error.status)
        response = HttpResponse(document.content, content_type=document.content_type)
        response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
        return response
    return render(request, "counters/volunteers/certificate.html", {"form": form, "volunteer": volunteer},
                  status=400 if request.GET else 200)
