"""Opening cases and moving them through their workflow. Every step is atomic, audited and timed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.models import Agency
from secretariat.cases.kinds import CaseKind, kind_for, total_limit
from secretariat.cases.models import Case, CaseEvent, CaseStatus, Notification, Outcome
from secretariat.cases.parties import parties_of
from secretariat.cases.workflow import Transition
from secretariat.core import roc
from secretariat.core.calendar import WorkCalendar, work_calendar
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import Conflict, NotFound, ValidationFailed
from secretariat.core.sequences import sequence_next

CASE_FIELDS = ["status", "lead_agency", "due_on", "outcome", "extended", "extension_requested_until",
               "reopen_count", "decline_reason", "merged_into", "version"]


def case_reference(kind: CaseKind, received_on: dt.date) -> str:
    """`P1120000123`: the kind's prefix, the ROC year and a gapless serial restarting each year."""
    year = roc.roc_year(received_on)
    return f"{kind.prefix}{year:03d}{sequence_next(key=f'case:{kind.code}', year=year):07d}"


def case_open(*, actor: Any, kind_code: str, title: str, received_at: dt.datetime | None = None) -> Case:
    """Register a new case of `kind_code`. Call inside the kind's own writing transaction."""
    kind = kind_for(kind_code)
    title = (title or "").strip()
    if not title:
        raise ValidationFailed(_("Give the case a subject."), code="subject_required", field="title")
    received_at = received_at or timezone.now()
    received_on = timezone.localdate(received_at)
    with transaction.atomic():
        case = Case.objects.create(kind=kind.code, reference=case_reference(kind, received_on), title=title[:200],
                                   received_at=received_at, received_on=received_on)
        _log(case, actor, "open", "", CaseStatus.RECEIVED, occurred_at=received_at)
        record_change(actor=actor, action="case.open", target=case, after=snapshot(case, CASE_FIELDS))
    return case


def case_transition(*, actor: Any, case_id: int, name: str, version: int | None = None,
                    data: dict[str, Any] | None = None, at: dt.datetime | None = None,
                    calendar: WorkCalendar | None = None) -> Case:
    """Fire transition `name` on the case.

    `version` is the version the user saw: if someone changed the case since, the step is refused with
    a conflict rather than applied on top of a change the user never saw. `at` (default now) and
    `calendar` let bulk jobs replay history without a query per step.
    """
    data = {key: value for key, value in (data or {}).items() if value not in (None, "")}
    now = at or timezone.now()
    with transaction.atomic():
        case = Case.objects.select_for_update().select_related("lead_agency").filter(pk=case_id).first()
        if case is None:
            raise NotFound()
        if version is not None and case.version != version:
            raise Conflict()
        kind = kind_for(case.kind)
        transition = kind.workflow.check(name, case.status, parties_of(actor, case))
        missing = [field for field in transition.requires if field not in data]
        if missing:
            raise ValidationFailed(_("This step needs: %(fields)s."), code="missing_fields",
                                   params={"fields": ", ".join(missing)}, field=missing[0])
        before = snapshot(case, CASE_FIELDS)
        from_status = case.status
        note, agency = EFFECTS[transition.name](case, kind, data, now, calendar or work_calendar())
        if transition.target:
            case.status = transition.target
        case.version += 1
        case.save()
        if kind.on_transition:
            kind.on_transition(case, transition, data, actor)
        _log(case, actor, transition.name, from_status, case.status, occurred_at=now, note=note, agency=agency,
             data=_jsonable(data))
        record_change(actor=actor, action=f"case.{transition.name}", target=case, before=before,
                      after=snapshot(case, CASE_FIELDS))
    return case


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


