"""The work report's own records: the prose around the figures (opening address, outlook, closing).

Figures are never stored here: they are computed from the apps' records each time a report is made.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportProse(models.Model):
    """The text of one prose place of the report for one half-year. `version` grows by one on every
    save, so two people editing at once cannot overwrite each other unnoticed."""

    period_code = models.CharField(_("period"), max_length=6)
    # The period's first day, so "the latest period before this one" is a date comparison (codes as text
    # would put 99H2 after 112H1).
    period_start = models.DateField(_("period starts"))
    place = models.CharField(_("place"), max_length=20)
    text = models.TextField(_("text"))
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("updated by"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("report text")
        verbose_name_plural = _("report texts")
        ordering = ["period_code", "place"]
        constraints = [models.UniqueConstraint(fields=["period_code", "place"], name="reporting_prose_unique_place")]
        indexes = [models.Index(fields=["place", "period_start"], name="reporting_prose_place_start")]

    def __str__(self) -> str:
        return f"{self.period_code} {self.place}"
