"""The case page and its steps: thin adapters over cases.services / cases.selectors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from secretariat.cases.constants import CaseStatus
from secretariat.cases.forms import StepForm, step_form
from secretariat.cases.kinds import decline_reason_label, kind_for, panels_for
from secretariat.cases.kinds.workflow import Transition
from secretariat.cases.selectors import case_get_for, case_redacted, case_timeline_for, case_title_for
from secretariat.cases.selectors.files import case_step_files_for
from secretariat.cases.services import available_steps, case_transition
from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import ApplicationError, Conflict, NotFound
from secretariat.core.forms import add_service_error
from secretariat.core.htmx import HtmxRequest

if TYPE_CHECKING:
    from secretariat.cases.models import Case


# --- The case page ------------------------------------------------------------------------------------

def _case_or_404(request: HttpRequest, pk: int) -> Case:
    try:
        return case_get_for(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None


def _status_label(value: str) -> str:
    return str(CaseStatus(value).label) if value in CaseStatus.values else value


def _timeline(request: HttpRequest, case: Case) -> list[dict[str, Any]]:
    """The timeline the viewer may read, each step with the files they may open."""
    events = case_timeline_for(user=request.user, case=case)
    files = case_step_files_for(user=request.user, case=case, events=events)
    labels: dict[str, Any] = {t.name: t.label for t in kind_for(case.kind).workflow.transitions}
    labels["open"] = _("Registered")
    return [{
        "event": event, "action_label": labels.get(event.action, event.action),
        "from_label": _status_label(event.from_status) if event.from_status else "",
        "to_label": _status_label(event.to_status), "changed": event.from_status != event.to_status,
        "files": files.get(event.pk, []),
    } for event in events]


def _panels(request: HttpRequest, case: Case) -> list[SafeString]:
    """Each of the kind's panels this viewer may see, rendered with its own context. None for a viewer who
    reads the case redacted: a kind's details would tell what its 「密件」 subject hides."""
    if case_redacted(request.user, case):
        return []
    rendered = []
    for panel in panels_for(case.kind):
        context = panel.context(case, request.user)
        if context is None:
            continue
        html = render_to_string(panel.template, {**context, "case": case, "user": request.user}, request=request)
        rendered.append(mark_safe(html))  # noqa: S308  # rendered by our own template engine, autoescaped
    return rendered


def _step_entry(case: Case, transition: Transition, form: StepForm, *, conflict: str = "",
                opened: bool = False) -> dict[str, Any]:
    return {"transition": transition, "form": form, "conflict": conflict, "open": opened or bool(form.errors),
            "url": reverse("cases:step", args=[case.pk, transition.name]),
            "danger": transition.name in {"decline", "merge", "return", "reject_extension"}}


def _case_context(request: HttpRequest, case: Case, *, replaced: dict[str, Any] | None = None,
                  done: str = "") -> dict[str, Any]:
    kind = kind_for(case.kind)
    redacted = case_redacted(request.user, case)
    steps = []
    for transition in available_steps(user=request.user, case=case):
        if replaced and replaced["transition"].name == transition.name:
            steps.append(replaced)
        else:
            steps.append(_step_entry(case, transition, step_form(transition, kind, version=case.version)))
    return {
        "case": case, "kind": kind, "co_agencies": list(case.co_agencies.all()),
        "title": case_title_for(request.user, case), "redacted": redacted,
        "status_label": _status_label(case.status),
        "decline_label": decline_reason_label(kind, case.decline_reason) if case.decline_reason else "",
        "panels": _panels(request, case), "timeline": _timeline(request, case),
        "steps": steps, "done": done, "today": timezone.localdate(),
    }


@login_required
@require_GET
def case_detail(request: HtmxRequest, pk: int) -> HttpResponse:
    case = _case_or_404(request, pk)
    template = "cases/case_detail.html#case-main" if request.htmx else "cases/case_detail.html"
    return render(request, template, _case_context(request, case))


def _refused(request: HtmxRequest, case: Case, entry: dict[str, Any], status: int) -> HttpResponse:
    """Show the step's form again with what stopped it: alone for htmx, inside the whole page otherwise."""
    if request.htmx:
        return render(request, "cases/step_form.html", {"case": case, "step": entry}, status=status)
    return render(request, "cases/case_detail.html", _case_context(request, case, replaced=entry), status=status)


@login_required
@require_POST
def case_step(request: SignedInRequest, pk: int, name: str) -> HttpResponse:
    case = _case_or_404(request, pk)
    kind = kind_for(case.kind)
    try:
        transition = kind.workflow.get(name)
    except ApplicationError:
        raise Http404 from None
    form = step_form(transition, kind, version=case.version, data=request.POST, files=request.FILES)
    if not form.is_valid():
        return _refused(request, case, _step_entry(case, transition, form), 400)
    try:
        case_transition(actor=request.user, case_id=case.pk, name=transition.name,
                        version=form.cleaned_data["version"], data=form.step_data(), files=form.step_files())
    except Conflict as error:
        return _refused(request, case, _step_entry(case, transition, form, conflict=error.render(), opened=True),
                        409)
    except ApplicationError as error:
        add_service_error(form, error)
        return _refused(request, case, _step_entry(case, transition, form), error.status)
    done = str(_("Done: %(step)s.") % {"step": transition.label})
    try:
        case = case_get_for(user=request.user, pk=case.pk)
    except NotFound:
        # The step moved the case out of this person's sight (an agency returning it for re-routing).
        messages.success(request, _("%(done)s The case has left your agency's inbox.") % {"done": done})
        if request.htmx:
            return HttpResponse(headers={"HX-Redirect": reverse("cases:inbox")})
        return redirect("cases:inbox")
    if request.htmx:
        response = render(request, "cases/case_detail.html#case-main", _case_context(request, case, done=done))
        response["HX-Retarget"] = "#case-main"
        response["HX-Reswap"] = "outerHTML"
        return response
    messages.success(request, done)
    return redirect("cases:detail", pk=case.pk)
