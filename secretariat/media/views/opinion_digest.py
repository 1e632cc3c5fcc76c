"""The daily digests: the list of days sent, and a day's digest as ODT or PDF, cut to the reader's scope."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from secretariat.core.errors import ApplicationError
from secretariat.media.forms.opinion import DigestDayForm
from secretariat.media.selectors.opinion import digests_recent
from secretariat.media.services.digest_document import ODT_CONTENT_TYPE, digest_filename, digest_for, digest_pdf_for
from secretariat.media.views.opinion import require_reader

RECENT_DAYS = 60


@login_required
@require_GET
def digest_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    form = DigestDayForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("media:opinion_digest", form.cleaned_data["day"].isoformat())
    digests = digests_recent(limit=RECENT_DAYS)
    return render(request, "media/opinion/digests.html", {"form": form, "digests": digests},
                  status=400 if form.is_bound else 200)


@login_required
@require_GET
def digest_download(request: HttpRequest, day: str) -> HttpResponse:
    require_reader(request)
    try:
        chosen = dt.date.fromisoformat(day)
    except ValueError:
        raise Http404 from None
    pdf = request.GET.get("format") == "pdf"
    try:  # a day before the ROC calendar (1912) is refused by the document, as is a PDF that cannot be made
        body = digest_pdf_for(user=request.user, day=chosen) if pdf else digest_for(user=request.user, day=chosen)
    except ApplicationError as error:
        return render(request, "error.html", {"status": error.status, "message": error.render()},
                      status=error.status)
    response = HttpResponse(body, content_type="application/pdf" if pdf else ODT_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{digest_filename(chosen, "pdf" if pdf else "odt")}"'
    return response
