"""Citizens' petitions to the mayor (陳情). Each petition is the details of one tracked Case.

The petitioner's name, e-mail, phone and address are personal data: shown masked unless a person
with a stated, approved reason asks to see them, and every such view is logged (audit app).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Re-exported (`as`): defined in constants, which the pages and API read; the rest still reads it here.
from secretariat.petitions.constants import Channel as Channel

# Files attached to a petition are core Attachments with this owner type and the case id as owner id.
ATTACHMENT_OWNER = "petition"


class Category(models.Model):
    """A subject area of petitions. Its answer time is the *configurable per category* rule."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=60)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)
    answer_days = models.PositiveSmallIntegerField(_("working days to answer"), default=6)
    description = models.CharField(_("description"), max_length=300, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("petition category")
        verbose_name_plural = _("petition categories")

    def __str__(self) -> str:
        return self.name


class Petition(models.Model):
    case = models.OneToOneField("cases.Case", verbose_name=_("case"), on_delete=models.PROTECT,
                                related_name="petition", primary_key=True)
    category = models.ForeignKey(Category, verbose_name=_("category"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="petitions")
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    subject = models.CharField(_("subject"), max_length=200)
    content = models.TextField(_("content"), max_length=20000)
    is_collective = models.BooleanField(_("collective petition"), default=False)
    people_count = models.PositiveIntegerField(_("number of people"), default=1)
    location = models.CharField(_("location"), max_length=200, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    is_confidential = models.BooleanField(_("needs secrecy"), default=False)
    # Personal data: read only through petitions.access.personal_data, which masks and logs.
    petitioner_name = models.CharField(_("petitioner's name"), max_length=100, blank=True)
    petitioner_email = models.EmailField(_("petitioner's e-mail"), blank=True)
    petitioner_phone = models.CharField(_("petitioner's phone"), max_length=30, blank=True)
    petitioner_address = models.CharField(_("petitioner's address"), max_length=200, blank=True)
    # A keyed hash of the normalised e-mail or phone: finds a petitioner's earlier cases (duplicates)
    # without reading their personal data.
    petitioner_key = models.CharField(max_length=64, blank=True, db_index=True)
    password_hash = models.CharField(_("case password"), max_length=128, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("registered by"), null=True,
                                      blank=True, on_delete=models.PROTECT, related_name="+")
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("answered by"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    rating_comment = models.CharField(_("rating comment"), max_length=500, blank=True)
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        constraints = [
            models.CheckConstraint(condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                                   name="petitions_rating_1_to_5"),
            models.CheckConstraint(condition=models.Q(people_count__gte=1), name="petitions_people_at_least_one"),
        ]

    def __str__(self) -> str:
        # str() labels audit rows and the access log, which auditors read: a petition needing secrecy
        # goes by its case number only, as its case does (密不錄由).
        return self.case.reference if self.is_confidential else self.subject


class PendingSubmission(models.Model):
    """A public-form petition waiting for the sender to confirm their e-mail address.

    Nothing becomes a case until the link in the mail is followed; unconfirmed submissions expire and
    are deleted with their personal data.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    email = models.EmailField()
    payload = models.JSONField()
    attachment_ids = models.JSONField(default=list)
    client_ip = models.CharField(max_length=45, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    expires_at = models.DateTimeField()
    petition = models.OneToOneField(Petition, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Kept (without the payload) until the link would have expired, so a second use is told it was used.
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("submission awaiting confirmation")
        verbose_name_plural = _("submissions awaiting confirmation")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M}"


class DisclosureStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class DisclosureRequest(models.Model):
    """A caseworker asks to see a petitioner's personal data; a supervisor decides."""

    petition = models.ForeignKey(Petition, verbose_name=_("petition"), on_delete=models.CASCADE,
                                 related_name="disclosure_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("asked by"), on_delete=models.PROTECT,
                                     related_name="+")
    reason = models.CharField(_("reason"), max_length=500)
    requested_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=DisclosureStatus.choices,
                              default=DisclosureStatus.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    decision_note = models.CharField(_("note on the decision"), max_length=500, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("personal-data request")
        verbose_name_plural = _("personal-data requests")

    def __str__(self) -> str:
        return f"{self.petition_id} {self.status}"


class LookupFailure(models.Model):
    """A wrong case number or password on the public answer page; counted to lock out guessing."""

    reference = models.CharField(max_length=20, db_index=True)
    client_ip = models.CharField(max_length=45, db_index=True)
    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.reference} {self.client_ip}"


class RoutingModel(models.Model):
    """The routing suggester trained on past assignments (character n-grams → agency weights)."""

    trained_at = models.DateTimeField(auto_now_add=True)
    sample_count = models.PositiveIntegerField()
    parameters = models.JSONField()

    class Meta:
        ordering = ["-trained_at"]
        verbose_name = _("routing model")
        verbose_name_plural = _("routing models")

    def __str__(self) -> str:
        return f"{self.trained_at:%Y-%m-%d} ({self.sample_count})"
