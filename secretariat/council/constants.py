"""The choices of council records that the pages and the API read as well as the models."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normal (普通件)")
    QUICK = "quick", _("Quick (速件)")
    URGENT = "urgent", _("Most urgent (最速件)")
