"""Tracked items (列管案件) of every kind: one `Case` table and its `CaseEvent` timeline.

A kind (petition, council question, data request, directive, opinion incident) keeps its own details
in its own app, linked one-to-one to its Case; the engine never names a kind.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Re-exported (`as`): the statuses are defined in constants (views read them there) and read here by the rest.
from secretariat.cases.constants import OPEN_STATUSES as OPEN_STATUSES
from secretariat.cases.constants import RUNNING_STATUSES as RUNNING_STATUSES
from secretariat.cases.constants import CaseStatus as CaseStatus
from secretariat.cases.constants import Outcome as Outcome

# The statuses the inbox lists by default (selectors.scope.ACTIVE_STATUSES): open, or answered and not yet checked.
WAITING = Q(status__in=(*OPEN_STATUSES, CaseStatus.ANSWERED))


class Case(models.Model):
    kind = models.CharField(_("kind"), max_length=30, db_index=True)
    reference = models.CharField(_("case number"), max_length=20, unique=True)
    title = models.CharField(_("subject"), max_length=200)
    # Set by the case's kind when it opens the case (a petition needing secrecy): registered as 密不錄由,
    # the subject and timeline are read only by the kind's confidential readers (see cases.parties).
    confidential = models.BooleanField(_("confidential"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.RECEIVED)
    lead_agency = models.ForeignKey("accounts.Agency", verbose_name=_("lead agency"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="lead_cases")
    co_agencies = models.ManyToManyField("accounts.Agency", verbose_name=_("co-agencies"), blank=True,
                                         related_name="co_cases")
    received_at = models.DateTimeField(_("received at"))
    received_on = models.DateField(_("received on"), help_text=_("The day of receipt in Taipei time."))
    assigned_on = models.DateField(_("assigned on"), null=True, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    outcome = models.CharField(_("result"), max_length=8, choices=Outcome.choices, blank=True)
    extension_requested_until = models.DateField(_("extension requested until"), null=True, blank=True)
    extension_reason = models.CharField(_("extension reason"), max_length=500, blank=True)
    extended = models.BooleanField(_("extension approved"), default=False)
    reopen_count = models.PositiveSmallIntegerField(_("times reopened"), default=0)
    decline_reason = models.CharField(_("reason declined"), max_length=30, blank=True)
    merged_into = models.ForeignKey("self", verbose_name=_("merged into"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="merged_cases")
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-received_at"]
        indexes = [
            # An agency's inbox: its open cases by due date.
            models.Index(fields=["lead_agency", "status", "due_on"], name="cases_inbox"),
            # Statistics for a period: kind and day of receipt.
            models.Index(fields=["kind", "received_on"], name="cases_kind_received"),
            # A kind's queue, newest first (an agency's data requests among the councillors' questions): the
            # scan walks one kind in the list's order and stops at the page's end instead of sorting them all.
            models.Index(fields=["kind", "-received_at", "-id"], name="cases_kind_newest"),
            models.Index(fields=["status", "due_on"], name="cases_status_due"),
            # The inbox's columns sorted over the cases still waiting (a few percent of all): without these, sorting
            # by number walks the whole unique index past every closed case (measured: 270 ms at 1M cases).
            models.Index(fields=["reference", "id"], name="cases_waiting_reference", condition=WAITING),
            models.Index(fields=["received_at", "id"], name="cases_waiting_received", condition=WAITING),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(status="merged") | Q(merged_into__isnull=False),
                                   name="cases_merged_has_target"),
        ]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        # str() labels audit rows, admin lists and choices, which everyone with access to them reads.
        return self.reference if self.confidential else f"{self.reference} {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class CaseEvent(models.Model):
    """One step of a case's life, in order: who fired which transition, from which status to which."""

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="events")
    occurred_at = models.DateTimeField(_("time"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    actor_label = models.CharField(_("by"), max_length=150)
    action = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(_("from"), max_length=12, blank=True)
    to_status = models.CharField(_("to"), max_length=12)
    agency = models.ForeignKey("accounts.Agency", verbose_name=_("agency"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("note"), blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["occurred_at", "pk"]
        indexes = [models.Index(fields=["case", "occurred_at"], name="cases_event_case_time")]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")

    def __str__(self) -> str:
        return f"{self.case_id} {self.action}"


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    ESCALATION = "escalation", _("Overdue, escalated to the agency head")


class ReminderDigest(models.Model):
    """One reminder mail per agency, kind and day: the unique row is what stops a second run mailing."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=ReminderKind.choices)
    sent_on = models.DateField()
    case_count = models.PositiveIntegerField()
    recipients = models.JSONField(default=list)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "kind", "sent_on"], name="cases_digest_once")]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")

    def __str__(self) -> str:
        return f"{self.agency_id} {self.kind} {self.sent_on}"
