"""Writing the report's prose: one place of one period at a time, by the Secretariat, with a version
check so two writers cannot overwrite each other unnoticed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import ApplicationError
from secretariat.core.forms import add_service_error
from secretariat.reporting import access
from secretariat.reporting.forms import ProseForm
from secretariat.reporting.report.prose import prose_place
from secretariat.reporting.selectors.prose import prose_draft
from secretariat.reporting.services import prose_save
from secretariat.reporting.views.pages import period_or_404


@login_required
@require_http_methods(["GET", "POST"])
def prose_edit(request: SignedInRequest, code: str, slug: str) -> HttpResponse:
    period = period_or_404(request, code)
    if not access.can_edit_prose(request.user):
        raise Http404
    try:
        place = prose_place(slug)
    except ApplicationError:
        raise Http404 from None
    draft = prose_draft(period=period, place=place)
    form = ProseForm(request.POST or None, initial={"text": draft.text, "version": draft.version})
    if request.method == "POST" and form.is_valid():
        try:
            prose_save(actor=request.user, period=period, place=place, text=form.cleaned_data["text"],
                       version=form.cleaned_data["version"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The text was saved."))
            return redirect(reverse("reporting:preview", args=[period.code]) + f"#place-{'-'.join(place.key)}")
    return render(request, "reporting/prose_form.html", {"form": form, "period": period, "place": place,
                                                         "draft": draft},
                  status=400 if request.method == "POST" else 200)
