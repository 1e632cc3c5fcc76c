"""Seeing a petitioner's personal data: a caseworker asks with a reason, a supervisor decides, and for a
limited time (24 hours) every view of the unmasked data is written to the personal-data access log.

A petition's files are personal data too (a scanned letter carries the petitioner's name and address):
the same approval lets a caseworker download them, and each download is logged the same way."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.audit.services import personal_data_access_record
from secretariat.core.actors import Actor, Viewer, person_or_none
from secretariat.core.attachments import FileAccess
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.core.models import Attachment
from secretariat.notifications.services import notify
from secretariat.petitions.access import approvers_for, is_caseworker, may_decide, may_see_petition
from secretariat.petitions.access.personal_data import present_fields, unmasked_petitioner
from secretariat.petitions.constants import DISCLOSURE_HOURS, rule
from secretariat.petitions.models import DisclosureRequest, DisclosureStatus, Petition

REQUEST_FIELDS = ["status", "decided_by", "decided_at", "valid_until", "decision_note"]


def _fresh(petition: Petition) -> Petition:
    """The petition as it is now: who may see it depends on the case's current lead agency."""
    return Petition.objects.select_related("case").get(pk=petition.pk)


def active_disclosure(*, user: Actor | Viewer, petition: Petition,
                      now: dt.datetime | None = None) -> DisclosureRequest | None:
    """The approved, unexpired request that lets `user` see this petitioner's data now, if any."""
    person = person_or_none(user)
    if person is None:  # only people are granted a view
        return None
    return (DisclosureRequest.objects.select_related("decided_by")
            .filter(petition=petition, requested_by=person, status=DisclosureStatus.APPROVED,
                    valid_until__gt=now or timezone.now())
            .order_by("-valid_until").first())


def disclosure_request(*, actor: Actor, petition: Petition, reason: str) -> DisclosureRequest:
    """Ask to see the petitioner's personal data, saying why. The approvers are notified in the app."""
    petition = _fresh(petition)
    if not may_see_petition(actor, petition):
        raise NotFound()
    if not is_caseworker(actor, petition):
        raise PermissionRefused(_("Only the caseworkers of this petition may ask to see the petitioner's data."))
    reason = (reason or "").strip()
    if len(reason) < 2:
        raise ValidationFailed(_("State why you need to see this person's data."), code="reason_required",
                               field="reason")
    if len(reason) > 500:
        raise ValidationFailed(_("The reason may be at most 500 characters long."), code="too_long", field="reason")
    with transaction.atomic():
        Petition.objects.select_for_update().filter(pk=petition.pk).first()  # one request at a time per petition
        mine = DisclosureRequest.objects.filter(petition=petition, requested_by=actor)
        if mine.filter(status=DisclosureStatus.PENDING).exists():
            raise Conflict(_("Your earlier request is still waiting for a decision."), code="disclosure_pending")
        if active_disclosure(user=actor, petition=petition) is not None:
            raise Conflict(_("You may already see this petitioner's data."), code="disclosure_active")
        request = DisclosureRequest.objects.create(petition=petition, requested_by=actor, reason=reason)
        record_change(actor=actor, action="petition.disclosure_request", target=request,
                      after={"petition": petition.pk, "reason": reason})
        notify("petitions.disclosure_requested", to=approvers_for(actor), record=petition.case,
               link=reverse("petitions:disclosures"),
               params={"who": str(actor), "ref": petition.case.reference, "reason": reason[:150]})
    return request


def disclosure_decide(*, actor: Actor, request_id: int, approve: bool, note: str = "") -> DisclosureRequest:
    """Approve (for `petitions.disclosure_hours`, default 24) or refuse a request. Decided once."""
    with transaction.atomic():
        request = (DisclosureRequest.objects.select_for_update()
                   .select_related("requested_by", "petition__case").filter(pk=request_id).first())
        if request is None or not (may_decide(actor, request) or may_see_petition(actor, request.petition)):
            raise NotFound()
        if not may_decide(actor, request):
            raise PermissionRefused(_("This request is decided by the head of the requester's agency (a Secretariat "
                                      "administrator for the Secretariat's staff)."))
        if request.status != DisclosureStatus.PENDING:
            raise Conflict(_("This request was already decided."), code="disclosure_decided")
        note = (note or "").strip()[:500]
        if not approve and not note:
            raise ValidationFailed(_("Say why the request is refused."), code="note_required", field="note")
        before = snapshot(request, REQUEST_FIELDS)
        now = timezone.now()
        request.status = DisclosureStatus.APPROVED if approve else DisclosureStatus.REFUSED
        request.decided_by, request.decided_at, request.decision_note = actor, now, note
        request.valid_until = now + dt.timedelta(hours=rule(DISCLOSURE_HOURS)) if approve else None
        request.save(update_fields=REQUEST_FIELDS)
        record_change(actor=actor, action="petition.disclosure_decide", target=request, before=before,
                      after=snapshot(request, REQUEST_FIELDS))
        notify("petitions.disclosure_approved" if approve else "petitions.disclosure_refused",
               to=[request.requested_by], record=request.petition.case,
               link=reverse("cases:detail", args=[request.petition.case_id]),
               params={"ref": request.petition.case.reference, "note": note[:150]})
    return request


def petition_personal_data_reveal(*, actor: Actor, petition: Petition) -> dict[str, str]:
    """The petitioner's unmasked data, for a caseworker holding an approved, unexpired request.

    Each call is one view and is written to the personal-data access log (with the request's reason
    and approver) before anything is returned.
    """
    petition = _fresh(petition)
    if not may_see_petition(actor, petition):
        raise NotFound()
    request = active_disclosure(user=actor, petition=petition)
    if request is None or not is_caseworker(actor, petition):
        raise PermissionRefused(_("Ask to see the petitioner's data first; it is shown once a supervisor approves."),
                                code="disclosure_required")
    fields = present_fields(petition)
    if fields:
        personal_data_access_record(actor=actor, subject=petition, fields=fields, reason=request.reason,
                                    approved_by=request.decided_by)
    return unmasked_petitioner(petition)


def petition_file_access(*, user: Actor | Viewer, owner_id: str) -> FileAccess:
    """The owner policy for a petition's files (core.attachments): hidden from whoever may not see the
    petition; listed for those who may; downloaded only by a caseworker holding an approved, unexpired
    request to see the petitioner's data, each download logged like a view of that data."""
    petition = Petition.objects.select_related("case").filter(pk=int(owner_id)).first() if owner_id.isdigit() else None
    if petition is None or not may_see_petition(user, petition):
        return FileAccess(may_read=False, personal_data=True)
    request = active_disclosure(user=user, petition=petition) if is_caseworker(user, petition) else None
    if request is None:
        return FileAccess(may_read=True, personal_data=True, refusal=_(
            "This file holds the petitioner's personal data. Ask to see the petitioner's data on the case page; "
            "once a supervisor approves, you may download it, and every download is logged."))

    def record_view(reader: Any, attachment: Attachment) -> None:
        personal_data_access_record(actor=reader, subject=petition, fields=[f"attachment:{attachment.pk}"],
                                    reason=request.reason, approved_by=request.decided_by)

    return FileAccess(may_read=True, personal_data=True, record_view=record_view)
