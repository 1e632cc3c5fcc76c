"""Writes on agencies, units, users and API tokens. Each is atomic and audited."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any, TypeVar, cast

from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.constants import ADMIN_SITE_ROLES, AGENCY_ROLES, CITYWIDE_ROLES, Role
from secretariat.accounts.models import Agency, ApiToken, Unit, User
from secretariat.core.actors import Actor, person_or_none
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import NotFound, PermissionRefused, ValidationFailed

AGENCY_FIELDS = ["code", "name", "short_name", "rollup_name", "name_en", "kind", "parent", "is_secretariat",
                 "sort_order", "is_active"]
UNIT_FIELDS = ["agency", "name", "name_en", "sort_order", "is_active"]
USER_FIELDS = ["username", "display_name", "email", "role", "agency", "unit", "phone", "is_active", "is_staff"]
TOKEN_PREFIX = "sec_"  # noqa: S105 - a public marker, not a secret


def _require_perm(actor: Actor, perm: str) -> None:
    if actor is None or not actor.has_perm(perm):
        raise PermissionRefused()


def _apply(instance: Any, changes: dict[str, Any], allowed: list[str]) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValidationFailed(_("Unknown fields: %(fields)s."), code="unknown_fields",
                               params={"fields": ", ".join(sorted(unknown))})
    for name, value in changes.items():
        setattr(instance, name, value)


def _save_checked(instance: Any) -> None:
    """Run model validation and save; a clash with a unique value becomes a clear refusal."""
    try:
        instance.full_clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ValidationFailed(messages[0], code="invalid", field=None if field == "__all__" else field) from None
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        raise ValidationFailed(_("Another record already uses one of these values."), code="duplicate") from None


# --- Agencies and units ---------------------------------------------------------------------------

M = TypeVar("M", Agency, Unit)


def _record_save(*, actor: Actor, model: type[M], existing: M | None, changes: dict[str, Any], fields: list[str],
                 check: Callable[[M], None] | None = None) -> M:
    """Create (existing=None) or change a reference record: permission, row lock, validation, audit."""
    name = model._meta.model_name
    _require_perm(actor, f"accounts.{'change' if existing else 'add'}_{name}")
    with transaction.atomic():
        target = model.objects.select_for_update().get(pk=existing.pk) if existing else model()
        before = snapshot(target, fields) if existing else None
        _apply(target, changes, fields)
        if check:
            check(target)
        _save_checked(target)
        record_change(actor=actor, action=f"{name}.{'change' if existing else 'create'}", target=target,
                      before=before, after=snapshot(target, fields))
    return target


def agency_save(*, actor: Actor, agency: Agency | None = None, **changes: Any) -> Agency:
    """Create an agency (agency=None) or change one."""
    return _record_save(actor=actor, model=Agency, existing=agency, changes=changes, fields=AGENCY_FIELDS,
                        check=agency_parent_check)


def agency_parent_check(agency: Agency) -> None:
    seen = {agency.pk}
    parent = agency.parent
    while parent is not None:
        if parent.pk in seen:
            raise ValidationFailed(_("An agency cannot report under itself or under one of its own offices."),
                                   code="agency_cycle", field="parent")
        seen.add(parent.pk)
        parent = parent.parent


def unit_save(*, actor: Actor, unit: Unit | None = None, **changes: Any) -> Unit:
    """Create a unit (unit=None) or change one."""
    return _record_save(actor=actor, model=Unit, existing=unit, changes=changes, fields=UNIT_FIELDS)


# --- Users ----------------------------------------------------------------------------------------

def _check_role_fits(user: User) -> None:
    if user.role in AGENCY_ROLES and user.agency_id is None:
        raise ValidationFailed(_("Agency liaisons and agency heads must belong to an agency."),
                               code="role_needs_agency", field="agency")
    if user.role == Role.SECRETARIAT_STAFF and user.unit_id is None:
        raise ValidationFailed(_("Secretariat staff must belong to one of the Secretariat's units."),
                               code="role_needs_unit", field="unit")
    if user.unit is not None and user.agency_id is not None and user.unit.agency_id != user.agency_id:
        raise ValidationFailed(_("The unit belongs to another agency."), code="unit_agency_mismatch", field="unit")
    if user.role == Role.COUNCILLOR and (user.agency_id or user.unit_id):
        raise ValidationFailed(_("Councillors are not members of an agency."), code="councillor_agency",
                               field="agency")


def _normalise_membership(user: User) -> None:
    """Secretariat staff belong to the Secretariat; the admin site is open to admins and auditors."""
    if user.unit is not None and user.agency_id is None:
        user.agency_id = user.unit.agency_id
    if user.role in CITYWIDE_ROLES - {Role.AUDITOR} and user.agency_id is None:
        user.agency = Agency.objects.filter(is_secretariat=True).first()
    user.is_staff = user.role in ADMIN_SITE_ROLES


def user_membership_check(user: User) -> None:
    """Fill in what a role implies (the Secretariat's staff belong to the Secretariat) and refuse a role
    that does not fit the person's agency and unit. Changes `user` in memory only."""
    _normalise_membership(user)
    _check_role_fits(user)


def user_password_check(password: str, user: User) -> None:
    """Refuse a password the password rules reject."""
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationFailed(" ".join(error.messages), code="weak_password", field="password") from None


def user_create(*, actor: Actor, username: str, password: str, **changes: Any) -> User:
    """Create a local account. The password must pass the password rules."""
    _require_perm(actor, "accounts.add_user")
    with transaction.atomic():
        user = User(username=username)
        _apply(user, changes, USER_FIELDS)
        user_membership_check(user)
        user_password_check(password, user)
        user.set_password(password)
        _save_checked(user)
        record_change(actor=actor, action="user.create", target=user, after=snapshot(user, USER_FIELDS))
    return user


def user_update(*, actor: Actor, user: User, **changes: Any) -> User:
    """Change a person's details, role, agency or unit; deactivating also revokes their API tokens."""
    _require_perm(actor, "accounts.change_user")
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        before = snapshot(user, USER_FIELDS)
        _apply(user, changes, USER_FIELDS)
        user_membership_check(user)
        _save_checked(user)
        if not user.is_active:
            ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
        _forget_tokens(user.pk)  # role or agency may have changed: the next call reloads them
        record_change(actor=actor, action="user.change", target=user, before=before,
                      after=snapshot(user, USER_FIELDS))
    return user


def user_set_password(*, actor: Actor, user: User, password: str) -> None:
    """An administrator resets a password, or a user changes their own."""
    if actor is None or (actor.pk != user.pk and not actor.has_perm("accounts.change_user")):
        raise PermissionRefused()
    user_password_check(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        record_change(actor=actor, action="user.password_set", target=user)


# --- API tokens -----------------------------------------------------------------------------------

def api_token_create(*, actor: Actor, name: str, expires_at: Any = None) -> tuple[ApiToken, str]:
    """Create a token for the actor themself. Returns the row and the raw token, shown only now."""
    person = person_or_none(actor)  # the platform itself holds no tokens
    if person is None or not person.is_authenticated:
        raise PermissionRefused()
    name = (name or "").strip()
    if not name:
        raise ValidationFailed(_("Give the token a name, so you know later what uses it."),
                               code="token_name_required", field="name")
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationFailed(_("The expiry must be in the future."), code="token_expiry_past",
                               field="expires_at")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(user=person, name=name[:80], prefix=raw[:12],
                                        key_hash=ApiToken.hash_key(raw), expires_at=expires_at)
        record_change(actor=actor, action="api_token.create", target=token,
                      after={"name": token.name, "prefix": token.prefix})
    return token, raw


def api_token_revoke(*, actor: Actor, token_id: int) -> ApiToken:
    """Revoke one of the actor's own tokens (administrators may revoke anyone's)."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().filter(pk=token_id).first()
        if token is None or (token.user_id != actor.pk and not actor.has_perm("accounts.change_apitoken")):
            raise NotFound()
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            record_change(actor=actor, action="api_token.revoke", target=token,
                          after={"revoked_at": token.revoked_at.isoformat()})
        # Dropping a cache entry is harmless even if this transaction later rolls back.
        cache.delete(_token_cache_key(token.key_hash))
    return token


# A program calling the API sends its token with every request. The resolved user (with permissions
# already worked out) is kept in the cache for a few seconds, so a burst of calls costs one lookup.
# Revoking a token or changing its user clears the entry; with the per-process cache of the embedded
# mode another worker may still accept the token for at most this many seconds.
TOKEN_CACHE_SECONDS = 10


def _token_cache_key(key_hash: str) -> str:
    return f"accounts:token:{key_hash}"


def _forget_tokens(user_id: int) -> None:
    hashes = ApiToken.objects.filter(user_id=user_id).values_list("key_hash", flat=True)
    cache.delete_many([_token_cache_key(key_hash) for key_hash in hashes])


def api_token_authenticate(raw: str) -> User | None:
    """The active user a raw token belongs to, or None. Notes the time of use (at most once a minute)."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    key_hash = ApiToken.hash_key(raw)
    now = timezone.now()
    cached = cache.get(_token_cache_key(key_hash))
    if cached is not None and (cached[1] is None or cached[1] > now):
        return cast(User, cached[0])
    token = (ApiToken.objects.select_related("user", "user__agency", "user__unit")
             .filter(key_hash=key_hash, revoked_at__isnull=True).first())
    if token is None or not token.user.is_active or (token.expires_at and token.expires_at <= now):
        return None
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.user.get_all_permissions()  # fills the user's permission cache before it is stored
    cache.set(_token_cache_key(key_hash), (token.user, token.expires_at), TOKEN_CACHE_SECONDS)
    return token.user
