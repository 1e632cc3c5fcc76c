"""Staff pages of press releases: the list, drafting and editing, files, the approvals, publication and
corrections. Thin adapters: every decision is the service's, and its refusal is shown in the form."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import ApplicationError, NotFound, ValidationFailed
from secretariat.core.forms import add_service_error
from secretariat.media.access import press as access
from secretariat.media.constants import ReleaseStatus
from secretariat.media.forms.press import CorrectForm, PublishForm, ReleaseFileForm, ReleaseForm, ReturnForm
from secretariat.media.selectors import releases as selectors
from secretariat.media.services import releases as services

if TYPE_CHECKING:
    from secretariat.media.models import PressRelease


def _release(request: HttpRequest, pk: int) -> PressRelease:
    try:
        return selectors.release_get_for(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None


@login_required
@require_GET
def release_list(request: HttpRequest) -> HttpResponse:
    if not access.can_view_releases(request.user):
        raise Http404
    status = request.GET.get("status", "")
    status = status if status in ReleaseStatus.values else ""
    mine = request.GET.get("mine") == "1"
    return render(request, "media/press/release_list.html", {
        "releases": selectors.release_list(user=request.user, status=status, awaiting_me=mine)[:200],
        "statuses": ReleaseStatus.choices, "status": status, "mine": mine,
        "can_draft": access.can_draft(request.user), "keeps_records": access.can_view_records(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def release_new(request: HttpRequest) -> HttpResponse:
    if not access.can_draft(request.user):
        raise Http404
    form = ReleaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            release = services.release_draft(actor=request.user, title=form.cleaned_data["title"],
                                              body=form.cleaned_data["body"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("media:press_release", pk=release.pk)
    return render(request, "media/press/release_form.html", {"form": form, "release": None},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def release_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    release = _release(request, pk)
    if not access.can_edit_draft(request.user, release) or release.status != ReleaseStatus.DRAFT:
        raise Http404
    form = ReleaseForm(request.POST or None, initial={"title": release.title, "body": release.body,
                                                      "version": release.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.release_update(actor=request.user, release_id=pk, version=form.cleaned_data["version"] or 0,
                                    title=form.cleaned_data["title"], body=form.cleaned_data["body"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("media:press_release", pk=pk)
    return render(request, "media/press/release_form.html", {"form": form, "release": release},
                  status=400 if request.method == "POST" else 200)


def _detail(request: HttpRequest, release: PressRelease, **forms: Any) -> dict[str, Any]:
    user = request.user
    draft = release.status == ReleaseStatus.DRAFT
    return {
        "release": release, "files": release.files.select_related("attachment"),
        "revisions": release.revisions.all(),
        "can_edit": draft and access.can_edit_draft(user, release),
        "can_unit_approve": release.status == ReleaseStatus.SUBMITTED and access.can_unit_approve(user, release),
        "can_media_approve": release.status == ReleaseStatus.UNIT_APPROVED and access.can_media_approve(user, release),
        "can_publish": release.status == ReleaseStatus.APPROVED and access.can_publish(user),
        "can_correct": release.status in (ReleaseStatus.PUBLISHED, ReleaseStatus.SCHEDULED)
        and access.can_publish(user),
        "file_form": forms.get("file_form") or ReleaseFileForm(),
        "return_form": forms.get("return_form") or ReturnForm(initial={"version": release.version}),
        "publish_form": forms.get("publish_form") or PublishForm(initial={"version": release.version}),
        "action_error": forms.get("action_error"),
    }


@login_required
@require_GET
def release_detail(request: HttpRequest, pk: int) -> HttpResponse:
    release = _release(request, pk)
    return render(request, "media/press/release_detail.html", _detail(request, release))


STEPS = {"submit": (services.release_submit, _("The release was sent to the unit head.")),
         "approve_unit": (services.release_approve_unit, _("Approved; the release goes to the media unit.")),
         "approve_media": (services.release_approve_media, _("Approved; the release may be published."))}


@login_required
@require_POST
def release_step(request: SignedInRequest, pk: int, step: str) -> HttpResponse:
    """Submit or approve: the form carries only the version the person read."""
    release = _release(request, pk)
    if step not in STEPS:
        raise Http404
    service, done = STEPS[step]
    try:
        service(actor=request.user, release_id=pk, version=_posted_version(request))
    except ApplicationError as error:
        return render(request, "media/press/release_detail.html",
                      _detail(request, release, action_error=error.render()), status=error.status)
    messages.success(request, done)
    return redirect("media:press_release", pk=pk)


def _posted_version(request: HttpRequest) -> int:
    """The version the person read, from the step's hidden field; anything but a version number is refused."""
    text = (request.POST.get("version") or "0").strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 18):
        raise ValidationFailed(_("The form did not say which version you read. Reload the page and try again."),
                               code="version_invalid", field="version")
    return int(text)


