"""Who the engine tells when a case moves: the lead agency when a case is assigned (or re-routed) to it,
and the clerk who routed it when the agency hands it back. Kinds tell their own people of their own steps
(kinds' `on_transition`); these two are every kind's.

Mails leave the platform, so the subject goes out as `case_title_unaddressed` (「密件」 for a confidential
case), whoever receives it.
"""

from __future__ import annotations

from django.urls import reverse

from secretariat.accounts.constants import AGENCY_ROLES
from secretariat.accounts.models import Agency, User
from secretariat.cases.constants import CONFIDENTIAL_TITLE
from secretariat.cases.kinds import CaseKind
from secretariat.cases.models import Case, CaseEvent
from secretariat.notifications.services import notify


def announce(case: Case, kind: CaseKind, step: str, *, agency: Agency | None, reason: str) -> None:
    """Inside the step's transaction: the notifications are written with the step, or not at all."""
    link = reverse("cases:detail", args=[case.pk])
    if step == "assign" and case.lead_agency is not None:
        people = User.objects.filter(agency=case.lead_agency, role__in=AGENCY_ROLES, is_active=True)
        notify(kind.assigned_event, to=people, record=case, link=link,
               params={"reference": case.reference, "agency": case.lead_agency.short_name,
                       "title": str(CONFIDENTIAL_TITLE) if case.confidential else case.title})
    elif step == "return":
        routed = (CaseEvent.objects.filter(case=case, action="assign", actor__isnull=False)
                  .select_related("actor").order_by("-occurred_at", "-pk").first())
        if routed is not None:
            notify("case.returned", to=[routed.actor], record=case, link=link,
                   params={"reference": case.reference, "agency": agency.short_name if agency else "",
                           "reason": reason[:150]})
