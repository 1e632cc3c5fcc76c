"""Filing councillors' data requests and collecting contributing agencies' parts."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.access import agency_scope_ids
from secretariat.accounts.constants import Role
from secretariat.cases.models import RUNNING_STATUSES
from secretariat.cases.services import case_open
from secretariat.core.actors import Actor, person_or_none
from secretariat.core.calendar import WorkCalendar, work_calendar
from secretariat.core.changes import SystemActor, record_change
from secretariat.core.errors import NotFound, PermissionRefused, ValidationFailed
from secretariat.council.models import Councillor
from secretariat.council.models.requests import (
    KIND,
    MIN_DAYS_WITHOUT_URGENT_MARK,
    URGENCY_DAYS,
    DataRequest,
    DataRequestPart,
    Urgency,
)

FILING_ROLES = {Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF}


def _may_file_for(actor: Actor, councillor: Councillor) -> bool:
    """A councillor files for themself in the portal; Secretariat staff file on any councillor's behalf."""
    if isinstance(actor, SystemActor) or getattr(actor, "role", "") in FILING_ROLES:
        return True
    return bool(getattr(actor, "is_authenticated", False) and councillor.user_id == actor.pk)


def request_file(*, actor: Actor, councillor_id: int, subject: str, content: str, urgency: str = Urgency.NORMAL,
                 requested_due: dt.date | None = None, marked_urgent: bool = False, urgent_reason: str = "",
                 at: dt.datetime | None = None, calendar: WorkCalendar | None = None) -> DataRequest:
    """Register a data request. Its due date follows urgency (6/3/1 working days from the next working
    day) or the date asked for; anything under 3 working days needs the councillor's urgent mark and reason,
    and then the lead agency's head confirms the date."""
    councillor = Councillor.objects.filter(pk=councillor_id, is_active=True).first()
    if councillor is None:
        raise NotFound(_("No such councillor in office."))
    if not _may_file_for(actor, councillor):
        raise PermissionRefused(_("You may file data requests only for yourself."))
    if urgency not in URGENCY_DAYS:
        raise ValidationFailed(_("Choose an urgency from the list."), code="unknown_urgency", field="urgency")
    subject, content, urgent_reason = (subject or "").strip(), (content or "").strip(), (urgent_reason or "").strip()
    if not content:
        raise ValidationFailed(_("Say what data you are asking for."), code="content_required", field="content")
    now = at or timezone.now()
    today = timezone.localdate(now)
    cal = calendar or work_calendar()
    rule_due = cal.add_working_days(today, URGENCY_DAYS[urgency])
    if requested_due is not None and requested_due < today:
        raise ValidationFailed(_("The date asked for is in the past."), code="past_due", field="requested_due")
    due = requested_due or rule_due
    if cal.working_days_between(today, due) < MIN_DAYS_WITHOUT_URGENT_MARK and not marked_urgent:
        raise ValidationFailed(_("A reply in under 3 working days can be asked for only by marking the request "
                                 "urgent with a reason; the agency head will then confirm a date."),
                               code="too_short", field="requested_due" if requested_due else "urgency")
    if marked_urgent and not urgent_reason:
        raise ValidationFailed(_("Give the reason the request is urgent."), code="urgent_reason_required",
                               field="urgent_reason")
    with transaction.atomic():
        case = case_open(actor=actor, kind_code=KIND, title=subject or content[:60], received_at=now)
        request = DataRequest.objects.create(
            case=case, councillor=councillor, filed_by=person_or_none(actor),
            urgency=urgency, marked_urgent=marked_urgent,
            urgent_reason=urgent_reason[:500] if marked_urgent else "", requested_due=requested_due,
            rule_due=rule_due, subject=case.title, content=content,
        )
        if not marked_urgent:
            case.due_on = due
            case.save(update_fields=["due_on"])
        record_change(actor=actor, action="data_request.file", target=case,
                      after={"councillor": councillor.pk, "urgency": urgency, "marked_urgent": marked_urgent})
    return request


def request_part_submit(*, actor: Actor, case_id: int, text: str, at: dt.datetime | None = None) -> DataRequestPart:
    """A contributing agency's part of a request the Secretariat leads; submitting again replaces it."""
    request = DataRequest.objects.select_related("case__lead_agency").filter(pk=case_id).first()
    if request is None:
        raise NotFound()
    case = request.case
    allowed = agency_scope_ids(actor) or set()
    agency_id = getattr(actor, "agency_id", None)
    person = person_or_none(actor)  # the platform itself has no role, so it is refused below either way
    if person is None or getattr(actor, "role", "") not in {Role.AGENCY_LIAISON, Role.AGENCY_HEAD} \
            or agency_id not in allowed or not case.co_agencies.filter(pk=agency_id).exists():
        raise NotFound()
    if not (case.lead_agency and case.lead_agency.is_secretariat) or case.status not in RUNNING_STATUSES:
        raise ValidationFailed(_("Parts are collected only while the Secretariat is preparing the answer."),
                               code="parts_closed")
    text = (text or "").strip()
    if not text:
        raise ValidationFailed(_("Write your agency's part."), code="text_required", field="text")
    with transaction.atomic():
        part, _created = DataRequestPart.objects.update_or_create(
            request=request, agency_id=agency_id,
            defaults={"text": text[:20000], "submitted_by": person, "submitted_at": at or timezone.now()},
        )
        record_change(actor=actor, action="data_request.part", target=case, after={"agency": agency_id})
    return part
