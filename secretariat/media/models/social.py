"""Posts on the city's social media accounts: planned (the calendar) and published, with reach figures."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Re-exported (`as`): defined in constants, which the pages and API read; the rest still reads them here.
from secretariat.media.constants import Platform as Platform
from secretariat.media.constants import PostType as PostType


class SocialPost(models.Model):
    """One post on one platform. It is planned until `published_at` is set; reach is filled in later."""

    platform = models.CharField(_("platform"), max_length=10, choices=Platform.choices)
    post_type = models.CharField(_("type"), max_length=6, choices=PostType.choices)
    title = models.CharField(_("title"), max_length=200)
    planned_at = models.DateTimeField(_("planned for"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    reach = models.PositiveIntegerField(_("reach"), null=True, blank=True)
    reach_updated_at = models.DateTimeField(_("reach updated at"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-planned_at", "-pk"]
        indexes = [
            models.Index(fields=["planned_at"], name="media_post_planned"),
            models.Index(fields=["post_type", "published_at"], name="media_post_published",
                         condition=Q(published_at__isnull=False)),
        ]
        constraints = [models.UniqueConstraint(fields=["link"], condition=~Q(link=""), name="media_post_link_once")]
        verbose_name = _("social media post")
        verbose_name_plural = _("social media posts")

    def __str__(self) -> str:
        return self.title
