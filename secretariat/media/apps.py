from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    """壹、五: press releases, press events, public-opinion monitoring and social media."""

    name = "secretariat.media"
    label = "media"
    verbose_name = _("Media relations")

    def ready(self) -> None:
        from secretariat.media import press_setup

        press_setup.register_all()  # press releases, events, posts, trainings: settings, menu, 五（一）（三）（四）
        from secretariat.media import opinion_setup

        opinion_setup.register_all()  # opinion monitoring: settings, incident case kind, menu, 五（二）
