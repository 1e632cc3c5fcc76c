"""The citizen's side of consultations: booking a slot on the public page, cancelling it with the mailed
link, and the reminder the day before.

No double booking: the slot row is locked (select_for_update) while the booking is checked and written,
and the database refuses a second active booking of a slot anyway (partial unique index), which is what
holds on SQLite, where the row lock is the whole-database write lock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from secretariat.core.changes import SYSTEM, record_change
from secretariat.core.errors import ApplicationError, Conflict, NotFound, ValidationFailed
from secretariat.core.flood import flood_wait
from secretariat.core.request_context import client_ip as request_client_ip
from secretariat.core.site_settings import SettingSpec, declare, setting_get
from secretariat.counters.models import Booking, BookingStatus, ConsultationField, Slot
from secretariat.notifications.services import mail_to_address

BOOKINGS_PER_HOUR = "counters.bookings_per_hour"
MAX_QUESTION = 500


class TooManyBookings(ApplicationError):
    code = "too_many_requests"
    status = 429
    default_message = _("Too many bookings from this address. Try again later.")


def declare_settings() -> None:
    declare(SettingSpec(
        key=BOOKINGS_PER_HOUR, default=5,
        check=lambda value: isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 1000,
        label=_("Consultations: public bookings allowed per address and hour"),
    ))


def token_hash(token: str) -> str:
    return hashlib.sha256((token or "").encode("utf-8")).hexdigest()


def slot_start(slot: Slot) -> dt.datetime:
    """When the slot begins, as an aware datetime in the site's zone (Taipei)."""
    return timezone.make_aware(dt.datetime.combine(slot.date, slot.starts_at))


@dataclass(frozen=True)
class Booked:
    booking: Booking
    token: str  # in clear only here, on the confirmation page and in the mail


def _check_flood(ip: str, now: dt.datetime) -> None:
    if not ip:  # no address to hold to a limit
        return
    limit = int(setting_get(BOOKINGS_PER_HOUR))
    minutes = flood_wait(Booking.objects.filter(client_ip=ip), stamp="booked_at", limit=limit, now=now)
    if minutes is not None:
        raise TooManyBookings(
            _("At most %(limit)s bookings may be made from one address in an hour. Try again in %(minutes)s "
              "minutes, or call 1999."), params={"limit": limit, "minutes": minutes})


def _clean_contact(*, name: str, phone: str, email: str, question: str) -> tuple[str, str, str, str]:
    name, phone, email, question = name.strip(), phone.strip(), email.strip(), question.strip()
    if not name:
        raise ValidationFailed(_("Please give your name."), code="missing_fields", field="name")
    if len(name) > 60:
        raise ValidationFailed(_("The name is too long."), code="invalid", field="name")
    if len(re.sub(r"\D", "", phone)) < 7 or len(phone) > 30:
        raise ValidationFailed(_("Please give a phone number we can call."), code="invalid", field="phone")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationFailed(_("The e-mail address is not valid."), code="invalid", field="email") from None
    if not question:
        raise ValidationFailed(_("Please tell us briefly what you want to ask."), code="missing_fields",
                               field="question")
    if len(question) > MAX_QUESTION:
        raise ValidationFailed(_("Keep the question under %(limit)s characters."), code="invalid",
                               field="question", params={"limit": MAX_QUESTION})
    return name, phone, email, question


def _lock_bookable(slot_id: int, field: str, now: dt.datetime) -> Slot:
    slot = Slot.objects.select_for_update().select_related("association").filter(pk=slot_id).first()
    if slot is None or slot.is_withdrawn:
        raise NotFound(_("This slot is not offered."), code="slot_unknown", field="slot")
    if field and field != slot.field:
        raise ValidationFailed(_("The slot is for another field of consultation."), code="field_mismatch",
                               field="field")
    if slot_start(slot) <= now:
        raise ValidationFailed(_("This slot has already begun or passed; choose a later one."), code="slot_past",
                               field="slot")
    if slot.bookings.filter(status__in=[BookingStatus.BOOKED, BookingStatus.SERVED]).exists():
        raise Conflict(_("Someone has just booked this slot. Please choose another."), code="slot_taken",
                       field="slot")
    return slot


