"""The council as the platform knows it: terms (屆), sessions (會期), caucuses (黨團) and councillors."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Term(models.Model):
    number = models.PositiveSmallIntegerField(_("term"), unique=True, help_text=_("e.g. 14 for 第14屆"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        ordering = ["-number"]
        verbose_name = _("council term")
        verbose_name_plural = _("council terms")

    def __str__(self) -> str:
        return f"第{self.number}屆"


class SessionKind(models.TextChoices):
    REGULAR = "regular", _("Regular session (定期大會)")
    EXTRAORDINARY = "extraordinary", _("Extraordinary session (臨時大會)")


class Session(models.Model):
    term = models.ForeignKey(Term, verbose_name=_("term"), on_delete=models.PROTECT, related_name="sessions")
    kind = models.CharField(_("kind"), max_length=14, choices=SessionKind.choices, default=SessionKind.REGULAR)
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("e.g. 2 for 第2次定期大會"))
    starts_on = models.DateField(_("opens on"))
    ends_on = models.DateField(_("closes on"))
    answer_days = models.PositiveSmallIntegerField(
        _("days for written answers"), default=7,
        help_text=_("Calendar days agencies have for a written answer to a question of this session."),
    )

    class Meta:
        ordering = ["-starts_on"]
        constraints = [models.UniqueConstraint(fields=["term", "kind", "number"], name="council_session_unique")]
        verbose_name = _("council session")
        verbose_name_plural = _("council sessions")

    def __str__(self) -> str:
        label = "定期大會" if self.kind == SessionKind.REGULAR else "臨時大會"
        return f"第{self.term.number}屆第{self.number}次{label}"


class Caucus(models.Model):
    term = models.ForeignKey(Term, verbose_name=_("term"), on_delete=models.PROTECT, related_name="caucuses")
    name = models.CharField(_("name"), max_length=60)
    short_name = models.CharField(_("short name"), max_length=20)

    class Meta:
        ordering = ["term", "name"]
        constraints = [models.UniqueConstraint(fields=["term", "name"], name="council_caucus_unique")]
        verbose_name = _("caucus")
        verbose_name_plural = _("caucuses")

    def __str__(self) -> str:
        return self.short_name or self.name


class Councillor(models.Model):
    term = models.ForeignKey(Term, verbose_name=_("term"), on_delete=models.PROTECT, related_name="councillors")
    name = models.CharField(_("name"), max_length=40)
    caucus = models.ForeignKey(Caucus, verbose_name=_("caucus"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="members")
    district = models.CharField(_("electoral district"), max_length=60, blank=True)
    phone = models.CharField(_("office phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    office = models.CharField(_("office"), max_length=100, blank=True)
    # The councillor's own account for the councillor portal (role "councillor"), when they have one.
    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("portal account"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="councillor")
    is_active = models.BooleanField(_("in office"), default=True)

    class Meta:
        ordering = ["term", "name"]
        constraints = [models.UniqueConstraint(fields=["term", "name"], name="council_councillor_unique")]
        verbose_name = _("councillor")
        verbose_name_plural = _("councillors")

    def __str__(self) -> str:
        return self.name
