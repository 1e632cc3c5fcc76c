from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    """壹、五: press releases, press events, public-opinion monitoring and social media."""

    name = "secretariat.media"
    label = "media"
    verbose_name = _("Media relations")
