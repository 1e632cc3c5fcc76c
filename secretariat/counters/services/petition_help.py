"""Writes of the counter's petition help (協處民眾陳情): one record per citizen or group helped, with what
was done and, when a petition was filed for them, the link to its case.

The case is found by its number through the petitions app's selectors (never its models), as the
person recording it may see it; a number that finds no petition is refused rather than kept dangling.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.models import User
from secretariat.core.actors import Actor
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.counters.access import enquiries as rules
from secretariat.counters.models import HelpKind, PetitionHelp
from secretariat.petitions.selectors import PetitionFilter, petition_list

ACTION_LENGTH = 2000
MAX_PEOPLE = 100_000
HELP_FIELDS = ["helped_on", "kind", "people_count", "action_taken", "petition_case", "petition_reference"]


def petition_case_id(*, actor: Actor, reference: str) -> int:
    """The case id of the petition numbered `reference` that `actor` may see; ValidationFailed if none."""
    reference = reference.strip().upper()
    found = [item for item in petition_list(user=actor, filters=PetitionFilter(text=reference), limit=5)
             if item.case.reference.upper() == reference]
    if not found:
        raise ValidationFailed(_("No petition has the case number %(reference)s."), code="unknown_petition",
                               field="petition_reference", params={"reference": reference})
    return found[0].case_id


def _check(*, kind: str, people_count: int, action_taken: str, helped_on: dt.date) -> str:
    if kind not in HelpKind.values:
        raise ValidationFailed(_("Choose an individual or a collective petition."), code="unknown_kind", field="kind")
    if kind == HelpKind.INDIVIDUAL and people_count != 1:
        raise ValidationFailed(_("An individual petition is brought by one person."), code="invalid_people",
                               field="people_count")
    if kind == HelpKind.COLLECTIVE and not 2 <= people_count <= MAX_PEOPLE:
        raise ValidationFailed(_("A collective petition is brought by at least 2 people."), code="invalid_people",
                               field="people_count")
    action_taken = action_taken.strip()
    if not action_taken:
        raise ValidationFailed(_("Say what was done for the citizen."), code="missing_fields", field="action_taken")
    if len(action_taken) > ACTION_LENGTH:
        raise ValidationFailed(_("Say what was done in at most %(limit)s characters."), code="too_long",
                               field="action_taken", params={"limit": ACTION_LENGTH})
    if helped_on > timezone.localdate():
        raise ValidationFailed(_("The date cannot be in the future."), code="future_date", field="helped_on")
    return action_taken


def petition_help_record(*, actor: Actor, helped_on: dt.date, kind: str, action_taken: str, people_count: int = 1,
                         petition_reference: str = "") -> PetitionHelp:
    """Record help given at the counter on `helped_on` (today or earlier): individual (1 person) or
    collective (2 people or more), what was done, and optionally the number of the petition filed."""
    if not rules.may_record(actor):
        raise PermissionRefused()
    action_taken = _check(kind=kind, people_count=people_count, action_taken=action_taken, helped_on=helped_on)
    reference = petition_reference.strip().upper()
    case_id = petition_case_id(actor=actor, reference=reference) if reference else None
    with transaction.atomic():
        item = PetitionHelp.objects.create(
            helped_on=helped_on, kind=kind, people_count=people_count, action_taken=action_taken,
            petition_case_id=case_id, petition_reference=reference, recorded_at=timezone.now(),
            recorded_by=actor if isinstance(actor, User) else None)
        record_change(actor=actor, action="counters.petition_help_record", target=item,
                      after=snapshot(item, HELP_FIELDS))
    return item
