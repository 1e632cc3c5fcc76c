"""The item page's forms: adjust severity, escalate, record a response; and fetching a feed now. A refusal
re-renders the item page with the message on the form (status 400), nothing written."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretariat.core import roc
from secretariat.core.actors import SignedInRequest
from secretariat.core.changes import SYSTEM
from secretariat.core.errors import ApplicationError, NotFound
from secretariat.core.forms import add_service_error
from secretariat.media.forms.opinion import EscalateForm, ResponseForm, SeverityForm
from secretariat.media.selectors.opinion import item_get_for
from secretariat.media.services.opinion import opinion_escalate, opinion_response_record, opinion_severity_adjust
from secretariat.media.services.opinion_import import opinion_feed_import
from secretariat.media.views.opinion import item_context, require_monitor


def _item_or_404(request: HttpRequest, pk: int) -> Any:
    try:
        return item_get_for(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None


def _refused(request: HttpRequest, pk: int, key: str, form: forms.Form) -> HttpResponse:
    item = _item_or_404(request, pk)
    return render(request, "media/opinion/detail.html", item_context(request, item, **{key: form}), status=400)


@login_required
@require_POST
def severity_adjust(request: SignedInRequest, pk: int) -> HttpResponse:
    require_monitor(request)
    _item_or_404(request, pk)
    form = SeverityForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            item = opinion_severity_adjust(actor=request.user, item_id=pk, score=data["score"], reason=data["reason"],
                                           version=data["version"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Severity is now %(severity)s.") % {"severity": item.severity})
            return redirect("media:opinion_item", pk)
    return _refused(request, pk, "severity_form", form)


@login_required
@require_POST
def escalate(request: SignedInRequest, pk: int) -> HttpResponse:
    require_monitor(request)
    _item_or_404(request, pk)
    form = EscalateForm(request.POST)
    if form.is_valid():
        agency = form.cleaned_data["agency"]
        try:
            item = opinion_escalate(actor=request.user, item_id=pk, agency_id=agency.pk if agency else None,
                                    note=form.cleaned_data["note"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            case = item.case
            messages.success(request, _("Escalated as case %(ref)s, due %(due)s.") % {
                "ref": case.reference if case else "", "due": roc.format_slash(case.due_on)
                if case and case.due_on else "—"})
            return redirect("media:opinion_item", pk)
    return _refused(request, pk, "escalate_form", form)


@login_required
@require_POST
def respond(request: SignedInRequest, pk: int) -> HttpResponse:
    item = _item_or_404(request, pk)
    form = ResponseForm(request.POST, agencies=item.agencies.all())
    if form.is_valid():
        data = form.cleaned_data
        try:
            opinion_response_record(actor=request.user, item_id=pk, kind=data["kind"], text=data["text"],
                                    link=data["link"], agency_id=data["agency"].pk if data["agency"] else None,
                                    responded_at=data["responded_at"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Response recorded."))
            return redirect("media:opinion_item", pk)
    return _refused(request, pk, "response_form", form)


@login_required
@require_POST
def feed_fetch(request: HttpRequest, pk: int) -> HttpResponse:
    require_monitor(request)
    try:
        result = opinion_feed_import(actor=request.user if request.user.is_authenticated else SYSTEM, feed_id=pk)
    except NotFound:
        raise Http404 from None
    except ApplicationError as error:
        messages.error(request, error.render())
    else:
        messages.success(request, _("%(created)s new items, %(skipped)s already recorded or unusable.") % {
            "created": result.created, "skipped": result.skipped})
    return redirect("media:opinion_import")
