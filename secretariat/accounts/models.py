"""Agencies (機關), their units, and the people who use the platform."""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.constants import CITYWIDE_ROLES, Role
from secretariat.core.models import TimeStampedModel


class AgencyKind(models.TextChoices):
    CITY_AGENCY = "agency", _("City government agency")
    SUBORDINATE = "subordinate", _("Subordinate agency")
    DISTRICT_OFFICE = "district", _("District office")
    COMMITTEE = "committee", _("Committee")
    ENTERPRISE = "enterprise", _("City-owned enterprise")


class Agency(TimeStampedModel):
    """A city agency. `parent` is the agency it reports under: the work report's 民政局（含區公所）
    row counts 民政局 together with the district offices whose parent it is."""

    code = models.CharField(_("agency code"), max_length=10, unique=True, null=True, blank=True,
                            help_text=_("The 10-character code of the national agency code list, if known."))
    name = models.CharField(_("full name"), max_length=100, unique=True)
    short_name = models.CharField(_("short name"), max_length=30, unique=True)
    rollup_name = models.CharField(_("name with its subordinate offices"), max_length=40, blank=True,
                                   help_text=_("How reports name this agency when they count its "
                                               "subordinate offices with it, e.g. 民政局（含區公所）."))
    name_en = models.CharField(_("English name"), max_length=150, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=AgencyKind.choices, default=AgencyKind.CITY_AGENCY)
    parent = models.ForeignKey("self", verbose_name=_("reports under"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    is_secretariat = models.BooleanField(_("is the Secretariat"), default=False)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["sort_order", "short_name"]
        constraints = [
            models.UniqueConstraint(fields=["is_secretariat"], condition=Q(is_secretariat=True),
                                    name="accounts_one_secretariat"),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="accounts_agency_not_own_parent"),
        ]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.short_name

    @property
    def report_name(self) -> str:
        return self.rollup_name or self.short_name


class Unit(TimeStampedModel):
    """A unit inside an agency, such as the Secretariat's 文書組."""

    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="units")
    name = models.CharField(_("name"), max_length=60)
    name_en = models.CharField(_("English name"), max_length=120, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["agency__sort_order", "sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="accounts_unit_agency_name")]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return f"{self.agency.short_name} {self.name}"


class User(AbstractUser):
    display_name = models.CharField(_("display name"), max_length=60, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SECRETARIAT_STAFF)
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="members")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="members")
    phone = models.CharField(_("office phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def sees_all_agencies(self) -> bool:
        return self.is_active and (self.is_superuser or self.role in CITYWIDE_ROLES)


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the token is shown once, when created."""

    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(_("prefix"), max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @staticmethod
    def hash_key(raw: str) -> str:
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()
