"""The choices of the counters' records that the pages and the API read as well as the models."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsultationField(models.TextChoices):
    LEGAL = "legal", _("Legal consultation")
    ARCHITECTURE = "architecture", _("Architecture consultation")
    LAND = "land", _("Land administration consultation")


class Mode(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    REMOTE = "remote", _("Remote")


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    SERVED = "served", _("Served")
    CANCELLED = "cancelled", _("Cancelled")
    NO_SHOW = "no_show", _("Did not come")


class EnquiryChannel(models.TextChoices):
    COUNTER = "counter", _("At the counter")
    PHONE = "phone", _("By phone")


class HelpKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual petition")
    COLLECTIVE = "collective", _("Collective petition")
