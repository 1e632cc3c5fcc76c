"""Agencies, units, people and personal API tokens over JSON. Thin adapters over services/selectors."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from ninja import Router, Status

from secretariat.accounts import selectors, services
from secretariat.accounts.api.auth import session_auth
from secretariat.accounts.constants import Role
from secretariat.accounts.schemas import (
    AgencyIn,
    AgencyOut,
    AgencyPatch,
    MeOut,
    TokenCreated,
    TokenIn,
    TokenOut,
    UnitOut,
    UserIn,
    UserOut,
    UserPatch,
)
from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import NotFound

if TYPE_CHECKING:
    from secretariat.accounts.models import Agency, User

router = Router(tags=["accounts"])


def _resolve_links(data: dict[str, Any]) -> dict[str, Any]:
    """Turn *_id fields into the records they name, refusing ids that do not exist."""
    finders: tuple[tuple[str, Callable[..., object]], ...] = (
        ("parent_id", selectors.agency_find), ("agency_id", selectors.agency_find), ("unit_id", selectors.unit_find))
    for field, find in finders:
        if field in data:
            pk = data.pop(field)
            found = find(pk=pk) if pk is not None else None
            if pk is not None and found is None:
                raise NotFound()
            data[field.removesuffix("_id")] = found
    return data


@router.get("/me", response=MeOut, summary="The signed-in user")
def me(request: HttpRequest) -> dict[str, Any]:
    user: User = request.user  # type: ignore[assignment]
    return {
        "id": user.pk, "username": user.username, "display_name": str(user), "email": user.email,
        "role": user.role, "role_label": str(Role(user.role).label), "agency": user.agency, "unit": user.unit,
        "sees_all_agencies": user.sees_all_agencies, "permissions": sorted(user.get_all_permissions()),
    }


@router.get("/agencies", response=list[AgencyOut], summary="All agencies")
def agency_list(request: HttpRequest, include_inactive: bool = False) -> Any:
    return selectors.agency_list(include_inactive=include_inactive)


@router.get("/agencies/{agency_id}", response=AgencyOut)
def agency_detail(request: HttpRequest, agency_id: int) -> Agency:
    return selectors.agency_get(pk=agency_id)


@router.post("/agencies", response={201: AgencyOut})
def agency_create(request: SignedInRequest, payload: AgencyIn) -> Status[Agency]:
    return Status(201, services.agency_save(actor=request.user, **_resolve_links(payload.dict())))


@router.patch("/agencies/{agency_id}", response=AgencyOut)
def agency_update(request: SignedInRequest, agency_id: int, payload: AgencyPatch) -> Agency:
    agency = selectors.agency_get(pk=agency_id)
    return services.agency_save(actor=request.user, agency=agency,
                                **_resolve_links(payload.dict(exclude_unset=True)))


@router.get("/units", response=list[UnitOut])
def unit_list(request: HttpRequest, agency_id: int | None = None) -> Any:
    return selectors.unit_list(agency_id=agency_id)


@router.get("/users", response=list[UserOut])
def user_list(request: HttpRequest, agency_id: int | None = None, role: str = "") -> Any:
    return selectors.user_list(user=request.user, agency_id=agency_id, role=role)


@router.post("/users", response={201: UserOut})
def user_create(request: SignedInRequest, payload: UserIn) -> Status[User]:
    data = _resolve_links(payload.dict())
    user = services.user_create(actor=request.user, username=data.pop("username"), password=data.pop("password"),
                                **data)
    return Status(201, user)


@router.patch("/users/{user_id}", response=UserOut)
def user_update(request: SignedInRequest, user_id: int, payload: UserPatch) -> User:
    user = selectors.user_get_for(user=request.user, pk=user_id)
    return services.user_update(actor=request.user, user=user, **_resolve_links(payload.dict(exclude_unset=True)))


@router.get("/tokens", response=list[TokenOut], summary="My API tokens")
def token_list(request: SignedInRequest) -> Any:
    return selectors.api_token_list(user=request.user)


# Creating a token needs the browser session: a leaked token must not be able to mint more tokens.
@router.post("/tokens", response={201: TokenCreated}, summary="Create an API token (shown once)", auth=session_auth)
def token_create(request: SignedInRequest, payload: TokenIn) -> Status[dict[str, Any]]:
    token, raw = services.api_token_create(actor=request.user, name=payload.name, expires_at=payload.expires_at)
    return Status(201, {**TokenOut.from_orm(token).dict(), "token": raw})


@router.delete("/tokens/{token_id}", response=TokenOut, summary="Revoke an API token")
def token_revoke(request: SignedInRequest, token_id: int) -> Any:
    return services.api_token_revoke(actor=request.user, token_id=token_id)
