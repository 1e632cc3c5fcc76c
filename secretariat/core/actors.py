"""Who acts and who looks: the types every service, selector and access predicate takes instead of `Any`.

`Actor` is whoever may change something: a signed-in person or the platform itself (`SYSTEM`, for setup,
imports and scheduled work). `Viewer` is what a request carries: a person or an anonymous visitor. The user
model is imported for the type checker only, so the kernel still imports no other app when it runs (see
docs/decisions/0013-typed-actors.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias, TypeGuard, cast

from django.contrib.auth import get_user_model
from django.http import HttpRequest

from secretariat.core.changes import SYSTEM, SystemActor
from secretariat.core.htmx import HtmxRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from typing_extensions import TypeIs

    from secretariat.accounts.models import User

__all__ = ["SYSTEM", "Actor", "Person", "SignedInRequest", "SystemActor", "Viewer", "admin_person", "is_active_actor",
           "is_person", "is_signed_in", "is_system", "person_or_none"]

Person: TypeAlias = "User"
"""A signed-in person: the user model, named here so that kernel modules need not import accounts."""
Actor: TypeAlias = "User | SystemActor"
Viewer: TypeAlias = "User | AnonymousUser"


class SignedInRequest(HtmxRequest):
    """The request of a view that only signed-in people reach (`login_required`, or an API route behind
    the session/token auth): its `user` is a person, so the view may pass it on as an `Actor`. Like every
    request it carries django-htmx's `htmx`."""

    user: User


def admin_person(request: HttpRequest) -> User:
    """The user of an admin-site request: the admin site lets in only active staff, so it is a person."""
    return cast("User", request.user)


def person_or_none(actor: Actor | Viewer) -> User | None:
    """The person behind `actor`, for the `…_by` columns; None when the platform itself acts."""
    # The user model is looked up when called: the kernel may not import accounts at import time.
    return actor if isinstance(actor, get_user_model()) else None


def is_person(user: Actor | Viewer) -> TypeGuard[User]:
    """A person, as opposed to an anonymous visitor or the platform itself (whether active or not)."""
    return bool(getattr(user, "is_authenticated", False))


def is_signed_in(user: Actor | Viewer) -> TypeGuard[User]:
    """A signed-in person whose account is active. The platform itself is not a person."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_system(actor: Actor | Viewer) -> TypeIs[SystemActor]:
    """The platform itself (there is one `SYSTEM`), not a person."""
    return actor is SYSTEM


def is_active_actor(user: Actor | Viewer) -> TypeGuard[Actor]:
    """A signed-in, active person, or the platform itself (setup, demo loading and scheduled work)."""
    return is_system(user) or is_signed_in(user)
