"""Council questions as a kind of tracked case.

The flow reuses the engine's standard steps and adds one of its own, `approve_answer`:
received → assigned (the Secretariat routes to the lead agency asked) → in progress → answered (the
agency's liaison submits a DRAFT) → approve_answer (the lead agency's head only; the status stays
"answered", the approval is an event plus Question.approved_at) → closed (the Secretariat compiles it
into the written-answer book; refused before approval). The engine needs nothing special for the new
step: a transition without an engine effect only changes status (here: not even that).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.cases.kinds import CaseKind, register
from secretariat.cases.models import Case
from secretariat.cases.models import CaseStatus as S
from secretariat.cases.workflow import STANDARD, Party, Transition, Workflow
from secretariat.core.errors import ValidationFailed

KIND = "council_question"
DETAILS = "question"  # Question.case's related name
KEPT = ("assign", "accept", "return", "request_extension", "approve_extension", "reject_extension", "answer",
        "close", "reopen", "decline")
# The one ground for declining a question: the clerk recorded it in error and withdrew it before the agency
# took it up. The case and its number stay (numbers are gapless); counts and lists leave it out.
WITHDRAWN = "recorded_in_error"

APPROVE = Transition("approve_answer", _("Approve the written answer"), frozenset({S.ANSWERED}), None,
                     frozenset({Party.AGENCY_HEAD}))


def _kept(transition: Transition) -> Transition:
    # Only the Secretariat reopens a question (the councillor raises it again in the council instead) or
    # withdraws one: an agency may not decline a councillor's question.
    secretariat_only = transition.name in ("reopen", "decline")
    return replace(transition, parties=frozenset({Party.SECRETARIAT})) if secretariat_only else transition


WORKFLOW = Workflow((*(_kept(t) for t in STANDARD.transitions if t.name in KEPT), APPROVE))


def answer_days(case: Case) -> int:
    question = getattr(case, "question", None)
    return int(question.session.answer_days) if question else 7


def deadline(case: Case, start: dt.date, calendar: Any) -> dt.date:
    """The session's answer days are calendar days (DOMAIN: default 7), unlike petitions' working days."""
    return start + dt.timedelta(days=answer_days(case))


def on_transition(case: Case, transition: Transition, data: dict[str, Any], actor: Any) -> None:
    from secretariat.council.models import Question

    question: Question = getattr(case, DETAILS)
    if transition.name == "answer":
        question.draft_answer = str(data["answer"])[:20000]
        question.approved_answer, question.approved_at, question.approved_by = "", None, None
    elif transition.name == "approve_answer":
        text = str(data.get("answer") or question.draft_answer).strip()
        if not text:
            raise ValidationFailed(_("There is no draft answer to approve."), code="no_draft_answer")
        question.approved_answer = question.draft_answer = text[:20000]
        question.approved_at = timezone.now()
        question.approved_by = actor if getattr(actor, "is_authenticated", False) else None
        question.commitment = str(data.get("commitment", "")).strip()[:5000]
    elif transition.name == "close" and question.approved_at is None:
        raise ValidationFailed(_("The agency head has not approved the answer yet; it cannot be compiled."),
                               code="answer_not_approved")
    elif transition.name == "reopen":
        question.approved_answer, question.approved_at, question.approved_by = "", None, None
    else:
        return
    question.save()


def is_requester(user: Any, case: Case) -> bool:
    """The councillor who asked, through their portal account."""
    question = getattr(case, "question", None)
    return bool(question and user.pk is not None and question.councillor.user_id == user.pk)


def register_kind() -> None:
    register(CaseKind(code=KIND, label=_("Council question"), prefix="Q", answer_days=answer_days,
                      workflow=WORKFLOW, on_transition=on_transition, is_requester=is_requester,
                      deadline=deadline, decline_reasons={WITHDRAWN: _("Recorded in error and withdrawn")}))
