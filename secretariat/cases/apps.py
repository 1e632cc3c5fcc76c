from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from secretariat.core.actors import Viewer
    from secretariat.core.notification_events import Event


def _works_cases(user: Viewer) -> bool:
    """The Secretariat, agency liaisons and heads work the inbox; auditors read it."""
    from secretariat.accounts.constants import AGENCY_ROLES, Role
    from secretariat.core.actors import is_signed_in

    return is_signed_in(user) and user.role in {Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF, Role.AUDITOR,
                                            *AGENCY_ROLES}


class CasesConfig(AppConfig):
    name = "secretariat.cases"
    label = "cases"
    verbose_name = _("Case control")

    def ready(self) -> None:
        from secretariat.cases import audit
        from secretariat.core.audit_actions import declare_actions, declare_family
        from secretariat.core.navigation import NavEntry, register
        from secretariat.core.notification_events import declare_events

        declare_actions(*audit.ACTIONS)
        declare_family(audit.case_steps, audit.STEP_PREFIX)  # case.<step>, from every registered kind's workflow

        register(NavEntry("cases", _("Case inbox"), "cases:inbox", order=5, visible=_works_cases))
        declare_events(*_events())


def _events() -> list[Event]:
    from secretariat.accounts.constants import Role
    from secretariat.core.notification_events import Channel, Event

    agency, clerks = frozenset({Role.AGENCY_LIAISON, Role.AGENCY_HEAD}), frozenset({Role.SECRETARIAT_STAFF,
                                                                                     Role.SECRETARIAT_ADMIN})
    return [
        Event("case.assigned", _("A case is assigned to your agency"), _("The lead agency's liaisons and head"),
              _("%(reference)s assigned to %(agency)s: %(title)s"), agency, Channel.DIGEST, order=10),
        Event("case.returned", _("An agency returned a case you routed"), _("The clerk who routed the case"),
              _("%(agency)s returned %(reference)s: %(reason)s"), clerks, Channel.MAIL, order=11),
        Event("case.due_soon", _("Cases due within a working day"), _("The lead agency's liaisons, daily"),
              _("%(agency)s: %(count)s cases are due within a working day"), frozenset({Role.AGENCY_LIAISON}),
              Channel.MAIL, order=20),
        Event("case.overdue", _("Overdue cases"), _("The lead agency's liaisons, daily"),
              _("%(agency)s: %(count)s cases are overdue"), frozenset({Role.AGENCY_LIAISON}), Channel.MAIL, order=21),
        Event("case.overdue_head", _("Overdue cases of your agency"), _("The agency head, daily"),
              _("For the agency head — %(agency)s has %(count)s overdue cases"), frozenset({Role.AGENCY_HEAD}),
              Channel.MAIL, order=22),
    ]
