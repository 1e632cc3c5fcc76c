"""Press events with the mayor: city-level press conferences (府級記者會), interviews (專訪, 聯訪) and media
gatherings (餐敘)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Re-exported (`as`): defined in constants, which the pages and API read; the rest still reads them here.
from secretariat.media.constants import EventKind as EventKind


class PressEvent(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices)
    held_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=120)
    topic = models.CharField(_("topic"), max_length=200)
    # Interviews and gatherings: which outlets took part (free text, as the press office writes it).
    outlets = models.CharField(_("media outlets"), max_length=300, blank=True)
    agencies = models.ManyToManyField("accounts.Agency", verbose_name=_("agencies"), blank=True,
                                      related_name="press_events")
    release = models.ForeignKey("media.PressRelease", verbose_name=_("accompanying press release"), null=True,
                                blank=True, on_delete=models.SET_NULL, related_name="events")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-held_at", "-pk"]
        indexes = [models.Index(fields=["kind", "held_at"], name="media_event_kind_time")]
        verbose_name = _("press event")
        verbose_name_plural = _("press events")

    def __str__(self) -> str:
        return self.topic
