from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "secretariat.cases"
    label = "cases"
    verbose_name = _("Case control")

    def ready(self) -> None:
        from secretariat.core.navigation import NavEntry, register

        register(NavEntry("cases", _("Case inbox"), "cases:inbox", order=5, visible=_works_cases))


def _works_cases(user: object) -> bool:
    from secretariat.cases.parties import AGENCY_ROLES, SECRETARIAT_ROLES
    from secretariat.accounts.roles import Role

    role = getattr(user, "role", "")
    return role in SECRETARIAT_ROLES or role in AGENCY_ROLES or role == Role.AUDITOR
