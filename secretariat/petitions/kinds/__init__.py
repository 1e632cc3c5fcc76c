"""Petitions as a kind of tracked case: prefix, deadlines and what each step means for a petition."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from secretariat.cases.kinds import CaseKind, register
from secretariat.cases.kinds.workflow import Transition
from secretariat.cases.models import Case
from secretariat.core.actors import Actor, person_or_none
from secretariat.core.site_settings import SettingSpec, declare, setting_get

KIND = "petition"
# 行政程序法 §173: the reasons an agency may decline to handle a petition (it stays registered).
DECLINE_REASONS = {
    "no_content": _("No concrete content, or no real name or address (§173 ①)"),
    "already_answered": _("Repeats a matter already answered (§173 ②)"),
    "not_competent_multi": _("Sent to several agencies, and this one is not competent (§173 ③)"),
}


def answer_days(case: Case) -> int:
    """The category's working days, or the site default (6, counted from the next working day)."""
    petition = getattr(case, "petition", None)
    category = getattr(petition, "category", None) if petition else None
    return int(category.answer_days) if category else int(setting_get("petitions.answer_days"))


def on_transition(case: Case, transition: Transition, data: dict[str, Any], actor: Actor) -> None:
    from secretariat.petitions.kinds import notices

    petition = case.petition
    if transition.name == "answer":
        petition.answer = str(data["answer"])[:20000]
        petition.answered_by = person_or_none(actor)
        petition.save(update_fields=["answer", "answered_by"])
    elif transition.name == "decline" and data["reason_code"] not in DECLINE_REASONS:
        from secretariat.core.errors import ValidationFailed

        raise ValidationFailed(_("Choose one of the reasons of 行政程序法 §173."), code="unknown_decline_reason",
                               field="reason_code")
    notices.after_step(petition, transition.name, data)


def answer_released(case: Case) -> bool:
    """The Secretariat closed the case: its answer (and the answer's files) reach the petitioner's answer page."""
    from secretariat.cases.constants import CaseStatus

    return case.status == CaseStatus.CLOSED


def register_kind() -> None:
    declare(SettingSpec(
        key="petitions.answer_days", default=6, label=_("Petitions: working days to answer (default)"),
        check=lambda value: isinstance(value, int) and 1 <= value <= 30,
        help=_("Counted from the next working day. Categories may set their own."),
    ))
    register(CaseKind(
        code=KIND, label=_("Petition"), prefix="P", answer_days=answer_days, max_total_days=30,
        on_transition=on_transition, decline_reasons=DECLINE_REASONS, answer_released=answer_released,
    ))
