from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "secretariat.accounts"
    label = "accounts"
    verbose_name = _("Agencies and people")

    def ready(self) -> None:
        from secretariat.accounts import audit
        from secretariat.core.audit_actions import declare_actions, declare_family

        declare_actions(*audit.ACTIONS)
        declare_family(audit.record_saves, *audit.record_prefixes())  # agency.create, unit.change, …
