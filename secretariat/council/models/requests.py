"""Councillors' data requests (議員索資): one per Case of kind "data_request", with its contributing parts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Re-exported (`as`): defined in constants, which the pages and API read; the rest still reads it here.
from secretariat.council.constants import Urgency as Urgency

KIND = "data_request"  # the case kind, named here so services need not import the kind module


# Working days an agency has for each urgency, counted from the next working day after filing.
URGENCY_DAYS: dict[str, int] = {Urgency.NORMAL: 6, Urgency.QUICK: 3, Urgency.URGENT: 1}
# Since July 2025 the request system refuses anything sooner unless the councillor marks it urgent.
MIN_DAYS_WITHOUT_URGENT_MARK = 3


class DataRequest(models.Model):
    case = models.OneToOneField("cases.Case", primary_key=True, on_delete=models.CASCADE,
                                related_name="data_request")
    councillor = models.ForeignKey("council.Councillor", verbose_name=_("councillor"), on_delete=models.PROTECT,
                                   related_name="data_requests")
    # Empty for requests loaded by the system (data imports, the demo).
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("filed by"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    urgency = models.CharField(_("urgency"), max_length=8, choices=Urgency.choices, default=Urgency.NORMAL)
    marked_urgent = models.BooleanField(_("marked urgent by the councillor"), default=False)
    urgent_reason = models.CharField(_("reason for urgency"), max_length=500, blank=True)
    requested_due = models.DateField(_("date asked for"), null=True, blank=True)
    # The due date the rules give at filing; for an urgent request the agency head confirms it instead.
    rule_due = models.DateField(_("due by the rules"))
    head_confirmed_due = models.DateField(_("date confirmed by the agency head"), null=True, blank=True)
    head_confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("confirmed by"), null=True,
                                          blank=True, on_delete=models.PROTECT, related_name="+")
    head_confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    content = models.TextField(_("what is asked for"))
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("answered by"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    # The delivery timestamp the councillor sees: set by the senior reviewer's release.
    released_at = models.DateTimeField(_("delivered at"), null=True, blank=True, db_index=True)
    first_released_at = models.DateTimeField(_("first delivered at"), null=True, blank=True)
    released_on_time = models.BooleanField(_("delivered within the rules"), null=True, blank=True)
    reopen_reason = models.CharField(_("reason for reopening"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-case__received_at"]
        verbose_name = _("data request")
        verbose_name_plural = _("data requests")

    def __str__(self) -> str:
        return f"{self.case.reference} {self.subject}"

    @property
    def awaiting_date(self) -> bool:
        """An urgent request whose date the agency head has not yet agreed: "date to be confirmed"."""
        return self.marked_urgent and self.head_confirmed_due is None


class DataRequestPart(models.Model):
    """A contributing agency's part, collected by the Secretariat when it leads the request."""

    request = models.ForeignKey(DataRequest, verbose_name=_("data request"), on_delete=models.CASCADE,
                                related_name="parts")
    agency = models.ForeignKey("accounts.Agency", verbose_name=_("agency"), on_delete=models.PROTECT,
                               related_name="+")
    text = models.TextField(_("text"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("submitted by"),
                                     on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"))

    class Meta:
        ordering = ["submitted_at"]
        constraints = [models.UniqueConstraint(fields=["request", "agency"], name="council_request_part_unique")]
        verbose_name = _("contributed part")
        verbose_name_plural = _("contributed parts")

    def __str__(self) -> str:
        return f"{self.request_id} {self.agency_id}"
