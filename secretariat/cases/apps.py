from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from secretariat.core.actors import Viewer


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

        declare_actions(*audit.ACTIONS)
        declare_family(audit.case_steps, audit.STEP_PREFIX)  # case.<step>, from every registered kind's workflow

        register(NavEntry("cases", _("Case inbox"), "cases:inbox", order=5, visible=_works_cases))
