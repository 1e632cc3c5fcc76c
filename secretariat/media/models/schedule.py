"""The public part of the mayor's daily schedule (市長行程), as given to the press each morning."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduleDay(models.Model):
    """A day of the schedule. The day's page is public from the configured morning hour, or earlier once
    someone publishes it explicitly (`published_at`)."""

    day = models.DateField(_("date"), unique=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("published by"), null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-day"]
        verbose_name = _("schedule day")
        verbose_name_plural = _("schedule days")

    def __str__(self) -> str:
        return self.day.isoformat()


class ScheduleEntry(models.Model):
    day = models.ForeignKey(ScheduleDay, verbose_name=_("date"), on_delete=models.CASCADE, related_name="entries")
    starts_at = models.DateTimeField(_("time"))
    place = models.CharField(_("place"), max_length=120)
    event = models.CharField(_("event"), max_length=200)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["starts_at", "event"], name="media_schedule_no_double")]
        verbose_name = _("schedule entry")
        verbose_name_plural = _("schedule entries")

    def __str__(self) -> str:
        return self.event
