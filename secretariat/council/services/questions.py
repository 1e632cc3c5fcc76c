"""Recording councillors' questions and turning commitments in their answers into follow-up cases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.models import Agency
from secretariat.cases.models import CaseStatus
from secretariat.cases.services import case_open, case_transition
from secretariat.core.actors import Actor
from secretariat.core.calendar import WorkCalendar
from secretariat.core.changes import SystemActor, record_change, snapshot
from secretariat.core.errors import NotFound, PermissionRefused, ValidationFailed
from secretariat.council.access.questions import can_record_questions, can_record_reviews
from secretariat.council.kinds.questions import KIND, WITHDRAWN
from secretariat.council.models import Councillor, Question, QuestionKind, ReviewDecision, ReviewMeeting, Session

AUDITED_FIELDS = ["session", "councillor", "asked_on", "kind", "topic", "lead_agency"]
MAX_AGENCIES = 10


def _require_secretariat(actor: Actor) -> None:
    if not can_record_questions(actor):
        raise PermissionRefused(_("Only the Secretariat records councillors' questions."))


def _councillor(session: Session, value: int | str | Councillor) -> Councillor:
    """The councillor of the session's term named by id or by exact name."""
    if isinstance(value, Councillor):
        value = value.pk
    councillors = Councillor.objects.filter(term_id=session.term_id, is_active=True)
    found: Councillor | None = None
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        found = councillors.filter(pk=int(value)).first()
    elif isinstance(value, str) and value.strip():
        found = councillors.filter(name=value.strip()).first()
    if found is None:
        raise ValidationFailed(_("“%(name)s” is not a councillor of this term; choose one from the list."),
                               code="unknown_councillor", params={"name": str(value)[:40]}, field="councillor")
    return found


def _agencies(values: Sequence[int | str | Agency]) -> list[Agency]:
    """The active agencies named by id, short name or full name, in the order given, without repeats."""
    found: dict[int, Agency] = {}
    for value in values:
        agency: Agency | None
        if isinstance(value, Agency):
            agency = value if value.is_active else None
        elif isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
            agency = Agency.objects.filter(pk=int(value), is_active=True).first()
        else:
            text = str(value).strip()
            agency = (Agency.objects.filter(short_name=text, is_active=True).first()
                      or Agency.objects.filter(name=text, is_active=True).first()) if text else None
        if agency is None:
            raise ValidationFailed(_("“%(name)s” is not an agency; choose agencies from the list."),
                                   code="unknown_agency", params={"name": str(value)[:40]}, field="agencies")
        found.setdefault(agency.pk, agency)
    if not found:
        raise ValidationFailed(_("Name at least one agency asked."), code="agencies_required", field="agencies")
    if len(found) > MAX_AGENCIES:
        raise ValidationFailed(_("Name at most %(count)s agencies."), code="too_many_agencies",
                               params={"count": MAX_AGENCIES}, field="agencies")
    return list(found.values())


def question_record(*, actor: Actor, session_id: int, councillor: int | str | Councillor, asked_on: dt.date,
                    kind: str, topic: str, content: str = "", agencies: Sequence[int | str | Agency],
                    at: dt.datetime | None = None, calendar: WorkCalendar | None = None,
                    follow_up_of: Question | None = None) -> Question:
    """Record a question and route it at once to the agencies asked (the first leads): the clerk who
    types it during the session is the Secretariat routing it, so the answer clock starts today."""
    _require_secretariat(actor)
    session = Session.objects.select_related("term").filter(pk=session_id).first()
    if session is None:
        raise ValidationFailed(_("Choose a council session."), code="unknown_session", field="session")
    if not isinstance(asked_on, dt.date):
        raise ValidationFailed(_("Give the date the question was asked."), code="invalid_date", field="asked_on")
    if follow_up_of is None and not session.starts_on <= asked_on <= session.ends_on:
        raise ValidationFailed(
            _("%(session)s sat from %(start)s to %(end)s; a question asked on %(day)s cannot belong to it."),
            code="session_closed", field="asked_on",
            params={"session": str(session), "start": session.starts_on.isoformat(),
                    "end": session.ends_on.isoformat(), "day": asked_on.isoformat()})
    person = _councillor(session, councillor)
    topic = (topic or "").strip()
    if not topic:
        raise ValidationFailed(_("Give the question a topic."), code="topic_required", field="topic")
    if len(topic) > 200:
        raise ValidationFailed(_("Keep the topic under 200 characters."), code="topic_too_long", field="topic")
    if kind not in QuestionKind.values:
        raise ValidationFailed(_("Choose the kind of question."), code="unknown_question_kind", field="kind")
    content = (content or "").strip()
    if len(content) > 20000:
        raise ValidationFailed(_("Keep the content under 20,000 characters."), code="content_too_long",
                               field="content")
    asked = _agencies(agencies)
    at = at or timezone.now()
    with transaction.atomic():
        case = case_open(actor=actor, kind_code=KIND, title=f"{person.name}：{topic}", received_at=at)
        question = Question.objects.create(
            case=case, session=session, councillor=person, asked_on=asked_on, kind=kind, topic=topic,
            content=content, lead_agency=asked[0], follow_up_of=follow_up_of,
            recorded_by=None if isinstance(actor, SystemActor) else actor,
        )
        question.agencies.set(asked)
        record_change(actor=actor, action="council.question_record", target=question,
                      after=snapshot(question, AUDITED_FIELDS))
        question.case = case_transition(actor=actor, case_id=case.pk, name="assign", at=at, calendar=calendar,
                                        data={"agency": asked[0], "co_agencies": asked[1:]})
    return question


