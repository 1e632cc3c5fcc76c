"""Spokesperson and press-liaison trainings: workshops (研習班) and forums (座談會)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Re-exported (`as`): defined in constants, which the pages and API read; the rest still reads them here.
from secretariat.media.constants import TrainingKind as TrainingKind


class MediaTraining(models.Model):
    held_on = models.DateField(_("date"), db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=TrainingKind.choices)
    title = models.CharField(_("title"), max_length=120)
    venue = models.CharField(_("venue"), max_length=120, blank=True)
    attendance = models.PositiveIntegerField(_("attendance"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("media training")
        verbose_name_plural = _("media trainings")

    def __str__(self) -> str:
        return self.title
