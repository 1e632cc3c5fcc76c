"""What each workflow step means for a data request: who may take it on this request now (`step_allowed`,
the one rule behind both the steps offered and the service) and its effect (`after_step`, the kind's hook),
inside the step's transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from secretariat.accounts.constants import Role
from secretariat.accounts.models import User
from secretariat.cases.access import parties_of
from secretariat.cases.kinds.workflow import Party, Transition
from secretariat.cases.models import Case, Outcome
from secretariat.core import roc
from secretariat.core.actors import Actor, person_or_none
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.council.models.requests import DataRequest
from secretariat.notifications.services import notify


def tell(code: str, users: list[User], case: Case, **params: str) -> None:
    """Notify `users` of event `code` on the request (a councillor's link opens their portal's page)."""
    councillor = any(user.role == Role.COUNCILLOR for user in users)
    link = reverse("council:portal_detail" if councillor else "cases:detail", args=[case.pk])
    notify(code, to=users, record=case, link=link, params={"ref": case.reference, **params})


def senior_reviewers(case: Case) -> list[User]:
    """Who releases the answer: the lead agency's head, or the Secretariat's administrators when it leads."""
    if secretariat_leads(case):
        return list(User.objects.filter(role=Role.SECRETARIAT_ADMIN, is_active=True))
    return agency_heads(case)


def agency_heads(case: Case) -> list[User]:
    if case.lead_agency_id is None:
        return []
    return list(User.objects.filter(role=Role.AGENCY_HEAD, agency_id=case.lead_agency_id, is_active=True))


def secretariat_leads(case: Case) -> bool:
    return bool(case.lead_agency and case.lead_agency.is_secretariat)


def _details(case: Case) -> DataRequest:
    request: DataRequest = getattr(case, "data_request")  # noqa: B009  # reverse one-to-one, read once per case
    return request


def _may_draft(actor: Actor, case: Case) -> None:
    parties = parties_of(actor, case)
    if not parties & {Party.LEAD_AGENCY, Party.AGENCY_HEAD, Party.SYSTEM} and not secretariat_leads(case):
        raise PermissionRefused(_("The lead agency drafts the answer; the Secretariat does so only when it leads."))


def _may_confirm_due(actor: Actor, case: Case) -> None:
    if not _details(case).marked_urgent:
        raise ValidationFailed(_("Only a request the councillor marked urgent needs a confirmed date."),
                               code="not_urgent")


def _may_send_back(actor: Actor, case: Case) -> None:
    if not _may_review(actor, case):
        raise PermissionRefused(_("Only a senior reviewer (the lead agency's head, or a Secretariat administrator "
                                  "when the Secretariat leads) may send an answer back to its drafter."))


def _may_release(actor: Actor, case: Case) -> None:
    if not _may_review(actor, case):
        raise PermissionRefused(_("Only a senior reviewer (the lead agency's head, or a Secretariat administrator "
                                  "when the Secretariat leads) may release an answer."))
    drafter = _details(case).answered_by_id
    if drafter is not None and drafter == getattr(actor, "pk", None):
        raise PermissionRefused(_("The answer needs a senior review by someone other than its drafter."))


def _may_reopen(actor: Actor, case: Case) -> None:
    if case.reopen_count >= 1:
        raise ValidationFailed(_("This data request has already been reopened once; it cannot be reopened again."),
                               code="already_reopened")


_RULES = {"answer": _may_draft, "confirm_due": _may_confirm_due, "send_back": _may_send_back,
          "close": _may_release, "reopen": _may_reopen}


def step_allowed(actor: Actor, case: Case, transition: Transition) -> None:
    """Refuse, saying why, a step the workflow lets `actor`'s party take but this request does not."""
    rule = _RULES.get(transition.name)
    if rule is not None:
        rule(actor, case)


def after_step(case: Case, transition: Transition, data: dict[str, Any], actor: Actor) -> None:
    request = DataRequest.objects.select_related("councillor").get(pk=case.pk)
    handler = _HANDLERS.get(transition.name)
    if handler:
        handler(request, case, data, actor)


