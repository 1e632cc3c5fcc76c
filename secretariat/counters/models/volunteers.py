"""Volunteers (志工服務): the roster, the posts they staff (each gate of City Hall, the joint service centre),
their shifts with attendance and hours, the daily counts per post of people served and leaflets handed out,
and their trainings."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Post(models.Model):
    """A volunteer service desk (reference data)."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("volunteer post")
        verbose_name_plural = _("volunteer posts")

    def __str__(self) -> str:
        return self.name


class Volunteer(models.Model):
    """One volunteer. Phone and e-mail are personal data: masked on screens, revealed only with a logged reason."""

    name = models.CharField(_("full name"), max_length=60)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    skills = models.CharField(_("skills"), max_length=300, blank=True)
    availability = models.CharField(_("availability"), max_length=300, blank=True)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")

    def __str__(self) -> str:
        return self.name


class Shift(models.Model):
    """A planned turn of one volunteer at one post. `minutes` is the planned length; `attended_minutes` is
    set when attendance is taken (0 for an absence), and is what service hours add up."""

    volunteer = models.ForeignKey(Volunteer, verbose_name=_("volunteer"), on_delete=models.PROTECT,
                                  related_name="shifts")
    post = models.ForeignKey(Post, verbose_name=_("post"), on_delete=models.PROTECT, related_name="shifts")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    minutes = models.PositiveIntegerField(_("planned minutes"))
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    attended_minutes = models.PositiveIntegerField(_("minutes served"), default=0)
    planned_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("planned by"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["starts_at", "post__sort_order"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="counters_shift_ends_after"),
        ]
        indexes = [models.Index(fields=["volunteer", "starts_at"], name="counters_shift_volunteer"),
                   models.Index(fields=["starts_at"], name="counters_shift_start")]
        verbose_name = _("volunteer shift")
        verbose_name_plural = _("volunteer shifts")

    def __str__(self) -> str:
        return f"{self.volunteer} {self.starts_at:%Y-%m-%d %H:%M}"


class DailyCount(models.Model):
    """People served and leaflets handed out at one post on one day (one row per post and day)."""

    post = models.ForeignKey(Post, verbose_name=_("post"), on_delete=models.PROTECT, related_name="daily_counts")
    date = models.DateField(_("date"))
    people_served = models.PositiveIntegerField(_("people served"), default=0)
    leaflets = models.PositiveIntegerField(_("leaflets handed out"), default=0)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-date", "post__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["post", "date"], name="counters_dailycount_post_date"),
            models.CheckConstraint(condition=Q(people_served__gte=0) & Q(leaflets__gte=0),
                                   name="counters_dailycount_not_negative"),
        ]
        indexes = [models.Index(fields=["date"], name="counters_dailycount_date")]
        verbose_name = _("daily volunteer count")
        verbose_name_plural = _("daily volunteer counts")

    def __str__(self) -> str:
        return f"{self.date} {self.post}"


class VolunteerTraining(models.Model):
    held_on = models.DateField(_("date"), db_index=True)
    title = models.CharField(_("title"), max_length=120)
    venue = models.CharField(_("venue"), max_length=120, blank=True)
    attendees = models.ManyToManyField(Volunteer, verbose_name=_("attendees"), blank=True, related_name="trainings")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("volunteer training")
        verbose_name_plural = _("volunteer trainings")

    def __str__(self) -> str:
        return self.title
