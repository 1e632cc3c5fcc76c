"""Opening cases and moving them through their workflow. Every step is atomic, audited and timed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.models import Agency
from secretariat.cases.access import parties_of
from secretariat.cases.kinds import CaseKind, decline_reason_label, kind_for, total_limit
from secretariat.cases.kinds.workflow import FIELD_LABELS, Transition
from secretariat.cases.models import Case, CaseEvent, CaseStatus, Outcome
from secretariat.cases.services.announcements import announce
from secretariat.cases.services.files import step_files_attach, step_files_check
from secretariat.core import roc
from secretariat.core.actors import Actor, Viewer, person_or_none
from secretariat.core.attachments import AnyUpload, files_removed_on_failure
from secretariat.core.calendar import WorkCalendar, work_calendar
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import ApplicationError, Conflict, NotFound, ValidationFailed
from secretariat.core.sequences import sequence_next

CASE_FIELDS = ["status", "lead_agency", "due_on", "outcome", "extended", "extension_requested_until",
               "reopen_count", "decline_reason", "merged_into", "version", "confidential"]


def case_reference(kind: CaseKind, received_on: dt.date) -> str:
    """`P1120000123`: the kind's prefix, the ROC year and a gapless serial restarting each year."""
    year = roc.roc_year(received_on)
    return f"{kind.prefix}{year:03d}{sequence_next(key=f'case:{kind.code}', year=year):07d}"


def case_open(*, actor: Actor, kind_code: str, title: str, received_at: dt.datetime | None = None,
              confidential: bool = False) -> Case:
    """Register a new case of `kind_code`. Call inside the kind's own writing transaction.

    `confidential`: the kind declares the case 密不錄由 (a petition needing secrecy); outside the kind's
    confidential readers its subject reads 「密件」 and its timeline is hidden (cases.selectors)."""
    kind = kind_for(kind_code)
    title = (title or "").strip()
    if not title:
        raise ValidationFailed(_("Give the case a subject."), code="subject_required", field="title")
    received_at = received_at or timezone.now()
    received_on = timezone.localdate(received_at)
    with transaction.atomic():
        case = Case.objects.create(kind=kind.code, reference=case_reference(kind, received_on), title=title[:200],
                                   received_at=received_at, received_on=received_on, confidential=confidential)
        _log(case, actor, "open", "", CaseStatus.RECEIVED, occurred_at=received_at)
        record_change(actor=actor, action="case.open", target=case, after=snapshot(case, CASE_FIELDS))
    return case


def case_transition(*, actor: Actor, case_id: int, name: str, version: int | None = None,
                    data: dict[str, Any] | None = None, at: dt.datetime | None = None,
                    calendar: WorkCalendar | None = None, files: Sequence[AnyUpload] = ()) -> Case:
    """Fire transition `name` on the case.

    `version` is the version the user saw: if someone changed the case since, the step is refused with
    a conflict rather than applied on top of a change the user never saw. `at` (default now) and
    `calendar` let bulk jobs replay history without a query per step. `files` travel with the step (its
    event owns them): all are checked before anything is written, and a refused file refuses the step.
    """
    data = _present(data or {})
    now = at or timezone.now()
    step_files_check(actor=actor, files=files)
    with files_removed_on_failure() as stored, transaction.atomic():
        # of=("self",): PostgreSQL refuses FOR UPDATE on the nullable side of the outer join to lead_agency.
        case = Case.objects.select_for_update(of=("self",)).select_related("lead_agency").filter(pk=case_id).first()
        if case is None:
            raise NotFound()
        if version is not None and case.version != version:
            raise Conflict(_("Someone else changed this case after you opened it. Reload the case to see what "
                             "changed, then decide again."))
        kind = kind_for(case.kind)
        transition = kind.workflow.check(name, case.status, parties_of(actor, case))
        if kind.may_take:  # read after the row lock, so two people cannot both pass a one-time rule
            kind.may_take(actor, case, transition)
        missing = [field for field in transition.requires if field not in data]
        if missing:
            names = ", ".join(str(FIELD_LABELS.get(field, field)) for field in missing)
            raise ValidationFailed(_("This step needs: %(fields)s."), code="missing_fields",
                                   params={"fields": names}, field=missing[0])
        before = snapshot(case, CASE_FIELDS)
        from_status = case.status
        effect = EFFECTS.get(transition.name, _no_effect)  # a kind's own steps may only change status
        note, agency = effect(case, kind, data, now, calendar or work_calendar())
        if transition.target:
            case.status = transition.target
        case.version += 1
        case.save()
        if kind.on_transition:
            kind.on_transition(case, transition, data, actor)
        event = _log(case, actor, transition.name, from_status, case.status, occurred_at=now, note=note,
                     agency=agency, data=_jsonable(data))
        step_files_attach(actor=actor, event=event, files=files, stored=stored)
        announce(case, kind, transition.name, agency=agency, reason=note)
        record_change(actor=actor, action=f"case.{transition.name}", target=case, before=before,
                      after=snapshot(case, CASE_FIELDS))
    return case


