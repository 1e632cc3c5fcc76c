"""Telling people: `notify` stores each recipient's in-app notification and queues a mail for those whose
channel is mail; the daily digest gathers the rest; every mail is a `MailDelivery` row that records its
attempts, so a failed send is retried and shown to the administrator instead of disappearing.

Mails leave the platform unaddressed by any access check: emitters pass only what every recipient may read
(a confidential case's subject is never in `params`; see cases.selectors.case_title_unaddressed).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from celery import current_app
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from secretariat.accounts.models import User
from secretariat.core.actors import Actor, person_or_none
from secretariat.core.changes import record_change
from secretariat.core.errors import NotFound, PermissionRefused, ValidationFailed
from secretariat.core.notification_events import Event, channel_chosen, event_for, events_for_role, subject_text
from secretariat.notifications.constants import MAX_ATTEMPTS, SUBJECT_LENGTH, Channel, MailStatus
from secretariat.notifications.models import MailDelivery, Notification, Preference, RoleDefault

log = logging.getLogger(__name__)


def target_key(record: Any) -> str:
    """"<app>.<model>:<pk>", how a notification names its record without the kernel knowing the model."""
    return f"{record._meta.label_lower}:{record.pk}" if record is not None else ""


def _recipients(to: Iterable[User | None]) -> list[User]:
    seen: dict[int, User] = {}
    for user in to:
        if user is not None and user.is_active and user.pk not in seen:
            seen[user.pk] = user
    return list(seen.values())


def _absolute(link: str) -> str:
    return settings.PUBLIC_BASE_URL.rstrip("/") + link if link.startswith("/") else link


def notify(code: str, *, to: Iterable[User | None], params: dict[str, Any] | None = None, link: str = "",
           record: Any = None, body: str = "") -> list[Notification]:
    """Tell each active person in `to` (duplicates and None dropped) that event `code` happened. Call inside
    the writing transaction: the notifications are written with it and the mails go after it commits."""
    event = event_for(code)
    params = {key: str(value) for key, value in (params or {}).items()}
    people = _recipients(to)
    if not people:
        return []
    with translation.override("zh-hant"):
        message = subject_text(code, params, str(event.subject))[:SUBJECT_LENGTH]
    channels = _channels_for(people, event)
    notes = Notification.objects.bulk_create([
        Notification(user=person, event=code, params=params, message=message, body=body, link=link,
                     target=target_key(record), channel=channels[person.pk]) for person in people])
    _mail_at_once(event, notes, people)
    return notes


def _channels_for(people: list[User], event: Event) -> dict[int, str]:
    """Each person's channel for `event`: their own choice, else the administrator's default for their role,
    else the event's default. Two queries whatever the number of people."""
    own = dict(Preference.objects.filter(user__in=people, event=event.code).values_list("user_id", "channel"))
    by_role = dict(RoleDefault.objects.filter(event=event.code).values_list("role", "channel"))
    return {person.pk: channel_chosen(event, own.get(person.pk), by_role.get(person.role)) for person in people}


def _mail_at_once(event: Event, notes: list[Notification], people: list[User]) -> None:
    by_id = {person.pk: person for person in people}
    mailed = [note for note in notes if note.channel == Channel.MAIL and by_id[note.user_id].email]
    for note in mailed:
        person = by_id[note.user_id]
        note.mail = _queue(MailDelivery(recipient=person, address=person.email, event=event.code,
                                        subject=note.message, body=_mail_body(note)))
    Notification.objects.bulk_update(mailed, ["mail"])  # one UPDATE for every mailed note


def _mail_body(note: Notification) -> str:
    parts = [note.message, note.body, _absolute(note.link) if note.link else ""]
    return "\n\n".join(part for part in parts if part)


def mail_to_address(code: str, *, address: str, subject: str, body: str, secret: bool = False) -> MailDelivery | None:
    """A mail to someone without an account (a citizen): queued and retried like any other. No address, no
    mail. `secret`: the body holds a one-time link, erased once sent."""
    event_for(code)
    if not address:
        return None
    return _queue(MailDelivery(address=address, event=code, subject=subject[:SUBJECT_LENGTH], body=body,
                               holds_secret=secret))


def _queue(delivery: MailDelivery) -> MailDelivery:
    delivery.save()
    # By name: the task module sits above the services (apps.py imports it so that it is registered). After
    # commit: a step that rolls back must not have told anyone anything.
    transaction.on_commit(lambda: current_app.tasks["notifications.deliver_mail"].delay(delivery.pk))
    return delivery


def mail_deliver(*, delivery_id: int) -> bool:
    """Send one queued or failed mail. True when it is sent (now or before); a failure is recorded with its
    error and the attempt counted, for the retry and the administrator."""
    delivery = MailDelivery.objects.filter(pk=delivery_id).first()
    if delivery is None or delivery.status == MailStatus.SENT:
        return delivery is not None
    try:
        send_mail(delivery.subject, delivery.body, None, [delivery.address], fail_silently=False)
    except Exception as error:  # any transport error: SMTP, socket, DNS — recorded, never raised into a page
        log.warning("mail %s to %s failed: %s", delivery.pk, delivery.event, error)
        MailDelivery.objects.filter(pk=delivery.pk).update(
            status=MailStatus.FAILED, attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:500])
        return False
    sent = MailDelivery.objects.filter(pk=delivery.pk)
    sent.update(status=MailStatus.SENT, attempts=F("attempts") + 1, sent_at=timezone.now(), last_error="")
    if delivery.holds_secret:
        sent.update(body="")
    return True


