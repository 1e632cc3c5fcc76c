"""Expert consultations (專業諮詢服務): the partner associations, the session slots they or the Secretariat
publish, citizens' bookings of a slot, and the consultations actually given (booked or walk-in).

A slot seats one citizen. "No double booking" is a database rule: at most one *active* booking (booked or
served) per slot, as a partial unique index, so even two requests that both pass the service's check cannot
both be written.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Re-exported (`as`): defined in constants, which the pages and API read; the rest still reads them here.
from secretariat.counters.constants import BookingStatus as BookingStatus
from secretariat.counters.constants import ConsultationField as ConsultationField
from secretariat.counters.constants import Mode as Mode


class Association(models.Model):
    """A professional association that sends its members to the counter (律師公會, 建築師公會, 地政士公會)."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    field = models.CharField(_("field"), max_length=20, choices=ConsultationField.choices)
    is_active = models.BooleanField(_("active"), default=True)
    # People of the association who may publish its slots (they sign in with their own account).
    accounts = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("accounts"), blank=True,
                                      related_name="consultation_associations")
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("partner association")
        verbose_name_plural = _("partner associations")

    def __str__(self) -> str:
        return self.name


class Slot(models.Model):
    """One consultation session a citizen can book; its field is the association's."""

    association = models.ForeignKey(Association, verbose_name=_("association"), on_delete=models.PROTECT,
                                    related_name="slots")
    field = models.CharField(_("field"), max_length=20, choices=ConsultationField.choices)
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"))
    mode = models.CharField(_("on site or remote"), max_length=10, choices=Mode.choices, default=Mode.ON_SITE)
    is_withdrawn = models.BooleanField(_("withdrawn"), default=False)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("published by"), null=True,
                                     on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)

    class Meta:
        ordering = ["date", "starts_at", "association__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["association", "date", "starts_at", "mode"],
                                    name="counters_slot_unique_time"),
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="counters_slot_ends_after"),
        ]
        indexes = [models.Index(fields=["date", "field"], name="counters_slot_date_field")]
        verbose_name = _("consultation slot")
        verbose_name_plural = _("consultation slots")

    def __str__(self) -> str:
        return f"{self.date} {self.starts_at:%H:%M} {self.association}"


ACTIVE_BOOKING = (BookingStatus.BOOKED, BookingStatus.SERVED)


class Booking(models.Model):
    """A citizen's booking of a slot. Name, phone and e-mail are personal data: masked on staff screens,
    shown only through the logged reveal. The cancel link's token is stored only as its SHA-256."""

    slot = models.ForeignKey(Slot, verbose_name=_("slot"), on_delete=models.PROTECT, related_name="bookings")
    status = models.CharField(_("status"), max_length=10, choices=BookingStatus.choices, default=BookingStatus.BOOKED)
    name = models.CharField(_("full name"), max_length=60)
    phone = models.CharField(_("phone"), max_length=30)
    email = models.EmailField(_("e-mail"), blank=True)
    question = models.CharField(_("short question"), max_length=500)
    token_hash = models.CharField(max_length=64, unique=True)
    client_ip = models.CharField(max_length=45, blank=True)
    booked_at = models.DateTimeField(_("booked at"), auto_now_add=True, db_index=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    class Meta:
        ordering = ["slot__date", "slot__starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["slot"], condition=Q(status__in=["booked", "served"]),
                                    name="counters_booking_one_active_per_slot"),
        ]
        indexes = [models.Index(fields=["client_ip", "booked_at"], name="counters_booking_ip")]
        verbose_name = _("consultation booking")
        verbose_name_plural = _("consultation bookings")

    def __str__(self) -> str:
        return f"{self.slot} #{self.pk}"


class Consultation(models.Model):
    """A consultation given: the record the report counts, by month and field."""

    served_on = models.DateField(_("date"))
    field = models.CharField(_("field"), max_length=20, choices=ConsultationField.choices)
    mode = models.CharField(_("on site or remote"), max_length=10, choices=Mode.choices, default=Mode.ON_SITE)
    association = models.ForeignKey(Association, verbose_name=_("association"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="consultations")
    booking = models.OneToOneField(Booking, verbose_name=_("booking"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="consultation")
    is_walk_in = models.BooleanField(_("walk-in"), default=False)
    # A walk-in citizen's name and phone, when they gave them (personal data, masked like a booking's).
    citizen_name = models.CharField(_("citizen's name"), max_length=60, blank=True)
    citizen_phone = models.CharField(_("citizen's phone"), max_length=30, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-served_on", "-pk"]
        indexes = [models.Index(fields=["served_on", "field"], name="counters_consult_day_field")]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return f"{self.served_on} {self.get_field_display()}"
