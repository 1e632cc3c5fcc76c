"""Who may record questions and review meetings (roles, checked by services and by the pages that offer
the forms)."""

from __future__ import annotations

from secretariat.accounts.constants import AGENCY_ROLES, CITYWIDE_ROLES, Role
from secretariat.core.actors import Actor, SystemActor, Viewer, is_signed_in

RECORDER_ROLES = frozenset({Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF})
REVIEW_AGENCY = "研考會"  # runs the bi-weekly review meeting


def can_record_questions(user: Actor | Viewer) -> bool:
    """The Secretariat records questions, routes them and compiles the answers."""
    return isinstance(user, SystemActor) or (is_signed_in(user) and user.role in RECORDER_ROLES)


def can_record_reviews(user: Actor | Viewer) -> bool:
    """研考會's staff hold the review meeting; the Secretariat may record it for them."""
    if can_record_questions(user):
        return True
    return (is_signed_in(user) and user.role in AGENCY_ROLES and user.agency is not None
            and user.agency.short_name == REVIEW_AGENCY)


def can_see_review_list(user: Actor | Viewer) -> bool:
    """Staff: the Secretariat and auditors see every agency's items, agency staff their own."""
    return is_signed_in(user) and user.role in CITYWIDE_ROLES | AGENCY_ROLES


def sees_questions(user: Viewer) -> bool:
    """Staff, and councillors (their own questions): decided by role, without a query on every page (the
    visibility of the questions' menu entry)."""
    return can_see_review_list(user) or (is_signed_in(user) and user.role == Role.COUNCILLOR)


def approves_answers(user: Viewer) -> bool:
    """An agency head: the one who approves the agency's written answers (the kind's `approve_answer`)."""
    return is_signed_in(user) and user.role == Role.AGENCY_HEAD and user.agency_id is not None
