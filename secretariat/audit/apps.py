from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy as _

MIN_KEY_LENGTH = 32


def check_audit_key(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Without a key no audit row can be written; a short one can be guessed (docs/decisions/0009)."""
    key = str(getattr(settings, "AUDIT_KEY", "") or "")
    if not key:
        return [checks.Error("AUDIT_KEY is not set: audit rows cannot be sealed.",
                             hint="Set AUDIT_KEY, or run `make run`, which creates var/audit_key.", id="audit.E001")]
    if len(key) < MIN_KEY_LENGTH:
        return [checks.Warning(f"AUDIT_KEY is shorter than {MIN_KEY_LENGTH} characters.",
                               hint="Use a long random value, e.g. `python -c 'import secrets; "
                                    "print(secrets.token_urlsafe(50))'`.", id="audit.W001")]
    return []


class AuditConfig(AppConfig):
    name = "secretariat.audit"
    label = "audit"
    verbose_name = _("Audit trail")

    def ready(self) -> None:
        from secretariat.audit.services import audit_record
        from secretariat.core.changes import install_recorder

        install_recorder(audit_record)

        from secretariat.audit import audit
        from secretariat.core.audit_actions import declare_actions

        declare_actions(*audit.ACTIONS)
        checks.register(check_audit_key)

        from secretariat.core.navigation import NavEntry, register, with_perm

        register(NavEntry("audit", _("Audit trail"), "audit:entries", order=950,
                          visible=with_perm("audit.view_auditentry"), group="admin"))
        register(NavEntry("personal_data", _("Personal-data access log"), "audit:accesses", order=960,
                          visible=with_perm("audit.view_personaldataaccess"), group="admin"))
