from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountersConfig(AppConfig):
    """壹、六: the citizen service counters, expert consultations and volunteers."""

    name = "secretariat.counters"
    label = "counters"
    verbose_name = _("Citizen service and volunteers")

    def ready(self) -> None:
        from secretariat.counters import desk_access
        from secretariat.counters.report import consultations as consultations_report
        from secretariat.counters.report import volunteers as volunteers_report
        from secretariat.counters.services.consultation_bookings import declare_settings

        declare_settings()  # the public booking page's rate limit
        consultations_report.register()  # 壹、六、（二）
        volunteers_report.register()  # 壹、六、（三）
        desk_access.register_navigation()
        from secretariat.counters import nav_enquiries
        from secretariat.counters.report import enquiries as enquiries_report

        enquiries_report.register()  # 壹、六、（一）
        nav_enquiries.register_navigation()
