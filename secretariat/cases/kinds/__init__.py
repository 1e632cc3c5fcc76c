"""The registry of case kinds. Each kind's app registers one from its AppConfig.ready()."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from secretariat.cases.kinds.workflow import STANDARD, Party, Transition, Workflow
from secretariat.core.errors import ValidationFailed

if TYPE_CHECKING:
    from django.db.models import Q

    from secretariat.cases.models import Case


# The lead agency and the Secretariat's handling staff work the case; the requester asked it; scheduled
# work acts for the Secretariat. Co-agencies, auditors and everyone else read 「密件」.
CONFIDENTIAL_READERS = frozenset({Party.SECRETARIAT, Party.LEAD_AGENCY, Party.AGENCY_HEAD, Party.REQUESTER,
                                  Party.SYSTEM})


@dataclass(frozen=True)
class CaseKind:
    """What the engine needs to know about a kind of tracked item.

    `answer_days(case)`: working days the lead agency has, counted from the day after assignment.
    `max_total_days`: calendar days from receipt the case may take without an approved extension.
    `on_transition(case, transition, data, actor)`: the kind's own effects (store the answer, tell
    the requester) inside the same transaction.
    `assigned_event`: the notification event sent to the lead agency's liaisons and head on assignment.
    `is_requester(user, case)`: whether a signed-in user is the one who asked.
    `deadline(case, start, calendar)`: when given, the due date counted from `start` (a kind whose
    rule is in calendar days, like council questions, says so here); otherwise `answer_days` working days.
    `decline_reasons`: code → label of the reasons this kind may be declined for (petitions: the
    grounds of 行政程序法 §173). When given, a decline must name one of them.
    `may_take(user, case, transition)`: the kind's own rule, beyond the workflow's statuses and parties,
    for whether this user may take this step on this case now; raises an ApplicationError saying why not.
    It must depend on the case's state only (not on the values a form sends): the engine applies it when
    a step is taken and when the steps on offer are listed, so a step is offered only if it would be allowed.
    `confidential_readers`: who reads a confidential case (`Case.confidential`, which the kind sets when it
    opens the case) in full — its subject and timeline. Everyone else who may see the case reads
    「密件」 and no timeline (密不錄由).
    `answer_released(case)`: whether the case's answer has been released to whoever asked (a councillor's
    request once the senior reviewer releases it). While it says yes, the requester may download the files
    of the latest answer step; without it the requester reads no step's files (docs/decisions/0018).
    """

    code: str
    label: str | Promise
    prefix: str
    answer_days: Callable[[Case], int]
    workflow: Workflow = STANDARD
    max_total_days: int | None = None
    on_transition: Callable[[Case, Transition, dict[str, Any], Any], None] | None = None
    is_requester: Callable[[Any, Case], bool] | None = None
    decline_reasons: Mapping[str, str | Promise] = field(default_factory=dict, hash=False)
    deadline: Callable[[Case, dt.date, Any], dt.date] | None = None
    confidential_readers: frozenset[Party] = field(default_factory=lambda: CONFIDENTIAL_READERS)
    may_take: Callable[[Any, Case, Transition], None] | None = None
    # The notification the lead agency's people receive when a case of this kind is assigned to it (an
    # incident's is same-day news and goes by mail at once); declared by the app that declares the kind.
    assigned_event: str = "case.assigned"
    answer_released: Callable[[Case], bool] | None = None


def decline_reason_label(kind: CaseKind, code: str) -> str | Promise:
    """The label of a decline reason, or the stored code itself for a kind that keeps no list."""
    return kind.decline_reasons.get(code, code)


@dataclass(frozen=True)
class Panel:
    """A block a kind's app adds to the generic case page. `context(case, user)` returns the template's
    context, or None when this viewer should not see the panel."""

    key: str
    template: str
    context: Callable[[Case, Any], dict[str, Any] | None]
    order: int = 0


@dataclass(frozen=True)
class QueueTab:
    """A tab of the case inbox (the work queue): the cases `rows(user, today)` keeps, as a filter on Case rows,
    for those `visible(user)` admits, first in `sort` order. The engine registers its own (to route, routed by
    me, my agency, overdue); a kind's app may add one (the council's answers awaiting a head's approval) without
    the engine naming it. The inbox counts each tab with one COUNT, so `rows` must be a plain filter."""

    code: str
    label: str | Promise
    order: int
    visible: Callable[[Any], bool]
    rows: Callable[[Any, dt.date], Q]
    sort: str = "due"
    help: str | Promise = ""


_KINDS: dict[str, CaseKind] = {}
_PANELS: dict[str, dict[str, Panel]] = {}
_TABS: dict[str, QueueTab] = {}


def register_tab(tab: QueueTab) -> None:
    _TABS[tab.code] = tab


def tab_get(code: str) -> QueueTab | None:
    return _TABS.get(code)


def tabs_for(user: Any) -> list[QueueTab]:
    """The tabs `user` has, in order (the "all open" list, which everyone has, is not a registered tab)."""
    return sorted((tab for tab in _TABS.values() if tab.visible(user)), key=lambda tab: (tab.order, tab.code))


def register_panel(kind_code: str, panel: Panel) -> None:
    _PANELS.setdefault(kind_code, {})[panel.key] = panel


def panels_for(kind_code: str) -> list[Panel]:
    return sorted(_PANELS.get(kind_code, {}).values(), key=lambda panel: panel.order)


def register(kind: CaseKind) -> None:
    _KINDS[kind.code] = kind


def kind_for(code: str) -> CaseKind:
    try:
        return _KINDS[code]
    except KeyError:
        raise ValidationFailed(_("Unknown kind of case “%(code)s”."), code="unknown_case_kind",
                               params={"code": code}) from None


def all_kinds() -> list[CaseKind]:
    return list(_KINDS.values())


def total_limit(kind: CaseKind, received_on: dt.date) -> dt.date | None:
    """The last day a case may run to without an approved extension."""
    return received_on + dt.timedelta(days=kind.max_total_days) if kind.max_total_days else None