def _log(case: Case, actor: Any, action: str, from_status: str, to_status: str, *, occurred_at: dt.datetime,
         note: str = "", agency: Agency | None = None, data: dict[str, Any] | None = None) -> CaseEvent:
    authenticated = getattr(actor, "is_authenticated", False)
    return CaseEvent.objects.create(
        case=case, occurred_at=occurred_at, actor=actor if authenticated else None,
        actor_label=str(actor) if authenticated else "system", action=action, from_status=from_status,
        to_status=to_status, agency=agency, note=note, data=data or {},
    )


def notify(*, users: Any, message: str, case: Case | None = None) -> None:
    """In-app messages, shown on each person's home page until read."""
    Notification.objects.bulk_create([Notification(user=user, case=case, message=message[:300]) for user in users])


# --- Effects of each step on the case's own fields ---------------------------------------------------

EffectResult = tuple[str, Agency | None]  # the event's note and the agency it concerns


def _due_date(case: Case, kind: CaseKind, start: dt.date, calendar: WorkCalendar) -> dt.date:
    """The kind's working days from `start`, but never past the total limit without an extension."""
    due = calendar.add_working_days(start, kind.answer_days(case))
    limit = total_limit(kind, case.received_on)
    return min(due, limit) if limit and not case.extended else due


def _assign(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime, cal: WorkCalendar) -> EffectResult:
    agency = data["agency"]
    if not isinstance(agency, Agency):
        agency = Agency.objects.filter(pk=agency, is_active=True).first()
        if agency is None:
            raise ValidationFailed(_("Choose an agency from the list."), code="unknown_agency", field="agency")
        data["agency"] = agency
    co = [a for a in data.get("co_agencies", []) if getattr(a, "pk", a) != agency.pk]
    case.lead_agency = agency
    case.assigned_on = timezone.localdate(now)
    case.due_on = _due_date(case, kind, case.assigned_on, cal)
    if co:
        case.co_agencies.set(co)
    return data.get("note", ""), agency


def _accept(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime, cal: WorkCalendar) -> EffectResult:
    return data.get("note", ""), case.lead_agency


def _return(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime, cal: WorkCalendar) -> EffectResult:
    """The agency hands the case back: it is due back by the next working day after assignment."""
    returned_by = case.lead_agency
    deadline = cal.next_working_day(case.assigned_on) if case.assigned_on else None
    data["late_return"] = bool(deadline and timezone.localdate(now) > deadline)
    case.lead_agency, case.due_on = None, None
    return data["reason"], returned_by


def _request_extension(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime,
                       cal: WorkCalendar) -> EffectResult:
    until = data["until"]
    if isinstance(until, str):
        until = dt.date.fromisoformat(until)
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
    case.decline_reason = str(data["reason_code"])[:30]
    case.closed_at = now
    return data.get("note", ""), case.lead_agency


def _merge(case: Case, kind: CaseKind, data: dict[str, Any], now: dt.datetime, cal: WorkCalendar) -> EffectResult:
    target = Case.objects.filter(reference=str(data["into"]).strip()).first() if isinstance(data["into"], str) \
        else Case.objects.filter(pk=getattr(data["into"], "pk", data["into"])).first()
    if target is None or target.pk == case.pk or target.kind != case.kind or target.status == CaseStatus.MERGED:
        raise ValidationFailed(_("Merge into another open case of the same kind, by its case number."),
                               code="merge_target_invalid", field="into")
    case.merged_into, case.closed_at = target, now
    data["into"] = target.reference
    return data.get("note", ""), case.lead_agency


EFFECTS: dict[str, Callable[[Case, CaseKind, dict[str, Any], dt.datetime, WorkCalendar], EffectResult]] = {
    "assign": _assign, "accept": _accept, "return": _return, "request_extension": _request_extension,
    "approve_extension": _approve_extension, "reject_extension": _reject_extension, "answer": _answer,
    "close": _close, "reopen": _reopen, "decline": _decline, "merge": _merge,
}


def available_steps(*, user: Any, case: Case) -> list[Transition]:
    return kind_for(case.kind).workflow.available(case.status, parties_of(user, case))
