"""Reading petitions, always through the viewer's scope (petitions.access.visible_petitions)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from secretariat.accounts.constants import Role
from secretariat.core.actors import Actor, Person, Viewer
from secretariat.core.errors import NotFound
from secretariat.core.models import Attachment
from secretariat.petitions.access import may_see_petition, visible_petitions
from secretariat.petitions.models import ATTACHMENT_OWNER, Category, DisclosureRequest, DisclosureStatus, Petition

OWNER_TYPE = ATTACHMENT_OWNER
MAX_PAGE = 200


@dataclass(frozen=True)
class PetitionFilter:
    status: str = ""
    channel: str = ""
    category: str = ""  # category code
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    text: str = ""  # a case number, or words of the subject
    after: int | None = None  # keyset: the case id of the last row shown (newest first)


def petition_list(*, user: Actor | Viewer, filters: PetitionFilter, limit: int = 50) -> list[Petition]:
    """Petitions `user` may see, newest first, keyset-paginated by case id (no OFFSET on deep pages)."""
    rows = visible_petitions(user).select_related("case", "case__lead_agency", "category")
    if filters.status:
        rows = rows.filter(case__status=filters.status)
    if filters.channel:
        rows = rows.filter(channel=filters.channel)
    if filters.category:
        rows = rows.filter(category__code=filters.category)
    if filters.received_from:
        rows = rows.filter(case__received_on__gte=filters.received_from)
    if filters.received_to:
        rows = rows.filter(case__received_on__lte=filters.received_to)
    if filters.text:
        text = filters.text.strip()[:100]
        rows = rows.filter(Q(case__reference__iexact=text) | Q(subject__icontains=text))
    if filters.after is not None:
        rows = rows.filter(pk__lt=filters.after)
    return list(rows.order_by("-pk")[: max(1, min(limit, MAX_PAGE))])


def petition_get_for(*, user: Actor | Viewer, case_id: int) -> Petition:
    """One petition if `user` may see it; NotFound otherwise (no hint that it exists)."""
    petition = (Petition.objects.select_related("case", "case__lead_agency", "case__merged_into", "category",
                                                "registered_by", "answered_by")
                .filter(pk=case_id).first())
    if petition is None or not may_see_petition(user, petition):
        raise NotFound()
    return petition


def petition_attachments(*, petition: Petition) -> list[Attachment]:
    return list(Attachment.objects.filter(owner_type=OWNER_TYPE, owner_id=str(petition.pk)).order_by("uploaded_at"))


def attachments_by_id(*, ids: list[Any]) -> dict[Any, Attachment]:
    """Uploaded files by id (whether the caller may attach them is the service's question)."""
    return {item.pk: item for item in Attachment.objects.filter(pk__in=ids)}


def category_list(*, include_inactive: bool = False) -> QuerySet[Category]:
    rows = Category.objects.all()
    return rows if include_inactive else rows.filter(is_active=True)


def disclosures_to_decide(*, user: Person) -> QuerySet[DisclosureRequest]:
    """Pending requests `user` may decide: an agency head's liaisons', or (for a Secretariat
    administrator) the Secretariat staff's and agency heads' — never their own."""
    rows = (DisclosureRequest.objects.filter(status=DisclosureStatus.PENDING)
            .select_related("requested_by", "petition__case").exclude(requested_by=user))
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return rows.none()
    if user.role == Role.AGENCY_HEAD:
        # A head without an agency matches liaisons without one: Django reads `= None` as IS NULL.
        return rows.filter(requested_by__role=Role.AGENCY_LIAISON,
                           requested_by__agency_id=user.agency_id)  # type: ignore[misc]
    if user.role == Role.SECRETARIAT_ADMIN:
        return rows.exclude(requested_by__role=Role.AGENCY_LIAISON)
    return rows.none()


def disclosures_to_decide_count(*, user: Person) -> int:
    """The home page's count of `disclosures_to_decide`: one COUNT."""
    return disclosures_to_decide(user=user).order_by().count()


def disclosures_of(*, user: Person, limit: int = 50) -> list[DisclosureRequest]:
    """The requests `user` made, newest first."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(DisclosureRequest.objects.filter(requested_by=user)
                .select_related("petition__case", "decided_by")[:limit])


def petition_for_panel(*, case_id: int) -> Petition | None:
    """The petition behind a case page, with what its panel shows; whether the viewer may see it is the panel's
    question (may_see_petition)."""
    return (Petition.objects.select_related("case", "case__lead_agency", "category", "registered_by",
                                            "answered_by").filter(pk=case_id).first())


def petition_of_case(*, case_id: int) -> Petition | None:
    return Petition.objects.filter(pk=case_id).first()


def disclosure_pending_by(*, petition: Petition, requester: Person | None) -> DisclosureRequest | None:
    """The request `requester` made about this petition that still waits for a decision."""
    return DisclosureRequest.objects.filter(petition=petition, requested_by=requester,
                                            status=DisclosureStatus.PENDING).first()


def disclosures_pending(*, petition: Petition) -> QuerySet[DisclosureRequest]:
    """Every request about this petition waiting for a decision (who may decide each is access's question)."""
    return DisclosureRequest.objects.select_related("requested_by").filter(petition=petition,
                                                                           status=DisclosureStatus.PENDING)


def disclosure_get_for(*, user: Actor | Viewer, pk: int) -> DisclosureRequest:
    request = DisclosureRequest.objects.select_related("requested_by", "decided_by", "petition__case").filter(
        pk=pk).first()
    if request is None or not (request.requested_by_id == user.pk or may_see_petition(user, request.petition)):
        raise NotFound()
    return request
