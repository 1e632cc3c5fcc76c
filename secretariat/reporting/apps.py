from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """The work-report composer. It names no domain app: apps register their sections from their own
    AppConfig.ready() through `secretariat.reporting.report.registry.register_section`."""

    name = "secretariat.reporting"
    label = "reporting"
    verbose_name = _("Work report")

    def ready(self) -> None:
        from secretariat.core.audit_actions import declare_actions
        from secretariat.core.navigation import NavEntry, register
        from secretariat.reporting import access, audit

        declare_actions(*audit.ACTIONS)

        # The work report's menu entry (order 90: after the seed's seven areas).
        register(NavEntry(key="reporting", label=_("Work report"), url_name="reporting:index", order=90,
                          visible=access.can_view_report))
