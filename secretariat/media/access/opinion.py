"""Who may do what with opinion monitoring.

Monitors are the Secretariat's media unit (媒體事務組, a site setting) and Secretariat administrators:
they record, rank, import, escalate and may record a response for an agency. Every Secretariat role and
the auditors read everything; agency liaisons and heads read the items concerning their agency and
record its responses; anyone else sees nothing. Roles alone cannot say this (every Secretariat clerk
has the same role), so the unit decides among Secretariat staff.

The agency scope of opinion items, shared by services and selectors: who sees which items, and a day's
items grouped by agency (the digest's shape).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TypeGuard

from django.db.models import QuerySet

from secretariat.accounts.access import agency_scope_ids
from secretariat.accounts.constants import AGENCY_ROLES, Role
from secretariat.accounts.models import Agency
from secretariat.core.actors import Actor, Person, Viewer, is_signed_in
from secretariat.core.changes import SystemActor
from secretariat.core.site_settings import setting_get
from secretariat.media.models.opinion import OpinionItem


def is_monitor(user: Actor | Viewer) -> bool:
    if isinstance(user, SystemActor):  # imports from feeds, the demo
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser or user.role == Role.SECRETARIAT_ADMIN:
        return True
    unit = user.unit if user.unit_id else None
    # The media unit (the press office's setting) is also the one that monitors public opinion.
    return bool(user.role == Role.SECRETARIAT_STAFF and unit is not None
                and unit.name == setting_get("media.unit_name") and unit.agency.is_secretariat)


def can_read(user: Actor | Viewer) -> bool:
    """Whether `user` may open the opinion pages at all (their scope may still be one agency)."""
    scope = agency_scope_ids(user)
    return scope is None or bool(scope)


def is_agency_responder(user: Actor | Viewer) -> TypeGuard[Person]:
    return bool(is_signed_in(user) and user.role in AGENCY_ROLES and user.agency_id)


def items_visible(user: Actor | Viewer) -> QuerySet[OpinionItem]:
    """Every item for Secretariat roles and auditors; the items concerning their agency for agency staff."""
    rows = OpinionItem.objects.all()
    if isinstance(user, SystemActor):  # scheduled work and the demo act for the Secretariat
        return rows
    allowed = agency_scope_ids(user)
    if allowed is None:
        return rows
    if not allowed:
        return rows.none()
    # A subquery, not a join, so an item concerning two of the viewer's agencies is listed once.
    through = OpinionItem.agencies.through.objects.filter(agency_id__in=allowed).values("opinionitem_id")
    return rows.filter(pk__in=through)


@dataclass(frozen=True)
class DigestGroup:
    agency: Agency | None  # None: items no agency was named for (seen by the Secretariat only)
    items: list[OpinionItem]


def digest_groups(*, day: dt.date, agency_ids: set[int] | None) -> list[DigestGroup]:
    """The day's items grouped by agency concerned (in the agencies' order), each group most severe first.
    `agency_ids` None: every agency plus a group of items without an agency; otherwise only those agencies.
    Two queries whatever the number of items."""
    items = {item.pk: item for item in OpinionItem.objects.filter(seen_on=day).order_by("-severity", "-seen_at",
                                                                                          "-pk")}
    links = OpinionItem.agencies.through.objects.filter(opinionitem_id__in=list(items))
    if agency_ids is not None:
        links = links.filter(agency_id__in=agency_ids)
    by_agency: dict[int, list[int]] = defaultdict(list)
    for item_id, agency_id in links.values_list("opinionitem_id", "agency_id"):
        by_agency[agency_id].append(item_id)
    agencies = Agency.objects.filter(pk__in=list(by_agency)).order_by("sort_order", "pk")
    order = list(items)
    rank = {pk: index for index, pk in enumerate(order)}
    groups = [DigestGroup(agency, [items[pk] for pk in sorted(by_agency[agency.pk], key=rank.__getitem__)])
              for agency in agencies]
    if agency_ids is None:
        named = {pk for ids in by_agency.values() for pk in ids}
        orphans = [items[pk] for pk in order if pk not in named]
        if orphans:
            groups.append(DigestGroup(None, orphans))
    return groups
