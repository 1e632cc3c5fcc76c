"""Reading agencies, units and users; every list goes through the agency scope."""

from __future__ import annotations

from django.db.models import QuerySet

from secretariat.accounts.access import agency_scope_ids
from secretariat.accounts.models import Agency, ApiToken, Unit, User
from secretariat.core.actors import Actor, Viewer
from secretariat.core.errors import NotFound, PermissionRefused


def agency_list(*, include_inactive: bool = False) -> QuerySet[Agency]:
    """Every agency: the directory of agencies is public within the platform (routing needs it)."""
    rows = Agency.objects.select_related("parent")
    return rows if include_inactive else rows.filter(is_active=True)


def agency_get(*, pk: int) -> Agency:
    agency = Agency.objects.select_related("parent").filter(pk=pk).first()
    if agency is None:
        raise NotFound()
    return agency


def agency_find(*, pk: int) -> Agency | None:
    """The agency with this id, or None: a write that links to it decides what a missing one means."""
    return Agency.objects.filter(pk=pk).first()


def agency_list_by_ids(*, ids: list[int]) -> list[Agency]:
    """The agencies with these ids that exist; the caller compares counts to refuse an unknown id."""
    return list(Agency.objects.filter(pk__in=ids))


def agency_short_names(*, ids: set[int]) -> list[str]:
    return list(Agency.objects.filter(pk__in=ids).values_list("short_name", flat=True))


def agency_secretariat() -> Agency | None:
    return Agency.objects.filter(is_secretariat=True).first()


def unit_find(*, pk: int) -> Unit | None:
    """The unit with this id, or None: a write that links to it decides what a missing one means."""
    return Unit.objects.filter(pk=pk).first()


def unit_list(*, agency_id: int | None = None) -> QuerySet[Unit]:
    rows = Unit.objects.select_related("agency").filter(is_active=True)
    return rows.filter(agency_id=agency_id) if agency_id else rows


def user_list(*, user: Actor | Viewer, agency_id: int | None = None, role: str = "") -> QuerySet[User]:
    """People the user may look up: administrators see everyone; agency users their own agency."""
    if not user.has_perm("accounts.view_user"):
        raise PermissionRefused()
    rows = User.objects.select_related("agency", "unit").order_by("username")
    allowed = agency_scope_ids(user)
    if allowed is not None:
        rows = rows.filter(agency_id__in=allowed)
    if agency_id:
        rows = rows.filter(agency_id=agency_id)
    if role:
        rows = rows.filter(role=role)
    return rows


def user_get_for(*, user: Actor | Viewer, pk: int) -> User:
    found = user_list(user=user).filter(pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")