def booking_create(*, slot_id: int, name: str, phone: str, question: str, email: str = "", field: str = "",
                   client_ip: str | None = None, now: dt.datetime | None = None) -> Booked:
    """A citizen books a slot. Refused: an unknown, withdrawn, past or taken slot (409 for taken), bad
    contact data, or too many bookings from the address in the last hour (429). Mails the cancel link."""
    now = now or timezone.now()
    ip = (client_ip if client_ip is not None else request_client_ip.get())[:45]
    if field and field not in ConsultationField.values:
        raise ValidationFailed(_("Choose a field of consultation."), code="invalid", field="field")
    name, phone, email, question = _clean_contact(name=name, phone=phone, email=email, question=question)
    _check_flood(ip, now)
    token = secrets.token_urlsafe(32)
    try:
        with transaction.atomic():
            slot = _lock_bookable(slot_id, field, now)
            booking = Booking.objects.create(slot=slot, name=name, phone=phone, email=email, question=question,
                                             token_hash=token_hash(token), client_ip=ip)
            # Personal data stays out of the audit trail: the trail is kept for ever and read by auditors.
            record_change(actor=SYSTEM, action="counters.booking_create", target=booking,
                          after={"slot": slot.pk, "status": booking.status, "has_email": bool(email)})
            if email:
                _confirmation_mail(booking, slot, token)
    except IntegrityError:
        raise Conflict(_("Someone has just booked this slot. Please choose another."), code="slot_taken",
                       field="slot") from None
    return Booked(booking=booking, token=token)


def cancel_url(token: str) -> str:
    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse("counters:booking_cancel", args=[token])


def _when(slot: Slot) -> str:
    from secretariat.core import roc

    return f"{roc.format_words(slot.date)} {slot.starts_at:%H:%M}–{slot.ends_at:%H:%M}"


def _confirmation_mail(booking: Booking, slot: Slot, token: str) -> None:
    subject = gettext("Your consultation booking")
    body = gettext(
        "You booked a %(field)s with %(association)s on %(when)s (%(mode)s).\n\nIf you cannot come, cancel "
        "the booking with this link so that someone else can take the slot:\n%(url)s\n"
    ) % {"field": slot.get_field_display(), "association": slot.association.name, "when": _when(slot),
         "mode": slot.get_mode_display(), "url": cancel_url(token)}
    mail_to_address("counters.booking_confirmation", address=booking.email, subject=subject, body=body, secret=True)


def booking_for_token(*, token: str) -> Booking:
    booking = Booking.objects.select_related("slot__association").filter(token_hash=token_hash(token)).first()
    if booking is None:
        raise NotFound(_("This link is not valid. Check that you copied it whole."), code="token_unknown")
    return booking


def booking_cancel(*, token: str, now: dt.datetime | None = None) -> Booking:
    """The citizen cancels with the mailed link: the slot opens again. Refused once the slot has begun."""
    now = now or timezone.now()
    with transaction.atomic():
        found = booking_for_token(token=token)
        booking = Booking.objects.select_for_update().get(pk=found.pk)
        if booking.status == BookingStatus.CANCELLED:
            return found
        if booking.status != BookingStatus.BOOKED or slot_start(found.slot) <= now:
            raise Conflict(_("This booking can no longer be cancelled."), code="not_cancellable")
        booking.status, booking.cancelled_at = BookingStatus.CANCELLED, now
        booking.save(update_fields=["status", "cancelled_at"])
        record_change(actor=SYSTEM, action="counters.booking_cancel", target=booking,
                      before={"status": BookingStatus.BOOKED}, after={"status": booking.status, "by": "citizen"})
    found.status, found.cancelled_at = booking.status, booking.cancelled_at
    return found


def booking_reminders_send(*, today: dt.date | None = None) -> int:
    """Mail every citizen booked for tomorrow (Taipei) who has an e-mail and was not reminded yet; returns
    how many were sent. Each booking is marked in its own transaction, so a rerun sends nobody twice."""
    today = today or timezone.localdate()
    tomorrow = today + dt.timedelta(days=1)
    due = (Booking.objects.filter(slot__date=tomorrow, status=BookingStatus.BOOKED, reminded_at__isnull=True)
           .exclude(email="").values_list("pk", flat=True))
    sent = 0
    for booking_id in list(due):
        with transaction.atomic():
            booking = (Booking.objects.select_for_update().select_related("slot__association")
                       .filter(pk=booking_id, reminded_at__isnull=True, status=BookingStatus.BOOKED).first())
            if booking is None:
                continue
            booking.reminded_at = timezone.now()
            booking.save(update_fields=["reminded_at"])
            record_change(actor=SYSTEM, action="counters.booking_remind", target=booking,
                          after={"reminded_at": booking.reminded_at.isoformat()})
            slot = booking.slot
            body = gettext(
                "A reminder: your %(field)s with %(association)s is tomorrow, %(when)s (%(mode)s).\n"
                "If you cannot come, please cancel with the link in your booking mail."
            ) % {"field": slot.get_field_display(), "association": slot.association.name, "when": _when(slot),
                 "mode": slot.get_mode_display()}
            mail_to_address("counters.booking_reminder", address=booking.email,
                            subject=gettext("Consultation tomorrow"), body=body)
        sent += 1
    return sent
