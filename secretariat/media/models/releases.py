"""Press releases (新聞稿): drafted by an agency, approved by the unit head and then by the Secretariat's
media unit (媒體事務組), published at once or at a set time, corrected in public with their history."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Re-exported (`as`): defined in constants, which the pages and API read; the rest still reads them here.
from secretariat.media.constants import ReleaseStatus as ReleaseStatus

# A release is public from `published_at` on in either of these states: a scheduled release needs no job to
# appear at its time (the job only tidies its status), so the public pages never show one early or late.
# `published_at` is set exactly in these states (a check constraint holds it), so the public pages filter
# on `published_at` alone and walk the (published_at, id) index newest first: a filter on status would
# lead SQLite to the status index and a sort of every public release.
PUBLIC_STATES = (ReleaseStatus.SCHEDULED, ReleaseStatus.PUBLISHED)


class PressRelease(models.Model):
    agency = models.ForeignKey("accounts.Agency", verbose_name=_("agency"), on_delete=models.PROTECT,
                               related_name="press_releases")
    # The drafter's unit: inside the Secretariat the unit head of this unit gives the first approval.
    unit = models.ForeignKey("accounts.Unit", verbose_name=_("unit"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="press_releases")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), help_text=_("Limited rich text: paragraphs, bold, italic, lists and links."))
    status = models.CharField(_("status"), max_length=14, choices=ReleaseStatus.choices, default=ReleaseStatus.DRAFT)
    # Optimistic concurrency: every write compares and bumps it, so two editors cannot overwrite each other.
    version = models.PositiveIntegerField(_("version"), default=1)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("drafted by"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    unit_approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by the unit head"),
                                         null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    unit_approved_at = models.DateTimeField(_("unit head approved at"), null=True, blank=True)
    media_approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by the media unit"),
                                          null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    media_approved_at = models.DateTimeField(_("media unit approved at"), null=True, blank=True)
    return_note = models.CharField(_("reason for returning"), max_length=500, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    corrected_at = models.DateTimeField(_("last corrected at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            # The public list and feeds: newest first, all agencies or one, keyset on (published_at, id).
            models.Index(fields=["published_at", "id"], name="media_release_public"),
            models.Index(fields=["agency", "published_at", "id"], name="media_release_agency_public"),
            models.Index(fields=["status", "agency"], name="media_release_inbox"),
        ]
        constraints = [
            models.CheckConstraint(name="media_release_public_has_time", condition=(
                Q(status__in=["scheduled", "published"], published_at__isnull=False)
                | (~Q(status__in=["scheduled", "published"]) & Q(published_at__isnull=True)))),
        ]
        # Given in the admin to the head of a Secretariat unit (see access/press.py).
        permissions = [("approve_as_unit_head", _("Can approve press releases as the head of the drafting unit"))]
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    def __str__(self) -> str:
        return self.title

    @property
    def is_corrected(self) -> bool:
        return self.corrected_at is not None


class ReleaseRevision(models.Model):
    """The text as it was made public: number 1 at publication, one more for every correction."""

    release = models.ForeignKey(PressRelease, verbose_name=_("press release"), on_delete=models.CASCADE,
                                related_name="revisions")
    number = models.PositiveIntegerField(_("revision"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"))
    note = models.CharField(_("correction note"), max_length=500, blank=True)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("made by"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(_("made at"))

    class Meta:
        ordering = ["release", "number"]
        constraints = [models.UniqueConstraint(fields=["release", "number"], name="media_revision_number")]
        verbose_name = _("release revision")
        verbose_name_plural = _("release revisions")

    def __str__(self) -> str:
        return f"{self.release_id} r{self.number}"


class ReleaseFileKind(models.TextChoices):
    IMAGE = "image", _("Image")
    ATTACHMENT = "attachment", _("Attachment")


class ReleaseFile(models.Model):
    release = models.ForeignKey(PressRelease, verbose_name=_("press release"), on_delete=models.CASCADE,
                                related_name="files")
    attachment = models.OneToOneField("core.Attachment", verbose_name=_("file"), on_delete=models.PROTECT,
                                      related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=ReleaseFileKind.choices)
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    class Meta:
        ordering = ["release", "kind", "pk"]
        verbose_name = _("release file")
        verbose_name_plural = _("release files")

    def __str__(self) -> str:
        return self.caption or str(self.attachment_id)
