"""The case workflow as plain data: which transition leads from which status to which, who may fire it,
and what it needs. Testable without a database; kinds may define their own `Workflow`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from secretariat.cases.models import CaseStatus as S
from secretariat.core.errors import ValidationFailed


class Party(StrEnum):
    """How a person stands to one case."""

    SECRETARIAT = "secretariat"  # the Secretariat's staff, who route and close
    LEAD_AGENCY = "lead_agency"  # staff of the agency the case is assigned to
    AGENCY_HEAD = "agency_head"  # that agency's head
    REQUESTER = "requester"  # the person who asked (a councillor for their own request)
    SYSTEM = "system"  # scheduled work


@dataclass(frozen=True)
class Transition:
    name: str
    label: str | Promise
    sources: frozenset[str]
    target: str | None  # None: the status does not change (extensions)
    parties: frozenset[Party]
    requires: tuple[str, ...] = field(default=())
    # A field of the case that must be set for the step to be offered (approving needs a request).
    offered_when: str = ""

    def offered_for(self, case: Any) -> bool:
        return not self.offered_when or bool(getattr(case, self.offered_when, None))


class TransitionNotAllowed(ValidationFailed):
    code = "transition_not_allowed"


@dataclass(frozen=True)
class Workflow:
    transitions: tuple[Transition, ...]

    def get(self, name: str) -> Transition:
        for transition in self.transitions:
            if transition.name == name:
                return transition
        raise TransitionNotAllowed(_("“%(name)s” is not a step of this kind of case."), params={"name": name})

    def check(self, name: str, status: str, parties: Iterable[Party]) -> Transition:
        """The transition, if it may be fired now by someone standing as `parties`; otherwise a refusal
        that says which rule stops it."""
        transition = self.get(name)
        if status not in transition.sources:
            raise TransitionNotAllowed(
                _("A case that is “%(status)s” cannot be given the step “%(step)s”."),
                params={"status": S(status).label, "step": transition.label},
            )
        if not transition.parties & set(parties):
            from secretariat.core.errors import PermissionRefused

            raise PermissionRefused(_("You may not take the step “%(step)s” on this case."),
                                    params={"step": transition.label})
        return transition

    def available(self, status: str, parties: Iterable[Party]) -> list[Transition]:
        allowed = set(parties)
        return [t for t in self.transitions if status in t.sources and t.parties & allowed]


# What each value a step requires is called, in forms and in "this step needs …" refusals.
FIELD_LABELS: dict[str, str | Promise] = {
    "agency": _("lead agency"), "reason": _("reason"), "until": _("new due date"), "answer": _("answer"),
    "reason_code": _("reason for declining"), "into": _("case number to merge into"),
}


def _t(name: str, label: str | Promise, sources: Iterable[str], target: str | None, parties: Iterable[Party],
       *requires: str) -> Transition:
    return Transition(name, label, frozenset(sources), target, frozenset(parties), tuple(requires))


RUNNING = (S.ASSIGNED, S.IN_PROGRESS)
NOT_FINISHED = (S.RECEIVED, S.ASSIGNED, S.IN_PROGRESS, S.RETURNED)
SECRETARIAT, LEAD, HEAD = Party.SECRETARIAT, Party.LEAD_AGENCY, Party.AGENCY_HEAD

# received → assigned → in progress → answered → closed, with the side paths every kind shares.
STANDARD = Workflow((
    _t("assign", _("Assign to an agency"), (S.RECEIVED, S.RETURNED), S.ASSIGNED, {SECRETARIAT}, "agency"),
    _t("accept", _("Accept"), (S.ASSIGNED,), S.IN_PROGRESS, {LEAD, HEAD}),
    _t("return", _("Return as not competent (改分)"), RUNNING, S.RETURNED, {LEAD, HEAD}, "reason"),
    _t("request_extension", _("Ask for an extension (展期)"), RUNNING, None, {LEAD, HEAD}, "reason", "until"),
    replace(_t("approve_extension", _("Approve the extension"), RUNNING, None, {SECRETARIAT}),
            offered_when="extension_requested_until"),
    replace(_t("reject_extension", _("Refuse the extension"), RUNNING, None, {SECRETARIAT}, "reason"),
            offered_when="extension_requested_until"),
    _t("answer", _("Answer"), RUNNING, S.ANSWERED, {LEAD, HEAD}, "answer"),
    _t("close", _("Close"), (S.ANSWERED,), S.CLOSED, {SECRETARIAT}),
    _t("reopen", _("Reopen: the answer does not meet the question"), (S.ANSWERED, S.CLOSED), S.IN_PROGRESS,
       {SECRETARIAT, Party.REQUESTER}, "reason"),
    _t("decline", _("Decline (不予處理)"), NOT_FINISHED, S.DECLINED, {SECRETARIAT, LEAD, HEAD}, "reason_code"),
    _t("merge", _("Merge into another case (併案)"), NOT_FINISHED, S.MERGED, {SECRETARIAT}, "into"),
))
