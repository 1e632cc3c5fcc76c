from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "secretariat.council"
    label = "council"
    verbose_name = _("City council affairs")

    def ready(self) -> None:
        from secretariat.council import question_setup

        question_setup.register()  # the question kind, its case panel and menu entry
        from secretariat.council.request_kind import register_kind as register_request_kind

        register_request_kind()
        from secretariat.council import navigation, report

        report.register()  # 壹、四、（一）–（四） of the work report
        navigation.register_navigation()
