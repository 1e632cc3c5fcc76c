"""Routing many cases at once from the inbox: each case is its own `assign` step, taken and audited alone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from secretariat.accounts.models import Agency
from secretariat.cases.access import routes_cases
from secretariat.cases.models import Case
from secretariat.cases.services import case_transition
from secretariat.core.actors import Actor, is_system
from secretariat.core.errors import ApplicationError, PermissionRefused, ValidationFailed

BULK_LIMIT = 200  # cases per request: one inbox page is at most 200 rows


@dataclass(frozen=True)
class Refusal:
    case_id: int
    reference: str  # "" when there is no such case
    code: str
    message: str


@dataclass
class BulkResult:
    assigned: list[Case] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)


def case_bulk_assign(*, actor: Actor, case_ids: Sequence[int], agency_id: int,
                     versions: Mapping[int, int] | None = None) -> BulkResult:
    """Assign (or re-route) each of `case_ids` to `agency_id`, each in its own transaction through
    `case_transition` (row lock, version check, audit row, the agency's notification).

    A refused case does not stop the others: the result lists the cases assigned and, for each refused one, its
    error code and message. `versions` (case id → the version the person saw) refuses a case changed since.
    Refused as a whole before anything is written: someone who does not route cases, no cases, too many, an
    unknown agency."""
    if is_system(actor) or not routes_cases(actor):
        raise PermissionRefused(_("Only the Secretariat's staff route cases."))
    ids = list(dict.fromkeys(case_ids))  # the same case twice is one step, not a refusal of the second
    if not ids:
        raise ValidationFailed(_("Choose at least one case."), code="no_cases", field="ids")
    if len(ids) > BULK_LIMIT:
        raise ValidationFailed(_("Route at most %(limit)s cases at once."), code="too_many_cases", field="ids",
                               params={"limit": BULK_LIMIT})
    if not Agency.objects.filter(pk=agency_id, is_active=True).exists():
        raise ValidationFailed(_("Choose an agency from the list."), code="unknown_agency", field="agency")
    references = dict(Case.objects.filter(pk__in=ids).values_list("pk", "reference"))
    result = BulkResult()
    for case_id in ids:
        version = (versions or {}).get(case_id)
        try:
            result.assigned.append(case_transition(actor=actor, case_id=case_id, name="assign", version=version,
                                                   data={"agency": agency_id}))
        except ApplicationError as error:
            result.refused.append(Refusal(case_id, references.get(case_id, ""), error.code, str(error.render())))
    return result
