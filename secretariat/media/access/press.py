"""Who may do what with press releases and the press office's records. Roles decide, with two facts the
roles alone cannot give: which unit a Secretariat user belongs to, and the one extra permission that marks
a Secretariat unit's head.

Decisions (written down so they are reviewed like code):
- Drafting: anyone signed in with an agency role or a Secretariat role drafts for their *own* agency; the
  Secretariat's releases are drafted by its staff (usually 媒體事務組) for 秘書處.
- First approval, by the unit head: for an agency's release, that agency's head (role AGENCY_HEAD); for a
  Secretariat release, a Secretariat user of the drafter's unit who holds the permission
  `media.approve_as_unit_head` (granted to the unit's head in the admin — roles do not know who heads
  which unit).
- Second approval, publication and corrections: Secretariat staff of the media unit (the unit named by the
  setting `media.unit_name`, 媒體事務組).
- Nobody approves a release they drafted (four eyes), whatever their role.
"""

from __future__ import annotations

from typing import Any, TypeGuard

from secretariat.accounts.constants import AGENCY_ROLES, CITYWIDE_ROLES, Role
from secretariat.core.actors import Actor, Viewer, is_signed_in, is_system
from secretariat.core.site_settings import setting_get

UNIT_HEAD_PERMISSION = "media.approve_as_unit_head"
SECRETARIAT_WRITERS = frozenset({Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF})
DRAFTER_ROLES = SECRETARIAT_WRITERS | AGENCY_ROLES


def is_media_unit(user: Actor | Viewer) -> bool:
    """A member of the Secretariat's media unit (or the platform itself, for imports and the demo)."""
    if is_system(user):
        return True
    if not is_signed_in(user) or user.role not in SECRETARIAT_WRITERS or user.unit is None:
        return False
    unit = user.unit
    return bool(unit.agency.is_secretariat and unit.name == setting_get("media.unit_name"))


def can_draft(user: Actor | Viewer) -> TypeGuard[Actor]:
    return is_system(user) or (is_signed_in(user) and user.role in DRAFTER_ROLES and user.agency_id is not None)


def can_edit_draft(user: Actor | Viewer, release: Any) -> bool:
    """The drafting agency's writers edit a draft; the media unit may tidy any draft it is shown."""
    return can_draft(user) and (is_system(user) or user.agency_id == release.agency_id or is_media_unit(user))


def can_unit_approve(user: Actor | Viewer, release: Any) -> bool:
    if is_system(user):
        return True
    if not is_signed_in(user) or user.pk == release.drafted_by_id:
        return False
    if release.agency.is_secretariat:
        return bool(user.agency_id == release.agency_id and user.role in SECRETARIAT_WRITERS
                    and user.unit_id is not None and user.unit_id == release.unit_id
                    and user.has_perm(UNIT_HEAD_PERMISSION))
    return bool(user.role == Role.AGENCY_HEAD and user.agency_id == release.agency_id)


def can_media_approve(user: Actor | Viewer, release: Any) -> bool:
    return is_media_unit(user) and (is_system(user) or user.pk != release.drafted_by_id)


def can_publish(user: Actor | Viewer) -> bool:
    return is_media_unit(user)


def can_view_releases(user: Actor | Viewer) -> bool:
    """Who opens the staff pages of releases (each list is still scoped to the reader's agency)."""
    return is_system(user) or (is_signed_in(user)
                               and (user.is_superuser or user.role in CITYWIDE_ROLES | AGENCY_ROLES))


def can_view_records(user: Actor | Viewer) -> bool:
    """Press events, the schedule, social posts and trainings are the Secretariat's records."""
    return is_system(user) or (is_signed_in(user) and (user.is_superuser or user.role in CITYWIDE_ROLES))


def can_keep_records(user: Actor | Viewer) -> bool:
    return is_media_unit(user)


def approves_releases(user: Actor | Viewer) -> bool:
    """Whoever gives a release one of its approvals: an agency head, a Secretariat unit's head (the permission)
    or the media unit. Drafters and readers have nothing to approve (the home page's card)."""
    if not is_signed_in(user):
        return False
    if user.role == Role.AGENCY_HEAD and user.agency_id is not None:
        return True
    if user.role in SECRETARIAT_WRITERS and user.has_perm(UNIT_HEAD_PERMISSION):
        return True
    return is_media_unit(user)
