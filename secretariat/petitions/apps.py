from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "secretariat.petitions"
    label = "petitions"
    verbose_name = _("Petitions to the mayor")

    def ready(self) -> None:
        from secretariat.petitions.kind import register_kind
        from secretariat.petitions.panels import register_panels
        from secretariat.petitions.routing_panel import register_routing_panel
        from secretariat.petitions.rules import declare_settings

        register_kind()
        declare_settings()
        register_panels()
        register_routing_panel()  # suggested agencies and likely duplicates, while the case is routed

        from secretariat.petitions import report, stats_views

        report.register()  # 壹、三、（一） of the work report
        stats_views.register_navigation()
