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

        from secretariat.core.navigation import NavEntry, register, with_perm

        register(NavEntry("audit", _("Audit trail"), "audit:entries", order=950,
                          visible=with_perm("audit.view_auditentry"), group="admin"))
        register(NavEntry("personal_data", _("Personal-data access log"), "audit:accesses", order=960,
                          visible=with_perm("audit.view_personaldataaccess"), group="admin"))