def _assign(request: DataRequest, case: Case, data: dict[str, Any], actor: Actor) -> None:
    # The due date was fixed at filing by urgency (or agreed by the head), not by the day of routing.
    if request.marked_urgent:
        case.due_on = request.head_confirmed_due
        tell("council.request_urgent", agency_heads(case), case, name=request.councillor.name,
             reason=request.urgent_reason)
    else:
        case.due_on = request.requested_due or request.rule_due
    case.save(update_fields=["due_on"])


def _confirm_due(request: DataRequest, case: Case, data: dict[str, Any], actor: Actor) -> None:
    until = data["until"]
    if isinstance(until, str):
        try:
            until = dt.date.fromisoformat(until)
        except ValueError:
            raise ValidationFailed(_("Give the date as a date, e.g. 2023-07-31."), code="invalid_date",
                                   field="until") from None
    if not isinstance(until, dt.date) or until < timezone.localdate(case.received_at):
        raise ValidationFailed(_("The confirmed date cannot be before the request was filed."), code="past_date",
                               field="until")
    request.head_confirmed_due, request.head_confirmed_by = until, person_or_none(actor)
    request.head_confirmed_at = timezone.now()
    request.save(update_fields=["head_confirmed_due", "head_confirmed_by", "head_confirmed_at"])
    case.due_on = until
    case.save(update_fields=["due_on"])


def _answer(request: DataRequest, case: Case, data: dict[str, Any], actor: Actor) -> None:
    request.answer = str(data["answer"])[:20000]
    request.answered_by = person_or_none(actor)
    request.save(update_fields=["answer", "answered_by"])
    drafter = request.answered_by_id
    tell("council.answer_awaiting_approval", [user for user in senior_reviewers(case) if user.pk != drafter], case)


def _may_review(actor: Actor, case: Case) -> bool:
    """The senior reviewer: the lead agency's head, or a Secretariat administrator when the Secretariat leads."""
    if Party.SYSTEM in parties_of(actor, case):
        return True
    if secretariat_leads(case):
        person = person_or_none(actor)  # the platform itself has no role
        return person is not None and person.role in {Role.SECRETARIAT_ADMIN, Role.AGENCY_HEAD} and (
            person.role == Role.SECRETARIAT_ADMIN or person.agency_id == case.lead_agency_id)
    return Party.AGENCY_HEAD in parties_of(actor, case)


def _send_back(request: DataRequest, case: Case, data: dict[str, Any], actor: Actor) -> None:
    """The answer stays as drafted, for its drafter to revise; they are told why."""
    drafter = request.answered_by
    if drafter is not None:
        tell("council.request_sent_back", [drafter], case, reason=str(data["reason"])[:150])


def _release(request: DataRequest, case: Case, data: dict[str, Any], actor: Actor) -> None:
    released_at = case.closed_at or timezone.now()
    request.reviewed_by = person_or_none(actor)
    request.reviewed_at = request.released_at = released_at
    if request.first_released_at is None:
        request.first_released_at = released_at
        on_time = case.due_on is None or timezone.localdate(released_at) <= case.due_on
        request.released_on_time = on_time
        case.outcome = Outcome.ON_TIME if on_time else Outcome.LATE
        case.save(update_fields=["outcome"])
    request.save(update_fields=["reviewed_by", "reviewed_at", "released_at", "first_released_at",
                                "released_on_time"])
    user = request.councillor.user
    if user is not None:
        tell("council.request_released", [user], case, when=roc.format_slash(timezone.localdate(released_at)))


def _reopen(request: DataRequest, case: Case, data: dict[str, Any], actor: Actor) -> None:
    request.reopen_reason = str(data["reason"])[:1000]
    request.save(update_fields=["reopen_reason"])
    tell("council.request_reopened", agency_heads(case), case, reason=request.reopen_reason[:150])


_HANDLERS = {"assign": _assign, "confirm_due": _confirm_due, "answer": _answer, "send_back": _send_back,
             "close": _release, "reopen": _reopen}
