"""The case engine's audit actions. Each step of a case is audited as `case.<transition>`: that family is
read from the workflows of the registered kinds, so a kind's own steps are declared by registering it."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from secretariat.cases.kinds import all_kinds
from secretariat.core.audit_actions import AuditAction

STEP_PREFIX = "case."
STEP_HOLDS = "before/after: the case's status, lead agency, due date and version around the step"

ACTIONS = (
    AuditAction("case.open", _("Open a case"), "after: the new case's kind, reference, status and due date"),
)


def case_steps() -> Iterator[AuditAction]:
    """`case.<name>` for every transition of every registered kind, labelled with the step's own label (the
    first kind that defines a name gives it; kinds sharing the standard steps share their labels)."""
    seen: set[str] = set()
    for kind in all_kinds():
        for transition in kind.workflow.transitions:
            if transition.name in seen:
                continue
            seen.add(transition.name)
            yield AuditAction(f"{STEP_PREFIX}{transition.name}",
                              format_lazy(_("Case: {step}"), step=transition.label), STEP_HOLDS)
