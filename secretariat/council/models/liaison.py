"""Liaison with the council: agencies' liaison officers (府會聯絡員), caucus briefings (黨團報告) and the
liaison officers' training courses (府會聯絡員研習班)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from secretariat.council.models.structure import Caucus


class LiaisonOfficer(models.Model):
    agency = models.ForeignKey("accounts.Agency", verbose_name=_("agency"), on_delete=models.PROTECT,
                               related_name="council_liaison_officers")
    # The officer's platform account when they have one; the roster still lists people without one.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("platform account"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="council_liaison_roles")
    name = models.CharField(_("name"), max_length=40)
    title = models.CharField(_("job title"), max_length=60, blank=True)
    phone = models.CharField(_("office phone"), max_length=30, blank=True)
    mobile = models.CharField(_("mobile phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["agency__sort_order", "agency__name", "name"]
        verbose_name = _("liaison officer")
        verbose_name_plural = _("liaison officers")

    def __str__(self) -> str:
        return self.name


class Briefing(models.Model):
    """The mayor (with the agencies concerned) briefing one caucus on the session's major bills."""

    held_on = models.DateField(_("date"), db_index=True)
    caucus = models.ForeignKey(Caucus, verbose_name=_("caucus"), on_delete=models.PROTECT, related_name="briefings")
    topics = models.TextField(_("bills and topics"))
    attending_users = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("city attendees"),
                                             blank=True, related_name="council_briefings")
    attending_agencies = models.ManyToManyField("accounts.Agency", verbose_name=_("agencies attending"),
                                                blank=True, related_name="council_briefings")
    attendees_note = models.TextField(_("other attendees"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("caucus briefing")
        verbose_name_plural = _("caucus briefings")

    def __str__(self) -> str:
        return f"{self.held_on} {self.caucus}"


class Training(models.Model):
    held_on = models.DateField(_("date"), db_index=True)
    title = models.CharField(_("title"), max_length=120)
    venue = models.CharField(_("venue"), max_length=120, blank=True)
    attendees = models.ManyToManyField(LiaisonOfficer, verbose_name=_("attendees"), blank=True,
                                       related_name="trainings")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("liaison training")
        verbose_name_plural = _("liaison trainings")

    def __str__(self) -> str:
        return self.title
