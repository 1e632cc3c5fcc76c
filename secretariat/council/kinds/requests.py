"""Councillors' data requests as a kind of tracked case: urgency deadlines, senior review before release,
one reopen by the councillor."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from secretariat.cases.kinds import CaseKind, register
from secretariat.cases.kinds.workflow import Party, Transition, Workflow
from secretariat.cases.models import Case
from secretariat.cases.models import CaseStatus as S
from secretariat.core.actors import Actor, Viewer
from secretariat.council.models.requests import KIND

SECRETARIAT, LEAD, HEAD, REQUESTER = Party.SECRETARIAT, Party.LEAD_AGENCY, Party.AGENCY_HEAD, Party.REQUESTER
RUNNING = frozenset({S.ASSIGNED, S.IN_PROGRESS})


def _t(name: str, label: Any, sources: frozenset[str] | set[str], target: str | None, parties: set[Party],
       *requires: str) -> Transition:
    return Transition(name, label, frozenset(sources), target, frozenset(parties), tuple(requires))


# Received → assigned → (drafted) answered → released (closed); the councillor may reopen a release once.
# Release is the engine's "close" step (its effect stamps closed_at, the delivery moment) under the name
# the councillors know; "confirm_due" and "send_back" only change status: the kind's hook does the rest.
# The parties below are who may ever take a step; `may_take` (services/request_steps.py) narrows them to
# who may take it on this request now (the senior reviewer, not the drafter), for the offer and the service.
WORKFLOW = Workflow((
    _t("assign", _("Assign to an agency"), {S.RECEIVED, S.RETURNED}, S.ASSIGNED, {SECRETARIAT}, "agency"),
    _t("accept", _("Accept"), {S.ASSIGNED}, S.IN_PROGRESS, {LEAD, HEAD}),
    _t("return", _("Return as not competent (改分)"), RUNNING, S.RETURNED, {LEAD, HEAD}, "reason"),
    _t("confirm_due", _("Confirm the date for an urgent request"), RUNNING, None, {HEAD}, "until"),
    _t("answer", _("Draft the answer"), RUNNING, S.ANSWERED, {LEAD, HEAD, SECRETARIAT}, "answer"),
    _t("send_back", _("Send back to the drafter"), {S.ANSWERED}, S.IN_PROGRESS, {HEAD, SECRETARIAT},
       "reason"),
    _t("close", _("Review and release to the councillor"), {S.ANSWERED}, S.CLOSED, {HEAD, SECRETARIAT}),
    _t("reopen", _("Reopen: the answer misses the question"), {S.CLOSED}, S.IN_PROGRESS, {REQUESTER, SECRETARIAT},
       "reason"),
))


def answer_days(case: Case) -> int:
    from secretariat.council.models.requests import URGENCY_DAYS

    request = getattr(case, "data_request", None)
    return URGENCY_DAYS[request.urgency] if request is not None else URGENCY_DAYS["normal"]


def is_requester(user: Actor | Viewer, case: Case) -> bool:
    """The councillor whose request it is, signed in to the portal with their own account."""
    if not getattr(user, "is_authenticated", False):
        return False
    request = getattr(case, "data_request", None)
    return request is not None and request.councillor.user_id == user.pk


def on_transition(case: Case, transition: Transition, data: dict[str, Any], actor: Actor) -> None:
    from secretariat.council.services.request_steps import after_step

    after_step(case, transition, data, actor)


def may_take(user: Actor, case: Case, transition: Transition) -> None:
    from secretariat.council.services.request_steps import step_allowed

    step_allowed(user, case, transition)


def answer_released(case: Case) -> bool:
    """Released by the senior reviewer and not reopened since: the councillor then reads the answer's files."""
    request = getattr(case, "data_request", None)
    return case.status == S.CLOSED and request is not None and request.released_at is not None


def register_kind() -> None:
    register(CaseKind(code=KIND, label=_("Councillor's data request"), prefix="R", answer_days=answer_days,
                      workflow=WORKFLOW, on_transition=on_transition, is_requester=is_requester,
                      may_take=may_take, answer_released=answer_released))
