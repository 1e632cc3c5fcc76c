"""A case's statuses and outcomes: the choices the models store and the pages and API read."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    RETURNED = "returned", _("Returned for re-routing")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    DECLINED = "declined", _("Declined")
    MERGED = "merged", _("Merged into another case")


OPEN_STATUSES = (CaseStatus.RECEIVED, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.RETURNED)
# Statuses in which an agency still owes an answer: due dates run only here.
RUNNING_STATUSES = (CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS)


class Outcome(models.TextChoices):
    ON_TIME = "on_time", _("Answered on time (依限辦結)")
    LATE = "late", _("Answered late (逾限辦結)")

# What a confidential case's subject reads outside its confidential readers, and in every mail (密不錄由).
CONFIDENTIAL_TITLE = _("Confidential (密件)")

# A step's files are attachments owned by the step's CaseEvent (core.attachments; the owner id is the event's pk).
STEP_FILES_OWNER = "cases.caseevent"
MAX_STEP_FILES = 10  # files one step may carry; each file's size is the site's `attachments.max_megabytes`
