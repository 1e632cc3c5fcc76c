"""Who may do what with notifications: everyone signed in has their own; administrators set the defaults."""

from __future__ import annotations

from secretariat.accounts.constants import Role
from secretariat.core.actors import Actor, Viewer, person_or_none


def sets_role_defaults(user: Actor | Viewer) -> bool:
    person = person_or_none(user)
    return person is not None and person.role == Role.SECRETARIAT_ADMIN


def sees_mail_failures(user: Actor | Viewer) -> bool:
    """Administrators and auditors see the mail log: a failed send must reach a person's eyes."""
    person = person_or_none(user)
    return person is not None and person.role in {Role.SECRETARIAT_ADMIN, Role.AUDITOR}
