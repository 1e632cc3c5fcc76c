from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountersConfig(AppConfig):
    """壹、六: the citizen service counters, expert consultations and volunteers."""

    name = "secretariat.counters"
    label = "counters"
    verbose_name = _("Citizen service and volunteers")