def _present(data: dict[str, Any]) -> dict[str, Any]:
    """The values actually given: text trimmed, blanks and empty lists dropped."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "" or (isinstance(value, (list, tuple)) and not value):
            continue
        out[key] = value
    return out


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if hasattr(value, "pk"):
            value = value.pk
        elif isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, (list, tuple)):
            value = [getattr(item, "pk", item) for item in value]
        out[key] = value
    return out


def _log(case: Case, actor: Actor, action: str, from_status: str, to_status: str, *, occurred_at: dt.datetime,
         note: str = "", agency: Agency | None = None, data: dict[str, Any] | None = None) -> CaseEvent:
    authenticated = getattr(actor, "is_authenticated", False)
    return CaseEvent.objects.create(
        case=case, occurred_at=occurred_at, actor=person_or_none(actor) if authenticated else None,
        actor_label=str(actor) if authenticated else "system", action=action, from_status=from_status,
        to_status=to_status, agency=agency, note=note, data=data or {},
    )


# --- Effects of each step on the case's own fields ---------------------------------------------------

EffectResult = tuple[str, Agency | None]  # the event's note and the agency it concerns


def _due_date(case: Case, kind: CaseKind, start: dt.date, calendar: WorkCalendar) -> dt.date:
    """The kind's working days from `start`, but never past the total limit without an extension."""
    if kind.deadline is not None:
        due = kind.deadline(case, start, calendar)
    else:
        due = calendar.add_working_days(start, kind.answer_days(case))
    limit = total_limit(kind, case.received_on)
    return min(due, limit) if limit and not case.extended else due


def _active_agency(value: Any, field: str) -> Agency:
    """The active agency `value` names (an Agency or its id); anything else is refused on `field`."""
    pk = value.pk if isinstance(value, Agency) else value
    agency = None
    if isinstance(pk, int) or (isinstance(pk, str) and pk.strip().isdigit()):
        agency = Agency.objects.filter(pk=int(pk), is_active=True).first()
    if agency is None:
        raise ValidationFailed(_("Choose an agency from the list."), code="unknown_agency", field=field)
    return agency


def _assign(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime, cal: WorkCalendar) -> EffectResult:
    agency = _active_agency(data["agency"], "agency")
    data["agency"] = agency
    co_values = data.get("co_agencies") or []
    if isinstance(co_values, (str, int, Agency)):
        co_values = [co_values]
    co: dict[int, Agency] = {}
    for value in co_values:
        co_agency = _active_agency(value, "co_agencies")
        if co_agency.pk != agency.pk:
            co[co_agency.pk] = co_agency
    data["co_agencies"] = list(co.values())
    case.lead_agency = agency
    case.assigned_on = timezone.localdate(now)
    case.due_on = _due_date(case, kind, case.assigned_on, cal)
    # A re-routing decides the co-agencies afresh: earlier ones must not keep seeing the case.
    case.co_agencies.set(list(co.values()))
    return data.get("note", ""), agency


def _no_effect(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime,
               cal: WorkCalendar) -> EffectResult:
    # A kind's own step that asks for a reason (sending an answer back) shows it in the timeline.
    note = "\n".join(str(data[key]) for key in ("reason", "note") if data.get(key))
    return note, case.lead_agency


def _accept(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime, cal: WorkCalendar) -> EffectResult:
    return data.get("note", ""), case.lead_agency


def _return(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime, cal: WorkCalendar) -> EffectResult:
    """The agency hands the case back: it is due back by the next working day after assignment."""
    returned_by = case.lead_agency
    deadline = cal.next_working_day(case.assigned_on) if case.assigned_on else None
    data["late_return"] = bool(deadline and timezone.localdate(now) > deadline)
    case.lead_agency, case.due_on = None, None
    case.co_agencies.clear()
    return data["reason"], returned_by


