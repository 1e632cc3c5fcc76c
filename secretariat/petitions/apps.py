from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "secretariat.petitions"
    label = "petitions"
    verbose_name = _("Petitions to the mayor")

    def ready(self) -> None:
        from secretariat.petitions.kind import register_kind

        register_kind()
