from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """The work-report composer. It names no domain app: apps register their sections from their own
    AppConfig.ready() through `secretariat.reporting.registry.register_section`."""

    name = "secretariat.reporting"
    label = "reporting"
    verbose_name = _("Work report")

    def ready(self) -> None:
        from secretariat.reporting import navigation

        navigation.register_navigation()
