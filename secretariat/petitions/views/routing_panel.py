"""The routing panel on a petition's case page: suggested lead agencies and likely duplicates.

Shown only to someone who may assign the case right now (the Secretariat, while the case is received
or returned for re-routing). Each suggestion is a one-click form posting to the generic assign step;
the suggester itself never assigns.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from django.urls import reverse

from secretariat.accounts.selectors import agency_short_names
from secretariat.cases.selectors import case_returned_agency_ids
from secretariat.cases.services import available_steps
from secretariat.core.actors import Actor, Viewer
from secretariat.petitions.selectors import petition_of_case
from secretariat.petitions.services.duplicates import likely_duplicates
from secretariat.petitions.services.routing import routing_model_latest, routing_suggest

if TYPE_CHECKING:
    from secretariat.cases.models import Case

DUPLICATE_DAYS = 90


def routing_panel_context(case: Case, user: Actor | Viewer) -> dict[str, Any] | None:
    if not any(step.name == "assign" for step in available_steps(user=user, case=case)):
        return None
    petition = petition_of_case(case_id=case.pk)
    if petition is None:
        return None
    # Agencies that already handed this case back as not competent are not suggested again.
    returned_ids = case_returned_agency_ids(case_id=case.pk)
    suggestions = routing_suggest(subject=petition.subject, content=petition.content, exclude=returned_ids)
    return {
        "trained": bool(suggestions) or routing_model_latest() is not None,
        "suggestions": [{"agency_id": s.agency_id, "short_name": s.short_name,
                         # Truncated, as the platform shows percentages: 99.8 % is not yet a certainty.
                         "percent": math.floor(s.confidence * 100)} for s in suggestions],
        "returned_agencies": agency_short_names(ids=returned_ids),
        "duplicates": likely_duplicates(petition=petition, days=DUPLICATE_DAYS),
        "duplicate_days": DUPLICATE_DAYS,
        "assign_url": reverse("cases:step", args=[case.pk, "assign"]),
        "version": case.version,
    }
