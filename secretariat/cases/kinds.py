"""The registry of case kinds. Each kind's app registers one from its AppConfig.ready()."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from secretariat.cases.workflow import STANDARD, Transition, Workflow
from secretariat.core.errors import ValidationFailed

if TYPE_CHECKING:
    from secretariat.cases.models import Case


@dataclass(frozen=True)
class CaseKind:
    """What the engine needs to know about a kind of tracked item.

    `answer_days(case)`: working days the lead agency has, counted from the day after assignment.
    `max_total_days`: calendar days from receipt the case may take without an approved extension.
    `on_transition(case, transition, data, actor)`: the kind's own effects (store the answer, tell
    the requester) inside the same transaction.
    `is_requester(user, case)`: whether a signed-in user is the one who asked.
    `detail_template` / `detail_context(case, user)`: the kind's panel on the generic case page.
    """

    code: str
    label: str | Promise
    prefix: str
    answer_days: Callable[[Case], int]
    workflow: Workflow = STANDARD
    max_total_days: int | None = None
    on_transition: Callable[[Case, Transition, dict[str, Any], Any], None] | None = None
    is_requester: Callable[[Any, Case], bool] | None = None
    # The kind's own panel on the case page: a template and the context it needs for this viewer.
    detail_template: str | None = None
    detail_context: Callable[[Case, Any], dict[str, Any]] | None = None


_KINDS: dict[str, CaseKind] = {}


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