def question_follow_up(*, actor: Actor, question_id: int, commitment: str = "",
                       at: dt.datetime | None = None) -> Question:
    """A new tracked question for a commitment the agency made in its approved answer (the head may have
    marked it on approval; the Secretariat may name it here), led by the same agency, so that keeping the
    promise is followed like any other item."""
    _require_secretariat(actor)
    at = at or timezone.now()
    with transaction.atomic():
        original = (Question.objects.select_for_update().select_related("session", "councillor")
                    .filter(pk=question_id).first())
        if original is None:
            raise NotFound()
        text = (commitment or original.commitment).strip()[:5000]
        if original.approved_at is None or not text:
            raise ValidationFailed(_("Only an approved answer that contains a commitment can be followed up."),
                                   code="no_commitment", field="commitment")
        if original.follow_ups.exists():
            raise ValidationFailed(_("This commitment is already followed up."), code="already_followed_up")
        if text != original.commitment:
            original.commitment = text
            original.save(update_fields=["commitment"])
        return question_record(
            actor=actor, session_id=original.session_id, councillor=original.councillor_id,
            asked_on=timezone.localdate(at), kind=original.kind, topic=f"追蹤：{original.topic}"[:200],
            content=text, agencies=[original.lead_agency_id], at=at, follow_up_of=original,
        )


def question_withdraw(*, actor: Actor, question_id: int) -> Question:
    """Undo of the live entry: the clerk withdraws the last question they recorded, typed in error, while
    no agency has taken it up yet. The case is declined as recorded in error, so its number stays used
    (numbers are gapless) and the timeline shows who withdrew it; counts and lists leave it out."""
    _require_secretariat(actor)
    with transaction.atomic():
        question = Question.objects.select_for_update().select_related("case").filter(pk=question_id).first()
        if question is None:
            raise NotFound()
        if question.recorded_by_id != actor.pk:
            raise PermissionRefused(_("Only the clerk who recorded a question may withdraw it."),
                                    code="not_the_recorder")
        newer = Question.objects.filter(recorded_by_id=actor.pk, pk__gt=question.pk).exclude(
            case__status=CaseStatus.DECLINED)
        if question.case.status != CaseStatus.ASSIGNED or newer.exists():
            raise ValidationFailed(_("Only your last recorded question can be withdrawn, and only before the "
                                     "agency takes it up."), code="not_withdrawable")
        question.case = case_transition(actor=actor, case_id=question.pk, name="decline",
                                        version=question.case.version, data={"reason_code": WITHDRAWN})
    return question


def _require_reviewer(actor: Actor) -> None:
    if not can_record_reviews(actor):
        raise PermissionRefused(_("Only the Secretariat or 研考會 records review meetings."))


def review_meeting_record(*, actor: Actor, held_on: dt.date, chaired_by: str, notes: str = "",
                          decisions: Sequence[tuple[int, str, bool]]) -> ReviewMeeting:
    """One review meeting and what it decided about each question it went through: (question id,
    decision, keep tracking). A decision left blank means the item was not discussed."""
    _require_reviewer(actor)
    chaired_by = (chaired_by or "").strip()
    if not chaired_by:
        raise ValidationFailed(_("Say who chaired the meeting."), code="chair_required", field="chaired_by")
    if not isinstance(held_on, dt.date) or held_on > timezone.localdate():
        raise ValidationFailed(_("Give the day the meeting was held; it cannot be in the future."),
                               code="invalid_date", field="held_on")
    given = [(question_id, text.strip(), keep) for question_id, text, keep in decisions if text and text.strip()]
    if any(len(text) > 1000 for _id, text, _keep in given):
        raise ValidationFailed(_("Keep each decision under 1,000 characters."), code="decision_too_long")
    ids = [question_id for question_id, _text, _keep in given]
    if len(set(ids)) != len(ids):
        raise ValidationFailed(_("Record one decision per question."), code="duplicate_decision")
    if Question.objects.filter(pk__in=ids).count() != len(ids):
        raise ValidationFailed(_("A decision names a question that does not exist."), code="unknown_question")
    with transaction.atomic():
        meeting = ReviewMeeting.objects.create(
            held_on=held_on, chaired_by=chaired_by[:60], notes=(notes or "").strip()[:5000],
            recorded_by=None if isinstance(actor, SystemActor) else actor)
        ReviewDecision.objects.bulk_create([
            ReviewDecision(meeting=meeting, question_id=question_id, decision=text, keep_tracking=keep)
            for question_id, text, keep in given])
        record_change(actor=actor, action="council.review_meeting_record", target=meeting,
                      after={"held_on": held_on.isoformat(), "chaired_by": meeting.chaired_by,
                             "decisions": [[question_id, text, keep] for question_id, text, keep in given]})
    return meeting