def _request_extension(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime,
                       cal: WorkCalendar) -> EffectResult:
    until = data["until"]
    if isinstance(until, str):
        try:
            until = dt.date.fromisoformat(until.strip())
        except ValueError:
            raise ValidationFailed(_("Give the new due date as a date, e.g. 2023-07-31."), code="invalid_date",
                                   field="until") from None
    if not isinstance(until, dt.date):
        raise ValidationFailed(_("Give the new due date as a date, e.g. 2023-07-31."), code="invalid_date",
                               field="until")
    data["until"] = until
    if case.due_on and until <= case.due_on:
        raise ValidationFailed(_("The new due date must be later than the current one (%(due)s)."),
                               code="extension_not_later", params={"due": roc.format_slash(case.due_on)},
                               field="until")
    case.extension_requested_until, case.extension_reason = until, data["reason"][:500]
    return data["reason"], case.lead_agency


def _approve_extension(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime,
                       cal: WorkCalendar) -> EffectResult:
    if case.extension_requested_until is None:
        raise ValidationFailed(_("No extension has been asked for."), code="no_extension_requested")
    data["until"] = case.extension_requested_until
    data["reason"] = case.extension_reason
    case.due_on, case.extended = case.extension_requested_until, True
    case.extension_requested_until = None
    return data.get("note", ""), case.lead_agency


def _reject_extension(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime,
                      cal: WorkCalendar) -> EffectResult:
    if case.extension_requested_until is None:
        raise ValidationFailed(_("No extension has been asked for."), code="no_extension_requested")
    case.extension_requested_until, case.extension_reason = None, ""
    return data["reason"], case.lead_agency


def _answer(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime, cal: WorkCalendar) -> EffectResult:
    case.answered_at = now
    case.outcome = Outcome.ON_TIME if case.due_on is None or timezone.localdate(now) <= case.due_on else Outcome.LATE
    return "", case.lead_agency


def _close(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime, cal: WorkCalendar) -> EffectResult:
    case.closed_at = now
    return data.get("note", ""), case.lead_agency


def _reopen(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime, cal: WorkCalendar) -> EffectResult:
    case.reopen_count += 1
    case.answered_at, case.closed_at, case.outcome = None, None, ""
    case.due_on = _due_date(case, kind, timezone.localdate(now), cal)
    return data["reason"], case.lead_agency


def _decline(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime, cal: WorkCalendar) -> EffectResult:
    code = str(data["reason_code"]).strip()
    if kind.decline_reasons and code not in kind.decline_reasons:
        raise ValidationFailed(_("Choose one of the listed reasons for declining."), code="unknown_decline_reason",
                               field="reason_code")
    if not code or len(code) > 30:
        raise ValidationFailed(_("Give a short reason code (at most 30 characters)."), code="invalid_decline_reason",
                               field="reason_code")
    data["reason_code"] = code
    data["reason_label"] = str(decline_reason_label(kind, code))
    case.decline_reason = code
    case.closed_at = now
    return data.get("note", ""), case.lead_agency


def _merge(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime, cal: WorkCalendar) -> EffectResult:
    into = data["into"]
    if isinstance(into, Case):
        target: Case | None = into
    else:
        target = Case.objects.filter(reference=str(into).strip().upper()[:20]).first()
    # The target must be another case of the same kind that is still a case of its own: merging into
    # a merged case would make chains that lists and statistics would have to follow.
    if target is None or target.pk == case.pk or target.kind != case.kind or target.status == CaseStatus.MERGED:
        raise ValidationFailed(_("Merge into another case of the same kind that has not itself been merged; "
                                 "give its case number."), code="merge_target_invalid", field="into")
    case.merged_into, case.closed_at = target, now
    data["into"] = target.reference
    return data.get("note", ""), case.lead_agency


EFFECTS: dict[str, Callable[[Case, CaseKind, dict[str, Any], dt.datetime, WorkCalendar], EffectResult]] = {
    "assign": _assign, "accept": _accept, "return": _return, "request_extension": _request_extension,
    "approve_extension": _approve_extension, "reject_extension": _reject_extension, "answer": _answer,
    "close": _close, "reopen": _reopen, "decline": _decline, "merge": _merge,
}


def available_steps(*, user: Actor | Viewer, case: Case) -> list[Transition]:
    """The steps `user` may take on `case` now: allowed from its status, theirs to take, and meaningful
    (approving an extension is offered only while one is asked for)."""
    kind = kind_for(case.kind)
    steps = kind.workflow.available(case.status, parties_of(user, case))
    return [step for step in steps if step.offered_for(case) and _kind_allows(kind, user, case, step)]


def _kind_allows(kind: CaseKind, user: Actor | Viewer, case: Case, step: Transition) -> bool:
    """The kind's own rule (`CaseKind.may_take`), the same one case_transition applies."""
    if kind.may_take is None:
        return True
    try:
        kind.may_take(user, case, step)
    except ApplicationError:
        return False
    return True
