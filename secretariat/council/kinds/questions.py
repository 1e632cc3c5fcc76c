"""Council questions as a kind of tracked case.

The flow reuses the engine's standard steps and adds two of its own, `approve_answer` and `send_back`:
received → assigned (the Secretariat routes to the lead agency asked) → in progress → answered (the
agency's liaison submits a DRAFT) → approve_answer (the lead agency's head only, once per draft; the status
stays "answered", the approval is an event plus Question.approved_at) → closed (the Secretariat compiles it
into the written-answer book; refused before approval). Instead of approving, the head may send the draft
back to its drafter with a reason (answered → in progress); the drafter revises it and submits it again.
The engine needs nothing special for the new steps: a transition without an engine effect only changes
status, and `may_take` states the rules that depend on the question (approved or not), so the case page
offers a step only when taking it would be allowed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.constants import Role
from secretariat.accounts.models import User
from secretariat.cases.kinds import CaseKind, register
from secretariat.cases.kinds.workflow import STANDARD, Party, Transition, Workflow
from secretariat.cases.models import Case
from secretariat.cases.models import CaseStatus as S
from secretariat.core.actors import Actor, Viewer, person_or_none
from secretariat.core.errors import Conflict, ValidationFailed
from secretariat.notifications.services import notify

KIND = "council_question"
DETAILS = "question"  # Question.case's related name
KEPT = ("assign", "accept", "return", "request_extension", "approve_extension", "reject_extension", "answer",
        "close", "reopen", "decline")
# The one ground for declining a question: the clerk recorded it in error and withdrew it before the agency
# took it up. The case and its number stay (numbers are gapless); counts and lists leave it out.
WITHDRAWN = "recorded_in_error"

APPROVE = Transition("approve_answer", _("Approve the written answer"), frozenset({S.ANSWERED}), None,
                     frozenset({Party.AGENCY_HEAD}))
# The head is the one approver of a written answer, so the one who sends it back.
SEND_BACK = Transition("send_back", _("Send back to the drafter"), frozenset({S.ANSWERED}), S.IN_PROGRESS,
                       frozenset({Party.AGENCY_HEAD}), ("reason",))


def _kept(transition: Transition) -> Transition:
    # Only the Secretariat reopens a question (the councillor raises it again in the council instead) or
    # withdraws one: an agency may not decline a councillor's question.
    secretariat_only = transition.name in ("reopen", "decline")
    return replace(transition, parties=frozenset({Party.SECRETARIAT})) if secretariat_only else transition


WORKFLOW = Workflow((*(_kept(t) for t in STANDARD.transitions if t.name in KEPT), APPROVE, SEND_BACK))


def answer_days(case: Case) -> int:
    question = getattr(case, "question", None)
    return int(question.session.answer_days) if question else 7


def deadline(case: Case, start: dt.date, calendar: Any) -> dt.date:
    """The session's answer days are calendar days (DOMAIN: default 7), unlike petitions' working days."""
    return start + dt.timedelta(days=answer_days(case))


def may_take(user: Actor | Viewer, case: Case, transition: Transition) -> None:
    """Approval happens once per draft: a second approval (a double click, two tabs, two people at once —
    the engine reads this after locking the case row) is refused, and so is sending back an approved answer.
    The Secretariat compiles only an approved answer."""
    question = getattr(case, DETAILS)
    approved = question.approved_at is not None
    if transition.name == "approve_answer" and approved:
        raise Conflict(_("This answer is already approved. A changed answer is approved again only after it "
                         "has been sent back or reopened."), code="already_approved")
    if transition.name == "send_back" and approved:
        raise Conflict(_("This answer is already approved, so it can no longer be sent back; the Secretariat "
                         "may reopen it."), code="already_approved")
    if transition.name == "close" and not approved:
        raise ValidationFailed(_("The agency head has not approved the answer yet; it cannot be compiled."),
                               code="answer_not_approved")


def _drafter(case: Case) -> list[Any]:
    """Whoever submitted the draft last (the timeline's latest answer)."""
    event = case.events.filter(action="answer", actor__isnull=False).select_related("actor").order_by("-pk").first()
    return [event.actor] if event is not None else []


def on_transition(case: Case, transition: Transition, data: dict[str, Any], actor: Actor) -> None:
    from secretariat.council.models import Question

    question: Question = getattr(case, DETAILS)
    if transition.name == "send_back":  # the draft stays, for the drafter to revise
        notify("council.question_sent_back", to=_drafter(case), record=case,
               link=reverse("cases:detail", args=[case.pk]),
               params={"ref": case.reference, "reason": str(data["reason"])[:150]})
        return
    if transition.name == "answer":
        question.draft_answer = str(data["answer"])[:20000]
        heads = User.objects.filter(role=Role.AGENCY_HEAD, agency=case.lead_agency, is_active=True)
        notify("council.answer_awaiting_approval", to=[head for head in heads if head.pk != getattr(actor, "pk", None)],
               record=case, link=reverse("cases:detail", args=[case.pk]), params={"ref": case.reference})
        question.approved_answer, question.approved_at, question.approved_by = "", None, None
    elif transition.name == "approve_answer":
        text = str(data.get("answer") or question.draft_answer).strip()
        if not text:
            raise ValidationFailed(_("There is no draft answer to approve."), code="no_draft_answer")
        question.approved_answer = question.draft_answer = text[:20000]
        question.approved_at = timezone.now()
        question.approved_by = person_or_none(actor)
        question.commitment = str(data.get("commitment", "")).strip()[:5000]
    elif transition.name == "reopen":
        question.approved_answer, question.approved_at, question.approved_by = "", None, None
    else:
        return
    question.save()


def is_requester(user: Actor | Viewer, case: Case) -> bool:
    """The councillor who asked, through their portal account."""
    question = getattr(case, "question", None)
    return bool(question and user.pk is not None and question.councillor.user_id == user.pk)


def register_kind() -> None:
    register(CaseKind(code=KIND, label=_("Council question"), prefix="Q", answer_days=answer_days,
                      workflow=WORKFLOW, on_transition=on_transition, is_requester=is_requester,
                      deadline=deadline, decline_reasons={WITHDRAWN: _("Recorded in error and withdrawn")},
                      may_take=may_take))
