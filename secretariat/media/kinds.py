"""Opinion incidents (重大輿情) as a kind of tracked case: escalated by a monitor to a lead agency, due the
same day by default, closed by the agency's recorded response.

The answer and close steps are fired by `opinion_response_record` (which stores the response first);
fired from the generic case page without a response they are refused, so a closed incident always has
the response that closed it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from django.utils.translation import gettext_lazy as _

from secretariat.cases.kinds import CaseKind, Panel, register, register_panel
from secretariat.cases.kinds.workflow import Party, Transition, Workflow
from secretariat.cases.models import Case
from secretariat.cases.models import CaseStatus as S
from secretariat.core.actors import Actor
from secretariat.core.calendar import WorkCalendar
from secretariat.core.errors import ValidationFailed
from secretariat.core.site_settings import setting_get
from secretariat.media.models.opinion import INCIDENT_KIND

SECRETARIAT, LEAD, HEAD = Party.SECRETARIAT, Party.LEAD_AGENCY, Party.AGENCY_HEAD
RUNNING = frozenset({S.ASSIGNED, S.IN_PROGRESS})
NOT_FINISHED = frozenset({S.RECEIVED, S.ASSIGNED, S.IN_PROGRESS, S.RETURNED})
RESPONSE_STEPS = frozenset({"answer", "close"})
# No case has this attribute, so the generic case page never offers the response steps: the response form on
# the item's page fires them, after storing the response (see the module docstring).
BY_RESPONSE_ONLY = "opinion_response_recorded"


def _t(name: str, label: Any, sources: frozenset[str] | set[str], target: str | None, parties: set[Party],
       *requires: str) -> Transition:
    return Transition(name, label, frozenset(sources), target, frozenset(parties), tuple(requires))


WORKFLOW = Workflow((
    _t("assign", _("Assign to an agency"), {S.RECEIVED, S.RETURNED}, S.ASSIGNED, {SECRETARIAT}, "agency"),
    _t("accept", _("Accept"), {S.ASSIGNED}, S.IN_PROGRESS, {LEAD, HEAD}),
    _t("return", _("Return as not competent (改分)"), RUNNING, S.RETURNED, {LEAD, HEAD}, "reason"),
    replace(_t("answer", _("Record the response"), RUNNING, S.ANSWERED, {LEAD, HEAD, SECRETARIAT}, "answer"),
            offered_when=BY_RESPONSE_ONLY),
    replace(_t("close", _("Close with the response"), {S.ANSWERED}, S.CLOSED, {LEAD, HEAD, SECRETARIAT}),
            offered_when=BY_RESPONSE_ONLY),
    _t("reopen", _("Reopen: the response does not settle the matter"), {S.CLOSED}, S.IN_PROGRESS, {SECRETARIAT},
       "reason"),
    _t("decline", _("Decline (不予處理)"), NOT_FINISHED, S.DECLINED, {SECRETARIAT}, "reason_code"),
))


def answer_days(case: Case) -> int:
    return int(setting_get("media.incident_answer_days"))


def deadline(case: Case, start: dt.date, calendar: WorkCalendar) -> dt.date:
    """0 working days: the day of escalation itself, even a Sunday — the news does not wait for Monday."""
    days = answer_days(case)
    return start if days == 0 else calendar.add_working_days(start, days)


def on_transition(case: Case, transition: Transition, data: dict[str, Any], actor: Actor) -> None:
    if transition.name in RESPONSE_STEPS and "response" not in data:
        raise ValidationFailed(_("Record the response on the opinion item's page: it closes the incident."),
                               code="response_required")


def register_kind() -> None:
    from secretariat.media.views.opinion_panel import panel_context

    register(CaseKind(code=INCIDENT_KIND, label=_("Public-opinion incident"), prefix="M", answer_days=answer_days,
                      workflow=WORKFLOW, on_transition=on_transition, deadline=deadline,
                      assigned_event="media.incident_escalated"))
    register_panel(INCIDENT_KIND, Panel(key="opinion_item", template="media/opinion/case_panel.html",
                                        context=panel_context, order=10))
