"""Kernel tables: runtime settings, the working-day calendar, sequences, attachments, job runs."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class SiteSetting(models.Model):
    """A value an administrator may change at run time (the *configurable* rules of DOMAIN.md).

    Only keys declared in `secretariat.core.site_settings` are valid; the declaration holds the
    default, so an absent row means "the shipped default".
    """

    key = models.CharField(_("key"), max_length=100, unique=True)
    value = models.JSONField(_("value"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("site setting")
        verbose_name_plural = _("site settings")

    def __str__(self) -> str:
        return self.key


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Holiday")
    MAKEUP_WORKDAY = "makeup", _("Make-up workday")
    CLOSURE = "closure", _("Office closure")


class CalendarDay(models.Model):
    """A day that departs from the Monday–Friday rule: a holiday, a make-up workday or a closure."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=DayKind.choices)
    note = models.CharField(_("note"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=100, blank=True)

    class Meta:
        ordering = ["date"]
        permissions = [("manage_calendar", _("Can import the office calendar and declare closures"))]
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}"


class CalendarYear(models.Model):
    """A year whose official office calendar has been loaded; deadlines outside these are refused."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    source = models.CharField(_("source"), max_length=200)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("calendar year")
        verbose_name_plural = _("calendar years")

    def __str__(self) -> str:
        return str(self.year)


class Sequence(models.Model):
    """The last number given out for a key in a year (文號, case numbers); gapless, restarts yearly."""

    key = models.CharField(_("key"), max_length=60)
    year = models.PositiveSmallIntegerField(_("year"))
    last_value = models.PositiveBigIntegerField(_("last value"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "year"], name="core_sequence_key_year")]
        verbose_name = _("sequence")
        verbose_name_plural = _("sequences")

    def __str__(self) -> str:
        return f"{self.key}/{self.year}: {self.last_value}"


def attachment_storage() -> Storage:
    """The `attachments` storage of settings.STORAGES (an S3-compatible store is a settings change)."""
    return storages["attachments"]


class Attachment(models.Model):
    """An uploaded file. Never served from a public URL: downloads go through a permission check.

    `owner_type`/`owner_id` tie it to the record it belongs to once a domain service attaches it;
    until then only the uploader (and administrators) may read it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    file = models.FileField(_("file"), storage=attachment_storage, upload_to="%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    owner_type = models.CharField(_("owner type"), max_length=60, blank=True)
    owner_id = models.CharField(_("owner id"), max_length=64, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]
        indexes = [models.Index(fields=["owner_type", "owner_id"], name="core_attach_owner")]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class PeriodicRun(models.Model):
    """When each periodic job last ran, so the embedded scheduler never runs one twice per slot."""

    name = models.CharField(_("job"), max_length=100, unique=True)
    last_run_at = models.DateTimeField(_("last run at"))
    last_outcome = models.CharField(_("last outcome"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("periodic job run")
        verbose_name_plural = _("periodic job runs")

    def __str__(self) -> str:
        return self.name
