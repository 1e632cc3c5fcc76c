"""The one agency-scoping rule every selector applies.

Secretariat roles and auditors see every agency's records. Agency liaisons and heads see their own
agency's records and those of the offices reporting under it (民政局 sees the district offices).
Anyone else — councillors, anonymous visitors, users without an agency — sees no agency's records;
domain apps add their own narrower rules (a councillor's own requests) on top.
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet

from secretariat.accounts.constants import AGENCY_ROLES
from secretariat.accounts.models import Agency
from secretariat.core.actors import Actor, Viewer, is_signed_in

M = TypeVar("M", bound=Model)


def agency_scope_ids(user: Actor | Viewer) -> set[int] | None:
    """The agency ids `user` may see; None means every agency.

    Remembered on the user object for the rest of the request (a page asks several times), keyed by
    what decides it, so a change of role or agency on the same object is never served stale."""
    if not is_signed_in(user):
        return set()
    if user.sees_all_agencies:
        return None
    if user.role not in AGENCY_ROLES or user.agency_id is None:
        return set()
    key = (user.role, user.agency_id)
    remembered = getattr(user, "_agency_scope", None)
    if remembered is None or remembered[0] != key:
        children = Agency.objects.filter(parent_id=user.agency_id).values_list("pk", flat=True)
        remembered = (key, frozenset({user.agency_id, *children}))
        user._agency_scope = remembered  # type: ignore[attr-defined]  # a per-request memo, not a field
    return set(remembered[1])


def scope_to_agency(queryset: QuerySet[M], user: Actor | Viewer, *, agency_field: str = "agency") -> QuerySet[M]:
    """Limit `queryset` to the records `user` may see, by the agency in `agency_field`."""
    allowed = agency_scope_ids(user)
    if allowed is None:
        return queryset
    if not allowed:
        return queryset.none()
    return queryset.filter(**{f"{agency_field}__in": allowed})


def can_see_agency(user: Actor | Viewer, agency_id: int | None) -> bool:
    allowed = agency_scope_ids(user)
    return allowed is None or (agency_id is not None and agency_id in allowed)