def _refused(request: HttpRequest, release: PressRelease, error: ApplicationError, name: str,
             form: Any) -> HttpResponse:
    """A service's refusal on the release page: on the form's own field when it has one, otherwise at the top
    of the page, with the refusal's status (the form may not be on the page any more: the release has moved
    on, or the reader may not take this step)."""
    if error.field in form.fields:
        add_service_error(form, error)
        return render(request, "media/press/release_detail.html", _detail(request, release, **{name: form}),
                      status=error.status)
    return render(request, "media/press/release_detail.html",
                  _detail(request, release, action_error=error.render(), **{name: form}), status=error.status)


@login_required
@require_POST
def release_return(request: SignedInRequest, pk: int) -> HttpResponse:
    release = _release(request, pk)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.release_return(actor=request.user, release_id=pk, version=form.cleaned_data["version"],
                                    reason=form.cleaned_data["reason"])
        except ApplicationError as error:
            return _refused(request, release, error, "return_form", form)
        else:
            messages.success(request, _("The release went back to its writers."))
            return redirect("media:press_release", pk=pk)
    return render(request, "media/press/release_detail.html", _detail(request, release, return_form=form),
                  status=400)


@login_required
@require_POST
def release_publish(request: SignedInRequest, pk: int) -> HttpResponse:
    release = _release(request, pk)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            services.release_publish(actor=request.user, release_id=pk, version=form.cleaned_data["version"],
                                     at=form.cleaned_data["at"])
        except ApplicationError as error:
            return _refused(request, release, error, "publish_form", form)
        else:
            messages.success(request, _("The release is published (or scheduled)."))
            return redirect("media:press_release", pk=pk)
    return render(request, "media/press/release_detail.html", _detail(request, release, publish_form=form),
                  status=400)


@login_required
@require_POST
def release_file_add(request: SignedInRequest, pk: int) -> HttpResponse:
    release = _release(request, pk)
    form = ReleaseFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.release_file_add(actor=request.user, release_id=pk, upload=form.cleaned_data["file"],
                                      kind=form.cleaned_data["kind"], caption=form.cleaned_data["caption"])
        except ApplicationError as error:
            return _refused(request, release, error, "file_form", form)
        else:
            messages.success(request, _("The file was attached."))
            return redirect("media:press_release", pk=pk)
    return render(request, "media/press/release_detail.html", _detail(request, release, file_form=form),
                  status=400)


@login_required
@require_http_methods(["GET", "POST"])
def release_correct(request: SignedInRequest, pk: int) -> HttpResponse:
    release = _release(request, pk)
    if not access.can_publish(request.user):
        raise Http404
    form = CorrectForm(request.POST or None, initial={"title": release.title, "body": release.body,
                                                      "version": release.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.release_correct(actor=request.user, release_id=pk, version=data["version"] or 0,
                                     title=data["title"], body=data["body"], note=data["note"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The correction is published."))
            return redirect("media:press_release", pk=pk)
    return render(request, "media/press/release_form.html", {"form": form, "release": release, "correcting": True},
                  status=400 if request.method == "POST" else 200)
