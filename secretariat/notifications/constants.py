"""The states of a mail on its way, and the limits of delivery. The channels are the kernel's
(core.notification_events), re-exported here for this app's models and forms."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from secretariat.core.notification_events import Channel

__all__ = ["Channel", "MailStatus"]


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


# A mail that failed this many times stays failed until an administrator sends it again: the address or
# the server needs a person's attention, and retrying for ever would only fill the log.
MAX_ATTEMPTS = 5
# Retries wait 1, 2, 4, 8 minutes: long enough for a mail server to come back, short enough for same-day news.
RETRY_BASE_SECONDS = 60
PAGE_SIZE = 30
SUBJECT_LENGTH = 300