def mail_retry_due(*, now: dt.datetime | None = None) -> int:
    """Send again what failed (fewer than MAX_ATTEMPTS tries) and what has waited over ten minutes (a queue
    message lost with a broker restart). Returns how many were sent."""
    now = now or timezone.now()
    failed = Q(status=MailStatus.FAILED, attempts__lt=MAX_ATTEMPTS)
    stuck = Q(status=MailStatus.QUEUED, created_at__lt=now - dt.timedelta(minutes=10))
    ids = list(MailDelivery.objects.filter(failed | stuck).order_by("pk").values_list("pk", flat=True)[:500])
    return sum(mail_deliver(delivery_id=pk) for pk in ids)


def mail_send_again(*, actor: Actor, delivery_ids: list[int]) -> int:
    """An administrator sends failed mails again (after fixing an address or the server)."""
    rows = MailDelivery.objects.filter(pk__in=delivery_ids, status=MailStatus.FAILED)
    ids = list(rows.values_list("pk", flat=True))
    with transaction.atomic():
        MailDelivery.objects.filter(pk__in=ids).update(attempts=0)
        record_change(actor=actor, action="notification.mail_retry", target=actor, extra={"mails": ids})
    return sum(mail_deliver(delivery_id=pk) for pk in ids)


def digests_send(*, now: dt.datetime | None = None) -> int:
    """One mail per person gathering their digest-channel notifications not yet mailed. Returns how many."""
    pending = (Notification.objects.filter(channel=Channel.DIGEST, mail__isnull=True, created_at__lte=now or
                                           timezone.now()).exclude(user__email="").select_related("user")
               .order_by("user_id", "created_at", "pk"))
    by_user: dict[int, list[Notification]] = {}
    for note in pending.iterator(chunk_size=2000):
        by_user.setdefault(note.user_id, []).append(note)
    for notes in by_user.values():
        with transaction.atomic():
            delivery = _queue(_digest_mail(notes))
            Notification.objects.filter(pk__in=[note.pk for note in notes]).update(mail=delivery)
    return len(by_user)


def _digest_mail(notes: list[Notification]) -> MailDelivery:
    person = notes[0].user
    with translation.override("zh-hant"):
        subject = _("Your daily digest: %(count)s notifications") % {"count": len(notes)}
    lines = [f"- {note.message}" + (f"\n  {_absolute(note.link)}" if note.link else "") for note in notes]
    return MailDelivery(recipient=person, address=person.email, event="digest", subject=subject,
                        body="\n".join(lines))


def notification_mark_read(*, actor: Actor, notification_id: int | None = None,
                           at: dt.datetime | None = None) -> int:
    """Mark one of `actor`'s unread notifications read (all of them when `notification_id` is None). Returns
    how many changed. Someone else's notification is refused as not found."""
    person = person_or_none(actor)
    if person is None:
        raise NotFound()
    rows = Notification.objects.filter(user=person, read_at__isnull=True)
    with transaction.atomic():
        if notification_id is not None:
            if not Notification.objects.filter(user=person, pk=notification_id).exists():
                raise NotFound()
            rows = rows.filter(pk=notification_id)
        ids = list(rows.values_list("pk", flat=True)[:5000])
        changed = Notification.objects.filter(pk__in=ids).update(read_at=at or timezone.now())
        if changed:
            record_change(actor=actor, action="notification.read", target=actor, extra={"notifications": ids})
    return changed


def _check_channel(channel: str, field: str) -> None:
    if channel not in Channel.values:
        raise ValidationFailed(_("Choose one of the offered channels."), code="invalid_channel", field=field)


def preferences_set(*, actor: Actor, choices: dict[str, str]) -> dict[str, str]:
    """The person's channel for each event in `choices` (event code → channel). Only events their role may
    receive can be chosen; all choices are checked before any is saved."""
    person = person_or_none(actor)
    if person is None:
        raise PermissionRefused(_("Only a signed-in person has notification settings."))
    offered = {event.code for event in events_for_role(person.role)}
    for code, channel in choices.items():
        if code not in offered:
            raise ValidationFailed(_("“%(event)s” is not a notification you receive."), code="unknown_event",
                                   params={"event": code[:60]}, field="event")
        _check_channel(channel, code)
    with transaction.atomic():
        before = dict(Preference.objects.filter(user=person, event__in=choices).values_list("event", "channel"))
        for code, channel in choices.items():
            Preference.objects.update_or_create(user=person, event=code, defaults={"channel": channel})
        changed = {code: channel for code, channel in choices.items() if before.get(code) != channel}
        if changed:
            record_change(actor=actor, action="notification.preferences", target=person, before=before,
                          after=changed)
    return changed


def role_default_set(*, actor: Actor, role: str, code: str, channel: str) -> RoleDefault:
    """An administrator's default channel of an event for a role."""
    from secretariat.notifications.access import sets_role_defaults

    if not sets_role_defaults(actor):
        raise PermissionRefused(_("Only a Secretariat administrator sets the default channels."))
    event = event_for(code)
    if role not in event.roles:
        raise ValidationFailed(_("This role does not receive this notification."), code="role_not_recipient",
                               field="role")
    _check_channel(channel, "channel")
    with transaction.atomic():
        row = RoleDefault.objects.filter(role=role, event=code).first()
        before = {"channel": row.channel} if row else {}
        row, _created = RoleDefault.objects.update_or_create(role=role, event=code, defaults={"channel": channel})
        record_change(actor=actor, action="notification.role_default", target=row, before=before,
                      after={"role": role, "event": code, "channel": channel})
    return row
