"""The City Hall general counter (綜合諮詢櫃檯): enquiries tallied by category, and the citizens helped
with a petition at the counter (協處民眾陳情).

An enquiry is one row per click: the counter's statistics are counts of rows, so every figure of the
report can say which records it counted. An entry undone by the clerk stays as a row with
`cancelled_at` set (the audit trail names it) and is left out of every count.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Re-exported (`as`): defined in constants, which the pages and API read; the rest still reads them here.
from secretariat.counters.constants import EnquiryChannel as EnquiryChannel
from secretariat.counters.constants import HelpKind as HelpKind


class EnquiryCategory(models.Model):
    """A subject area the counter tallies (民政, 交通 …); configurable by a Secretariat administrator."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=40, unique=True)
    name_en = models.CharField(_("English name"), max_length=80, blank=True)
    # The key a clerk presses on the counter screen: one digit or letter, unique among categories.
    hotkey = models.CharField(_("keyboard key"), max_length=1, unique=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("enquiry category")
        verbose_name_plural = _("enquiry categories")

    def __str__(self) -> str:
        return self.name


class Enquiry(models.Model):
    category = models.ForeignKey(EnquiryCategory, verbose_name=_("category"), on_delete=models.PROTECT,
                                 related_name="enquiries")
    channel = models.CharField(_("channel"), max_length=10, choices=EnquiryChannel.choices,
                               default=EnquiryChannel.COUNTER)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"))
    # The Taipei day of `recorded_at`, stored so counts by day and month are index range scans.
    recorded_on = models.DateField(_("recorded on"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    cancelled_at = models.DateTimeField(_("undone at"), null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("counter enquiry")
        verbose_name_plural = _("counter enquiries")
        permissions = [("record_enquiry", _("Can tally enquiries and record petition help at the counter"))]
        indexes = [
            # The statistics: counted enquiries of a date range, grouped by month and category.
            models.Index(fields=["recorded_on", "category"], condition=Q(cancelled_at__isnull=True),
                         name="counters_enquiry_counted_idx"),
            # Undo: the clerk's own latest entry.
            models.Index(fields=["recorded_by", "-recorded_at"], name="counters_enquiry_by_clerk_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.recorded_on} {self.category_id}"


class EnquiryDay(models.Model):
    """Counted enquiries of one day in one category: a summary kept up to date in the same transaction as
    every tally and undo, so statistics over years read a few thousand rows instead of every click.
    `enquiry_days_rebuild` recomputes it from the enquiries (after a bulk load, or to repair)."""

    day = models.DateField(_("date"))
    category = models.ForeignKey(EnquiryCategory, verbose_name=_("category"), on_delete=models.PROTECT,
                                 related_name="+")
    count = models.PositiveIntegerField(_("enquiries"), default=0)

    class Meta:
        ordering = ["day", "category"]
        verbose_name = _("enquiries of a day")
        verbose_name_plural = _("enquiries of a day")
        constraints = [models.UniqueConstraint(fields=["day", "category"], name="counters_enquiryday_unique")]

    def __str__(self) -> str:
        return f"{self.day} {self.category_id}: {self.count}"


class PetitionHelp(models.Model):
    """Citizens helped with a petition at the counter: one person (個別陳情) or a group (集體陳情)."""

    helped_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=12, choices=HelpKind.choices)
    people_count = models.PositiveIntegerField(_("number of people"), default=1)
    action_taken = models.TextField(_("what was done"), max_length=2000)
    # The petition filed for the citizen, when there is one; its number is kept as typed too, so the
    # row still says which case it was if the link is ever removed.
    petition_case = models.ForeignKey("cases.Case", verbose_name=_("petition case"), null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")
    petition_reference = models.CharField(_("petition case number"), max_length=20, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-helped_on", "-pk"]
        verbose_name = _("petition help at the counter")
        verbose_name_plural = _("petition help at the counter")
        indexes = [models.Index(fields=["helped_on", "kind"], name="counters_help_day_kind_idx")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=HelpKind.INDIVIDUAL, people_count=1)
                           | Q(kind=HelpKind.COLLECTIVE, people_count__gte=2)),
                name="counters_help_people_fit_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.helped_on} {self.get_kind_display()}"
