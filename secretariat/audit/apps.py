from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "secretariat.audit"
    label = "audit"
    verbose_name = _("Audit trail")

    def ready(self) -> None:
        from secretariat.audit.services import audit_record
        from secretariat.core.changes import install_recorder

        install_recorder(audit_record)
