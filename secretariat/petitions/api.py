"""Petitions over JSON: file one from another system, list and read them (masked), and the
personal-data requests. Thin adapters over petitions.services and petitions.selectors."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Status

from secretariat.cases.constants import CaseStatus
from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import ValidationFailed
from secretariat.petitions import selectors, services
from secretariat.petitions.access.personal_data import masked_petitioner
from secretariat.petitions.constants import Channel
from secretariat.petitions.schemas import (
    DecisionIn,
    DisclosureIn,
    DisclosureOut,
    PetitionCreated,
    PetitionerOut,
    PetitionIn,
    PetitionOut,
    PetitionPage,
)

if TYPE_CHECKING:
    from secretariat.core.models import Attachment
    from secretariat.petitions.models import Category, DisclosureRequest, Petition

router = Router(tags=["petitions"])


def _summary(petition: Petition) -> dict[str, Any]:
    case = petition.case
    category = petition.category
    return {
        "case_id": petition.pk, "reference": case.reference, "status": case.status,
        "status_label": str(CaseStatus(case.status).label), "subject": petition.subject,
        "channel": petition.channel, "is_collective": petition.is_collective,
        "category": {"code": category.code, "name": category.name, "answer_days": category.answer_days}
        if category else None,
        "people_count": petition.people_count, "is_confidential": petition.is_confidential,
        "lead_agency": case.lead_agency.short_name if case.lead_agency else None,
        "received_at": case.received_at, "due_on": case.due_on, "petitioner": masked_petitioner(petition),
    }


def _detail(petition: Petition) -> dict[str, Any]:
    case = petition.case
    return {
        **_summary(petition), "content": petition.content, "location": petition.location,
        "answered_at": case.answered_at, "closed_at": case.closed_at, "answer": petition.answer,
        "rating": petition.rating, "rating_comment": petition.rating_comment,
        "attachments": [_attachment(item) for item in selectors.petition_attachments(petition=petition)],
    }


def _attachment(item: Attachment) -> dict[str, Any]:
    return {"id": item.id, "original_name": item.original_name, "size": item.size,
            "download_url": reverse("api:attachment_download", args=[str(item.id)])}


def _disclosure(request: DisclosureRequest) -> dict[str, Any]:
    return {
        "id": request.pk, "case_id": request.petition_id, "reference": request.petition.case.reference,
        "status": request.status, "reason": request.reason, "requested_by": str(request.requested_by),
        "requested_at": request.requested_at, "decided_by": str(request.decided_by) if request.decided_by else None,
        "decided_at": request.decided_at, "valid_until": request.valid_until, "decision_note": request.decision_note,
    }


def _category(code: str | None) -> Category | None:
    if not code:
        return None
    category = selectors.category_list().filter(code=code).first()
    if category is None:
        raise ValidationFailed(_("Unknown category “%(code)s”."), code="unknown_category", field="category",
                               params={"code": code[:40]})
    return category


def _attachments(ids: list[Any]) -> list[Attachment]:
    found = selectors.attachments_by_id(ids=ids)
    if len(found) != len(set(ids)):
        raise ValidationFailed(_("Attach only files you uploaded and have not attached elsewhere."),
                               code="attachment_not_yours", field="attachment_ids")
    return [found[pk] for pk in dict.fromkeys(ids)]


@router.post("/petitions/", response={201: PetitionCreated}, summary="File a petition (channel “api”)")
def petition_create(request: SignedInRequest, payload: PetitionIn) -> Status[dict[str, Any]]:
    received_at = payload.received_at
    if received_at is not None and timezone.is_naive(received_at):
        received_at = timezone.make_aware(received_at)
    registered = services.petition_register(
        actor=request.user, channel=Channel.API, subject=payload.subject, content=payload.content,
        petitioner_name=payload.petitioner_name, petitioner_email=payload.petitioner_email,
        petitioner_phone=payload.petitioner_phone, petitioner_address=payload.petitioner_address,
        is_collective=payload.is_collective, people_count=payload.people_count, location=payload.location,
        category=_category(payload.category), attachments=_attachments(payload.attachment_ids),
        received_at=received_at, is_confidential=payload.is_confidential,
    )
    case = registered.petition.case
    return Status(201, {"case_id": case.pk, "reference": case.reference, "case_password": registered.password,
                        "status": case.status, "received_at": case.received_at})


@router.get("/petitions/", response=PetitionPage, summary="Petitions you may see, newest first (masked)")
def petition_list(
    request: HttpRequest, status: str = "", channel: str = "", category: str = "",
    received_from: dt.date | None = None, received_to: dt.date | None = None, q: str = "",
    after: int | None = None, limit: int = Query(50, ge=1, le=200),  # type: ignore[type-arg]
) -> dict[str, Any]:
    if status and status not in CaseStatus.values:
        raise ValidationFailed(_("Unknown status “%(status)s”."), code="unknown_status", field="status",
                               params={"status": status[:30]})
    filters = selectors.PetitionFilter(status=status, channel=channel, category=category,
                                       received_from=received_from, received_to=received_to, text=q, after=after)
    rows = selectors.petition_list(user=request.user, filters=filters, limit=limit + 1)
    return {"items": [_summary(petition) for petition in rows[:limit]],
            "next_after": rows[limit - 1].pk if len(rows) > limit else None}


@router.get("/petitions/{case_id}", response=PetitionOut, summary="One petition (masked)")
def petition_detail(request: HttpRequest, case_id: int) -> dict[str, Any]:
    return _detail(selectors.petition_get_for(user=request.user, case_id=case_id))


@router.get("/petitions/{case_id}/personal-data", response=PetitionerOut,
            summary="The unmasked petitioner, with an approved request (every call is logged)")
def petition_personal_data(request: SignedInRequest, case_id: int) -> dict[str, str]:
    petition = selectors.petition_get_for(user=request.user, case_id=case_id)
    return services.petition_personal_data_reveal(actor=request.user, petition=petition)


@router.post("/petitions/{case_id}/disclosures", response={201: DisclosureOut},
             summary="Ask to see the petitioner's personal data, with a reason")
def disclosure_create(request: SignedInRequest, case_id: int, payload: DisclosureIn) -> Status[dict[str, Any]]:
    petition = selectors.petition_get_for(user=request.user, case_id=case_id)
    return Status(201, _disclosure(services.disclosure_request(actor=request.user, petition=petition,
                                                               reason=payload.reason)))


@router.get("/disclosures", response=list[DisclosureOut], summary="Requests waiting for your decision")
def disclosure_waiting(request: SignedInRequest) -> list[dict[str, Any]]:
    return [_disclosure(row) for row in selectors.disclosures_to_decide(user=request.user)[:200]]


@router.post("/disclosures/{request_id}/decision", response=DisclosureOut, summary="Approve or refuse a request")
def disclosure_decision(request: SignedInRequest, request_id: int, payload: DecisionIn) -> dict[str, Any]:
    decided = services.disclosure_decide(actor=request.user, request_id=request_id, approve=payload.approve,
                                         note=payload.note)
    return _disclosure(decided)
