"""What council questions plug into the platform: the case kind, the panel on the generic case page and
the menu entry (order 40: the seed's section 四)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from secretariat.accounts.roles import Role
from secretariat.cases.kinds import Panel, register_panel
from secretariat.cases.models import Case
from secretariat.core.navigation import NavEntry
from secretariat.core.navigation import register as register_nav
from secretariat.council.kinds import KIND, register_kind
from secretariat.council.models import Question
from secretariat.council.question_access import can_record_questions, can_see_review_list
from secretariat.council.selectors.questions import may_see_draft, visible_questions


def panel_context(case: Case, user: Any) -> dict[str, Any] | None:
    question = (visible_questions(user).select_related("session__term", "councillor", "approved_by",
                                                       "follow_up_of__case", "case")
                .filter(pk=case.pk).first())
    if question is None:
        return None
    follow_ups = list(Question.objects.filter(follow_up_of=question).select_related("case"))
    return {
        "question": question, "agencies": list(question.agencies.order_by("sort_order", "pk")),
        "show_draft": may_see_draft(user, question), "follow_ups": follow_ups,
        "can_follow_up": can_record_questions(user) and question.approved_at is not None and not follow_ups,
    }


def _sees_questions(user: Any) -> bool:
    """Staff, and councillors (their own questions): decided by role, without a query on every page."""
    return can_see_review_list(user) or (user.is_active and user.role == Role.COUNCILLOR)


def register() -> None:
    register_kind()
    register_panel(KIND, Panel(key="question", template="council/question_panel.html", context=panel_context))
    register_nav(NavEntry(key="council_questions", label=_("Council questions"), url_name="council:questions",
                          order=40, visible=_sees_questions))
