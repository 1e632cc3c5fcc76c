from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "secretariat.core"
    label = "core"
    verbose_name = _("Platform kernel")

    def ready(self) -> None:
        from secretariat.core import audit
        from secretariat.core.audit_actions import declare_actions
        from secretariat.core.navigation import NavEntry, everyone, register

        declare_actions(*audit.ACTIONS)  # the calendar, settings and uploads write these

        register(NavEntry("home", _("Home"), "core:home", order=0, visible=everyone))
        register(NavEntry("calendar", _("Working-day calendar"), "core:calendar", order=900,
                          visible=everyone, group="admin"))
