"""Reading council questions, always through the viewer's scope."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from secretariat.accounts.access import agency_scope_ids
from secretariat.accounts.constants import Role
from secretariat.accounts.models import Agency
from secretariat.cases.models import OPEN_STATUSES, Case, CaseStatus
from secretariat.core import roc
from secretariat.core.actors import Actor, Viewer, is_signed_in
from secretariat.core.errors import NotFound
from secretariat.core.roc import Period
from secretariat.council.kinds.questions import KIND as QUESTION_KIND
from secretariat.council.models import Councillor, Question, ReviewDecision, ReviewMeeting, Session

# Still owed by an agency, for the review list: open, or answered but not yet approved and compiled.
UNFINISHED = (*OPEN_STATUSES, CaseStatus.ANSWERED)
# Counted as questions asked: all but those withdrawn as recorded in error (the only ground to decline one).
COUNTED = tuple(status for status in CaseStatus.values if status != CaseStatus.DECLINED)


def visible_questions(user: Actor | Viewer) -> QuerySet[Question]:
    """Secretariat and auditors: all; agency staff: those led by or shared with their agency; a
    councillor with a portal account: their own."""
    rows = Question.objects.all()
    allowed = agency_scope_ids(user)
    if allowed is None:
        return rows
    own = Q(councillor__user_id=user.pk) if getattr(user, "is_authenticated", False) else Q(pk__in=[])
    if not allowed:
        return rows.filter(own)
    # EXISTS rather than a join + DISTINCT (as the data-request queue does): no duplicate rows to remove.
    shared = Case.co_agencies.through.objects.filter(case_id=OuterRef("case_id"), agency_id__in=allowed)
    return rows.filter(own | Q(case__lead_agency_id__in=allowed) | Exists(shared))


def questions_awaiting_approval(user: Actor | Viewer) -> QuerySet[Question]:
    """The answered questions whose draft waits for approval by `user`: only the head of the lead agency
    approves (the kind's `approve_answer`), so co-agencies' questions are not theirs to approve."""
    allowed = agency_scope_ids(user)
    if not is_signed_in(user) or user.role != Role.AGENCY_HEAD or not allowed:
        return Question.objects.none()
    return Question.objects.filter(case__status=CaseStatus.ANSWERED, approved_at__isnull=True,
                                   case__lead_agency_id__in=allowed)


def question_awaiting_approval_case_q(user: Actor | Viewer, today: dt.date) -> Q:
    """`questions_awaiting_approval` as a filter on Case rows: the case inbox's tab of them (one COUNT, and the
    list in the inbox's own sort orders) without the engine naming the council."""
    allowed = agency_scope_ids(user)
    if not is_signed_in(user) or user.role != Role.AGENCY_HEAD or not allowed:
        return Q(pk__in=[])
    drafts = Question.objects.filter(case_id=OuterRef("pk"), approved_at__isnull=True)
    return Q(Exists(drafts), kind=QUESTION_KIND, status=CaseStatus.ANSWERED, lead_agency_id__in=allowed)


def question_awaiting_approval_count(*, user: Actor | Viewer) -> int:
    """The home page's count of `questions_awaiting_approval`: one COUNT."""
    return questions_awaiting_approval(user).count()


def may_see_draft(user: Actor | Viewer, question: Question) -> bool:
    """The draft is internal to the government: the councillor sees only the approved answer."""
    allowed = agency_scope_ids(user)
    if allowed is None:
        return True
    agencies = {question.case.lead_agency_id, *(agency.pk for agency in question.case.co_agencies.all())}
    return bool(allowed & agencies)


def question_get_for(*, user: Actor | Viewer, case_id: int) -> Question:
    question = (visible_questions(user).select_related("case", "case__lead_agency", "session__term", "councillor",
                                                       "lead_agency", "approved_by", "follow_up_of")
                .filter(pk=case_id).first())
    if question is None:
        raise NotFound()
    return question


def open_session(day: dt.date) -> Session | None:
    """The session sitting on `day`, which the live entry form preselects."""
    return Session.objects.select_related("term").filter(starts_on__lte=day, ends_on__gte=day).first()


def session_find(*, pk: int) -> Session | None:
    return Session.objects.select_related("term").filter(pk=pk).first()


def session_choices() -> QuerySet[Session]:
    """Every session, newest first (the model's order): what the question pages offer to pick from."""
    return Session.objects.select_related("term").all()


def question_follow_ups(question: Question) -> list[Question]:
    return list(Question.objects.filter(follow_up_of=question).select_related("case"))


def session_councillors(session: Session) -> list[Councillor]:
    return list(Councillor.objects.filter(term_id=session.term_id, is_active=True).order_by("name"))


def active_agencies() -> list[Agency]:
    return list(Agency.objects.filter(is_active=True).order_by("sort_order", "pk"))


def questions_recorded(*, user: Actor | Viewer, session: Session, day: dt.date, limit: int = 100) -> list[Question]:
    """The questions of `session` asked on `day`, newest first: what the live-entry clerk sees below the form."""
    rows = (visible_questions(user).filter(session=session, asked_on=day).exclude(case__status=CaseStatus.DECLINED)
            .select_related("case", "councillor", "lead_agency").order_by("-case_id"))
    return list(rows[:limit])


def last_withdrawable(user: Actor | Viewer) -> Question | None:
    """The clerk's last recorded question when it can still be withdrawn (no agency has taken it up)."""
    last = (Question.objects.filter(recorded_by_id=user.pk).exclude(case__status=CaseStatus.DECLINED)
            .select_related("case", "councillor").order_by("-pk").first())
    return last if last is not None and last.case.status == CaseStatus.ASSIGNED else None


def session_question_counts(period: Period) -> list[tuple[Session, int]]:
    """The sessions overlapping `period` with the number of questions recorded in each (for the report)."""
    sessions = (Session.objects.select_related("term")
                .filter(starts_on__lte=period.end, ends_on__gte=period.start)
                .annotate(question_count=Count("questions", filter=Q(questions__case__status__in=COUNTED)))
                .order_by("starts_on", "pk"))
    return [(session, int(session.question_count)) for session in sessions]


def book_questions(session: Session) -> QuerySet[Question]:
    """Every question of the session with an approved answer, by councillor and date: the answer book."""
    return (Question.objects.filter(session=session, approved_at__isnull=False)
            .select_related("councillor", "lead_agency", "case")
            .order_by("councillor__name", "councillor_id", "asked_on", "case_id"))


@dataclass(frozen=True)
class ReviewRow:
    question: Question
    overdue: bool
    last_decision: str = ""


def _unfinished(user: Actor | Viewer, agency_id: int | None) -> QuerySet[Question]:
    rows = visible_questions(user).filter(case__status__in=UNFINISHED)
    return rows if agency_id is None else rows.filter(case__lead_agency_id=agency_id)


def review_items(*, user: Actor | Viewer, today: dt.date, agency_id: int | None = None, offset: int = 0,
                 limit: int | None = None) -> list[ReviewRow]:
    """Open and overdue questions by agency for the review meeting: unfinished, lead agency then due date.
    `offset`/`limit` give one page of them; without a limit, all (the exports)."""
    rows = (_unfinished(user, agency_id)
            .select_related("case", "case__lead_agency", "councillor", "session__term")
            .defer("content", "draft_answer", "approved_answer", "commitment")  # the list shows none of them
            .order_by("case__lead_agency__sort_order", "case__lead_agency_id", "case__due_on", "case_id"))
    questions = list(rows[offset:offset + limit] if limit is not None else rows[offset:])
    decisions = last_decisions([question.pk for question in questions])
    return [ReviewRow(question, bool(question.case.due_on and question.case.due_on < today),
                      decisions.get(question.pk, "")) for question in questions]


@dataclass(frozen=True)
class AgencyLoad:
    """One line of the review list's summary: an agency's unfinished questions and how many are overdue."""

    agency_id: int
    name: str
    unfinished: int
    overdue: int


def review_summary(*, user: Actor | Viewer, today: dt.date) -> list[AgencyLoad]:
    """The unfinished and overdue questions per lead agency, in the agencies' order: one GROUP BY over the
    question cases (their status index finds the few unfinished ones), so the Secretariat sees the whole
    city's load at once and opens one agency's items at a time."""
    cases = Case.objects.filter(kind=QUESTION_KIND, status__in=UNFINISHED)
    allowed = agency_scope_ids(user)
    if allowed is not None:
        shared = Case.co_agencies.through.objects.filter(case_id=OuterRef("pk"), agency_id__in=allowed)
        cases = cases.filter(Q(lead_agency_id__in=allowed) | Exists(shared))
    rows = (cases.values("lead_agency_id", "lead_agency__short_name", "lead_agency__sort_order")
            .annotate(unfinished=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
            .order_by("lead_agency__sort_order", "lead_agency_id"))
    return [AgencyLoad(row["lead_agency_id"], row["lead_agency__short_name"], row["unfinished"], row["overdue"])
            for row in rows]


def last_decisions(question_ids: list[int]) -> dict[int, str]:
    """The latest review decision taken on each of the questions, as `112/10/17 繼續列管：…`."""
    latest: dict[int, str] = {}
    rows = (ReviewDecision.objects.filter(question_id__in=question_ids).select_related("meeting")
            .order_by("meeting__held_on", "meeting_id"))
    for decision in rows:
        status = _("keep tracking") if decision.keep_tracking else _("release")
        latest[decision.question_id] = f"{roc.format_slash(decision.meeting.held_on)} {status}：{decision.decision}"
    return latest


def review_meetings(limit: int = 20) -> list[ReviewMeeting]:
    return list(ReviewMeeting.objects.select_related("recorded_by").prefetch_related("decisions")[:limit])
