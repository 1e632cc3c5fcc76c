"""Public-opinion monitoring (輿情): items seen in the media, the feeds they are imported from, the
agencies' responses, and the daily digests (輿情日報) sent to the agencies concerned.

An item that needs a tracked answer is escalated: it gets a Case of kind `opinion_incident` (one-to-one,
set on the item), whose lead agency must respond the same day by default.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Re-exported (`as`): defined in constants, which the pages and API read; the rest still reads them here.
from secretariat.media.constants import Medium as Medium
from secretariat.media.constants import ResponseKind as ResponseKind
from secretariat.media.constants import Sentiment as Sentiment

INCIDENT_KIND = "opinion_incident"  # the case kind, named here so services need not import the kind module


class ItemSource(models.TextChoices):
    MANUAL = "manual", _("Entered by a monitor")
    CSV = "csv", _("Imported from CSV")
    FEED = "feed", _("Imported from a feed")


class OpinionFeed(models.Model):
    """An RSS or Atom feed an administrator asked to watch; its entries become opinion items."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    url = models.CharField(_("feed address"), max_length=500)
    outlet = models.CharField(_("outlet"), max_length=100)
    medium = models.CharField(_("medium"), max_length=8, choices=Medium.choices, default=Medium.NEWS)
    is_active = models.BooleanField(_("active"), default=True)
    last_fetched_at = models.DateTimeField(_("last fetched at"), null=True, blank=True)
    last_result = models.CharField(_("last result"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("opinion feed")
        verbose_name_plural = _("opinion feeds")

    def __str__(self) -> str:
        return self.name


class OpinionItem(models.Model):
    """One report, broadcast or post about the city government, with its severity for ranking.

    `severity` is what lists sort by: the computed score, or the monitor's override when there is one
    (kept in one column so the ranking is an index scan, not an expression per row)."""

    outlet = models.CharField(_("outlet"), max_length=100)
    medium = models.CharField(_("medium"), max_length=8, choices=Medium.choices)
    link = models.CharField(_("link"), max_length=1000, blank=True)
    # The link with tracking parameters, fragments and case differences removed; NULL when there is no link
    # (a TV or radio item), so the unique constraint refuses only real duplicates.
    link_key = models.CharField(_("normalised link"), max_length=1000, null=True, blank=True, unique=True)
    headline = models.CharField(_("headline"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    sentiment = models.CharField(_("sentiment"), max_length=8, choices=Sentiment.choices, default=Sentiment.NEUTRAL)
    reach = models.PositiveIntegerField(_("reach"), default=0, help_text=_("Readers, viewers or interactions."))
    topics = models.CharField(_("topics"), max_length=300, blank=True)
    agencies = models.ManyToManyField("accounts.Agency", verbose_name=_("agencies concerned"), blank=True,
                                      related_name="opinion_items")
    seen_at = models.DateTimeField(_("seen at"))
    seen_on = models.DateField(_("day seen"), help_text=_("The day seen in Taipei time: the digest's day."))
    source = models.CharField(_("source"), max_length=8, choices=ItemSource.choices, default=ItemSource.MANUAL)
    feed = models.ForeignKey(OpinionFeed, verbose_name=_("feed"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="items")
    computed_score = models.PositiveSmallIntegerField(_("computed score"), default=0)
    score_override = models.PositiveSmallIntegerField(_("adjusted score"), null=True, blank=True)
    override_reason = models.CharField(_("reason for the adjustment"), max_length=300, blank=True)
    severity = models.PositiveSmallIntegerField(_("severity"), default=0)
    case = models.OneToOneField("cases.Case", verbose_name=_("incident case"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="opinion_item")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("entered by"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        ordering = ["-severity", "-seen_at", "-pk"]
        indexes = [
            # The ranked list and its keyset pagination, within a day range.
            models.Index(fields=["seen_on", "severity", "seen_at"], name="media_opinion_day_rank"),
            models.Index(fields=["severity", "seen_at", "id"], name="media_opinion_rank"),
        ]
        verbose_name = _("opinion item")
        verbose_name_plural = _("opinion items")

    def __str__(self) -> str:
        return f"#{self.pk} {self.headline}"


class OpinionResponse(models.Model):
    """An agency's public answer to an item (escalated or not): what the report counts (五(二) 2)."""

    item = models.ForeignKey(OpinionItem, verbose_name=_("opinion item"), on_delete=models.PROTECT,
                             related_name="responses")
    agency = models.ForeignKey("accounts.Agency", verbose_name=_("agency"), on_delete=models.PROTECT,
                               related_name="opinion_responses")
    kind = models.CharField(_("kind of response"), max_length=16, choices=ResponseKind.choices)
    responded_at = models.DateTimeField(_("responded at"))
    responded_on = models.DateField(_("day of response"))
    link = models.CharField(_("link"), max_length=1000, blank=True)
    text = models.TextField(_("text"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["responded_at", "pk"]
        indexes = [models.Index(fields=["responded_on"], name="media_response_day")]
        verbose_name = _("opinion response")
        verbose_name_plural = _("opinion responses")

    def __str__(self) -> str:
        return f"{self.agency_id} {self.get_kind_display()}"


class OpinionDigest(models.Model):
    """The daily digest for one day's items. One per day: the unique day stops a second run sending."""

    day = models.DateField(_("day covered"), unique=True)
    compiled_at = models.DateTimeField(_("compiled at"))
    item_count = models.PositiveIntegerField(_("items"))
    agency_count = models.PositiveIntegerField(_("agencies sent to"))

    class Meta:
        ordering = ["-day"]
        verbose_name = _("opinion digest")
        verbose_name_plural = _("opinion digests")

    def __str__(self) -> str:
        return str(self.day)


class DigestDelivery(models.Model):
    """Who received one agency's part of a digest, by e-mail and in the platform."""

    digest = models.ForeignKey(OpinionDigest, on_delete=models.CASCADE, related_name="deliveries")
    agency = models.ForeignKey("accounts.Agency", verbose_name=_("agency"), on_delete=models.PROTECT,
                               related_name="+")
    item_count = models.PositiveIntegerField(_("items"))
    recipients = models.JSONField(_("recipients"), default=list)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["digest", "agency"], name="media_digest_delivery_once")]
        verbose_name = _("digest delivery")
        verbose_name_plural = _("digest deliveries")

    def __str__(self) -> str:
        return f"{self.digest_id} {self.agency_id}"
