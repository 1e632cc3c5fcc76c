"""Petition help at the counter: the form a clerk fills in after helping a citizen with a petition, and
the list of what was recorded (newest first, keyset-paginated). Thin: the service checks and writes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import ApplicationError
from secretariat.core.forms import add_service_error
from secretariat.counters.forms.enquiries import PetitionHelpForm
from secretariat.counters.selectors import enquiries as selectors
from secretariat.counters.services.petition_help import petition_help_record

PAGE = 50


def _before(request: HttpRequest) -> int | None:
    value = request.GET.get("before", "")
    return int(value) if value.isdigit() else None


@login_required
@require_http_methods(["GET", "POST"])
def petition_help(request: SignedInRequest) -> HttpResponse:
    if not selectors.may_record(request.user):
        raise Http404
    form = PetitionHelpForm(request.POST or None, initial={"helped_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            petition_help_record(actor=request.user, helped_on=data["helped_on"], kind=data["kind"],
                                 people_count=data["people_count"], action_taken=data["action_taken"],
                                 petition_reference=data["petition_reference"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The petition help was recorded."))
            return redirect("counters:petition_help")
    rows = selectors.petition_help_list(before=_before(request), limit=PAGE + 1)
    return render(request, "counters/enquiries/petition_help.html", {
        "form": form, "rows": rows[:PAGE], "next_before": rows[PAGE - 1].pk if len(rows) > PAGE else None,
        "may_record": True,
    }, status=400 if request.method == "POST" else 200)
