from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "secretariat.core"
    label = "core"
    verbose_name = _("Platform kernel")

    def ready(self) -> None:
        from secretariat.core.navigation import NavEntry, everyone, register

        register(NavEntry("home", _("Home"), "core:home", order=0, visible=everyone))
        register(NavEntry("calendar", _("Working-day calendar"), "core:calendar", order=900,
                          visible=everyone, group="admin"))
